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

            Without a PATH, the *_test.lua files in test/ and lua/ under the current directory run. Modules \
            are found beside the test file first, then as for scripts.
            """)

    @OptionGroup(title: "Account")
    var connection: ConnectionOptions

    @Argument(help: ArgumentHelp("Test files, or folders searched for *_test.lua files.", valueName: "path"))
    var paths: [String] = []

    func run() throws {
        let code = ExitStatus.run {
            let files = try TestFiles.find(in: paths)
            let backend = try connection.makeBackend(interactive: false, onWait: nil)
            defer { backend.close() }
            var options = Shell.Options()
            options.modulePaths = ModulePaths(
                environment: ProcessInfo.processInfo.environment, scriptDirectory: nil,
                currentDirectory: FileManager.default.currentDirectoryPath)
            let summary = try TestRunner(options: options, backend: backend).run(files: files)
            return summary.failed == 0 ? 0 : 1
        }
        if code != 0 { throw ExitCode(code) }
    }
}
