import ArgumentParser
import Foundation
import Shell

/// `empsh test [PATH...]`: runs the `test_*` functions of `*_test.lua` files.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Runs the test_* functions of *_test.lua files.",
        discussion: """
            Each global function whose name starts with test_ runs in a fresh Lua state in which its file \
            has just run, against the demo account, the recording of --replay or the account configured as \
            for scripts. A test passes when it returns and fails when it raises an error; a failure prints \
            the test's name and `file:line: message`. The last line counts the tests: `N passed, N failed`. \
            The exit code is 1 when any test failed.

            With --coverage, a table before that line gives the line coverage of the Lua files the tests \
            loaded (modules and scripts; not the test files, nor empsh's own): for each file its \
            executable lines, how many ran, and the percentage, then the total. --coverage-file also \
            writes it in LCOV's format for editors and CI. A line is executable when Lua has code on it \
            (debug.getinfo's activelines), less a function's closing `end` when that holds only the \
            implicit return. Coverage does not change the exit code.

            Without a PATH, the *_test.lua files in test/ and lua/ under the current directory run. Modules \
            are found beside the test file first, then as for scripts.
            """,
        helpNames: [.short, .long])

    @OptionGroup(title: "Account")
    var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("Test files, or folders searched for *_test.lua files.", valueName: "path"))
    var paths: [String] = []

    @Flag(help: "Report the line coverage of the Lua files the tests loaded.")
    var coverage = false

    @Option(
        help: ArgumentHelp("Also write the coverage in LCOV's format to this file (implies --coverage).", valueName: "path"),
        completion: .file())
    var coverageFile: String?

    func run() throws {
        let code = ExitStatus.run {
            let files = try TestFiles.find(in: paths)
            let lcov = try coverageFile.map(Self.openCoverageFile)
            let backend = try connection.makeBackend(interactive: false, onWait: nil)
            defer { backend.close() }
            var options = Shell.Options()
            options.modulePaths = ModulePaths(
                environment: ProcessInfo.processInfo.environment, scriptDirectory: nil,
                currentDirectory: FileManager.default.currentDirectoryPath)
            var runner = TestRunner(options: options, backend: backend)
            runner.coverage = coverage || lcov != nil
            let summary = try runner.run(files: files)
            if let lcov, let path = coverageFile {
                try Self.write(summary.coverage?.lcov ?? "", to: lcov, path: path)
            }
            return summary.failed == 0 ? 0 : 1
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Opens (and empties) the LCOV file before any test runs, so a path that cannot be written
    /// is refused before the tests take their time.
    static func openCoverageFile(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw ShellError.usage("test: cannot write the coverage file \(path): \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    static func write(_ text: String, to handle: FileHandle, path: String) throws {
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data(text.utf8))
        } catch {
            throw ShellError.usage("test: cannot write the coverage file \(path): \(error.localizedDescription)")
        }
    }
}
