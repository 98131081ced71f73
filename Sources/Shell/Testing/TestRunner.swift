import Foundation
import LineEditing
import Lua

/// `empsh test`: runs every global function named `test_*` of each test file, each in a fresh Lua
/// state where the file has just run, against one account (the demo one, a `--replay` recording or
/// a configured account).
///
/// A test passes when it returns, and fails when it raises: the report names the test and gives the
/// failure as `file:line: message`, the line being where the failure passed through the test file.
/// Modules are found beside the test file first, then where scripts find them.
///
/// ```swift
/// let runner = TestRunner(options: Shell.Options(), backend: backend)
/// let summary = try runner.run(files: TestFiles.find(in: ["Examples/lua"]))
/// print(summary.line)  // 3 passed, 0 failed
/// ```
public struct TestRunner {
    /// The tally of a run.
    public struct Summary: Sendable, Equatable {
        /// Tests that returned.
        public var passed = 0
        /// Tests that raised, and files that failed to load.
        public var failed = 0
        /// What the tests ran of the files they loaded, when the runner counted `coverage`.
        public var coverage: CoverageReport?
        /// `N passed, N failed`.
        public var line: String { "\(passed) passed, \(failed) failed" }
    }

    /// The options of every fresh shell (its module paths are extended per file).
    public let options: Shell.Options
    /// The account every test talks to.
    public let backend: Backend
    /// Whether to count line coverage (``CoverageReport``): its table comes before the summary line.
    public var coverage = false
    /// Where the report goes, a line at a time; standard output by default.
    public var write: (String) -> Void = { line in
        print(line)
        fflush(StandardStreams.output)
    }

    /// Creates a runner.
    /// - Parameters:
    ///   - options: The options of the shells the tests run in.
    ///   - backend: The account.
    public init(options: Shell.Options, backend: Backend) {
        self.options = options
        self.backend = backend
    }

    /// Runs the tests of every file, in order, and writes the report (with `coverage`, its table),
    /// ending with `summary.line`.
    /// - Parameter files: The test files (`TestFiles.find`).
    /// - Returns: The tally.
    /// - Throws: `ShellError.interrupted` on Ctrl-C; `ShellError.usage` when a file cannot be read.
    public func run(files: [String]) throws -> Summary {
        var summary = Summary()
        if coverage { LuaCoverage.reset() }
        for file in files { try run(file: file, into: &summary) }
        if coverage {
            let report = CoverageReport.collect(excluding: files, currentDirectory: FileManager.default.currentDirectoryPath)
            LuaCoverage.reset()
            write(report.table)
            report.problems.forEach(write)
            summary.coverage = report
        }
        write(summary.line)
        return summary
    }

    private func run(file: String, into summary: inout Summary) throws {
        let source = try ScriptSource.file(file)
        let names: [String]
        do {
            let shell = try loaded(source, file: file)
            names =
                try shell.lua.run(EmbeddedLua.testcase.source, name: EmbeddedLua.testcase.name, arguments: [.nil, .string(source.chunkName)])
                .first.flatMap(Self.strings) ?? []
        } catch let error as ShellError {
            guard case .script(let luaError) = error else { throw error }
            summary.failed += 1
            write("FAIL  \(file)  (loading the file)\n\(luaError.message)")
            return
        }
        for name in names {
            let failure: String?
            do {
                let shell = try loaded(source, file: file)
                var result: [LuaValue] = []
                try shell.guarded {
                    result = try shell.lua.run(
                        EmbeddedLua.testcase.source, name: EmbeddedLua.testcase.name,
                        arguments: [.string(name), .string(source.chunkName), .string(file)])
                }
                failure = result.first?.text
            } catch let error as ShellError {
                guard case .script(let luaError) = error else { throw error }
                failure = luaError.message
            } catch let error as LuaError {
                failure = error.message
            }
            if let failure {
                summary.failed += 1
                write("FAIL  \(file)  \(name)\n\(failure)")
            } else {
                summary.passed += 1
                write("ok    \(file)  \(name)")
            }
        }
    }

    /// A fresh shell in which the test file has run.
    private func loaded(_ source: ScriptSource, file: String) throws -> Shell {
        var options = options
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        options.modulePaths = options.modulePaths.forScript(in: folder)
        options.modulePaths.templates.insert(contentsOf: [folder + "/?.lua", folder + "/?/init.lua"], at: 0)
        let shell = try Shell(options: options, backend: backend)
        if coverage { LuaCoverage.attach(shell.lua) }
        try shell.setArguments(script: file, arguments: [], interpreter: "empsh")
        try shell.guarded { try shell.run(source) }
        return shell
    }

    private static func strings(_ value: LuaValue) -> [String]? {
        guard case .table(let table) = value else { return nil }
        return (1...max(1, table.count)).compactMap { table[.integer(Int64($0))]?.text }
    }
}
