import Foundation
import Lua

/// `empsh test --coverage`'s report: for each Lua file the tests loaded (modules and scripts, not
/// the test files, nor empsh's own prelude), its executable lines and how often each ran.
///
/// ```swift
/// LuaCoverage.reset()
/// // ... run the tests in states given to LuaCoverage.attach ...
/// let report = CoverageReport.collect(excluding: files, currentDirectory: cwd)
/// print(report.table)  // file, lines, covered, percent, and a total
/// try report.lcov.write(toFile: "coverage.lcov", atomically: true, encoding: .utf8)
/// ```
public struct CoverageReport: Sendable, Equatable {
    /// One file's lines.
    public struct File: Sendable, Equatable {
        /// The path as shown: relative to the current directory when under it, else absolute.
        public var path: String
        /// Every executable line, with how often it ran (0 for never).
        public var hits: [Int: Int]
        /// Executable lines.
        public var lines: Int { hits.count }
        /// Executable lines that ran.
        public var covered: Int { hits.values.count { $0 > 0 } }
    }

    /// The files, by path.
    public var files: [File]
    /// Files that were counted but could not be read or compiled again for their executable lines.
    public var problems: [String] = []

    /// The report of what the attached states ran.
    /// - Parameters:
    ///   - testFiles: the test files run (left out, as is any other `*_test.lua`).
    ///   - currentDirectory: what relative chunk names are relative to, and paths are shown from.
    public static func collect(excluding testFiles: [String], currentDirectory: String) -> CoverageReport {
        let excluded = Set(testFiles.map { canonical($0, in: currentDirectory) })
        var merged: [String: [Int: Int]] = [:]
        for counted in LuaCoverage.counts() {
            let path = canonical(counted.chunkName, in: currentDirectory)
            guard !excluded.contains(path), !TestFiles.isTestFile(path) else { continue }
            merged[path, default: [:]].merge(counted.hits, uniquingKeysWith: +)
        }
        var report = CoverageReport(files: [])
        for (path, hits) in merged.sorted(by: { $0.key < $1.key }) {
            let shown = display(path, from: canonical(currentDirectory, in: "/"))
            do {
                let source = try ScriptSource.file(path)
                let executable = try LuaCoverage.executableLines(of: source.code, name: source.chunkName)
                report.files.append(File(path: shown, hits: Dictionary(uniqueKeysWithValues: executable.map { ($0, hits[$0] ?? 0) })))
            } catch let error as ShellError {
                report.problems.append("coverage: \(shown): \(error.description)")
            } catch {
                report.problems.append("coverage: \(shown): \(error)")
            }
        }
        return report
    }

    /// The table: a row per file (path, lines, covered, percent) and a total.
    public var table: String {
        let total = (lines: files.reduce(0) { $0 + $1.lines }, covered: files.reduce(0) { $0 + $1.covered })
        let rows = files.map { [$0.path, String($0.lines), String($0.covered), Self.percent($0.covered, of: $0.lines)] }
        let footer = ["total", String(total.lines), String(total.covered), Self.percent(total.covered, of: total.lines)]
        let all = [["file", "lines", "covered", "percent"]] + rows + [footer]
        let width = all.map { $0[0].count }.max() ?? 0
        return all.map { row in
            row[0].padding(toLength: width, withPad: " ", startingAt: 0)
                + row[1...].map { String(repeating: " ", count: max(0, 9 - $0.count)) + $0 }.joined()
        }.joined(separator: "\n")
    }

    /// The report in LCOV's tracefile format (`SF:`, `DA:line,hits`, `LF`, `LH`, `end_of_record`).
    public var lcov: String {
        files.map { file in
            let lines = file.hits.keys.sorted().map { "DA:\($0),\(file.hits[$0] ?? 0)\n" }.joined()
            return "TN:\nSF:\(file.path)\n\(lines)LF:\(file.lines)\nLH:\(file.covered)\nend_of_record\n"
        }.joined()
    }

    /// `70.0%`; `-` for a file without executable lines.
    static func percent(_ covered: Int, of lines: Int) -> String {
        guard lines > 0 else { return "-" }
        return String(format: "%.1f%%", Double(covered) * 100 / Double(lines))
    }

    /// An absolute path with `.`, `..` and symbolic links resolved, so one file has one name.
    static func canonical(_ path: String, in directory: String) -> String {
        let absolute = path.hasPrefix("/") ? path : directory + "/" + path
        return URL(fileURLWithPath: absolute).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// `path` relative to `directory` when under it.
    static func display(_ path: String, from directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
