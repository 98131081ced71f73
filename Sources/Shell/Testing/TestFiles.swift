import Foundation

/// The test files `empsh test` runs: every `*_test.lua` in the given files and folders (folders searched
/// to any depth), by default in `test/` and `lua/` under the current directory, in path order.
public enum TestFiles {
    /// The folders searched when no path is given.
    public static let defaultFolders = ["test", "lua"]

    /// Finds the test files.
    /// - Parameter paths: Files and folders; none for `defaultFolders` (those that exist).
    /// - Returns: The files, sorted, each once.
    /// - Throws: `ShellError.usage` for a path that does not exist, or when no test file is found.
    public static func find(in paths: [String]) throws -> [String] {
        let manager = FileManager.default
        let roots = paths.isEmpty ? defaultFolders.filter { manager.fileExists(atPath: $0) } : paths
        var files: [String] = []
        for root in roots {
            var isFolder: ObjCBool = false
            guard manager.fileExists(atPath: root, isDirectory: &isFolder) else {
                throw ShellError.usage("test: no such file or folder: \(root)")
            }
            guard isFolder.boolValue else {
                files.append(root)
                continue
            }
            let base = root.hasSuffix("/") ? String(root.dropLast()) : root
            let found = (manager.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter(isTestFile)
            files += found.map { base + "/" + $0 }
        }
        var seen = Set<String>()
        files = files.sorted().filter { seen.insert($0).inserted }
        guard !files.isEmpty else {
            let searched = paths.isEmpty ? defaultFolders.map { $0 + "/" }.joined(separator: " and ") : paths.joined(separator: ", ")
            throw ShellError.usage("test: no *_test.lua files in \(searched)")
        }
        return files
    }

    /// Whether a file name is a test file's: `*_test.lua`.
    static func isTestFile(_ path: String) -> Bool { path.hasSuffix("_test.lua") }
}
