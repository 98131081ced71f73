import Foundation
import TestSupport
import Testing

/// Every form of empsh's command line, run through the built binary: which command a first word
/// picks (ArgumentParser's dispatch), what reaches a script, and the exit codes and messages.
@Suite struct CLIDispatchTests {
    /// A folder with scripts named like the subcommands (and like empsh's options' values), each
    /// printing its name and arguments.
    static func folderWithLookalikeScripts() throws -> URL {
        let dir = try makeTemporaryDirectory()
        for name in ["serve", "test", "help", "empsh", "args.lua"] {
            try "print('script \(name)', ...)".write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func noArgumentsRunsStandardInput() throws {
        let result = try runEmpsh([], stdin: "print('из stdin', select('#', ...))")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "из stdin\t0\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func executeRunsItsCodeAndNothingElse() throws {
        let quiet = try runEmpsh(["-e", "return 1"])
        #expect(quiet.status == 0, "\(quiet.stderr)")
        #expect(quiet.stdout.isEmpty)
        #expect(quiet.stderr.isEmpty)
        let two = try runEmpsh(["-e", "print(1)", "-e", "print(employees.count{})"])
        #expect(two.stdout == "1\n250\n", "\(two.stderr)")
        let failing = try runEmpsh(["-e", "error('сломано')"])
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("сломано"), "\(failing.stderr)")
    }

    /// After the script, every word is the script's: options, `--`, and subcommand names alike.
    @Test func aScriptGetsEveryWordAfterIt() throws {
        let dir = try Self.folderWithLookalikeScripts()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runEmpsh(["args.lua", "serve", "--help", "-e", "x", "--", "test"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "script args.lua\tserve\t--help\t-e\tx\t--\ttest\n")
        let withOptions = try runEmpsh(["--format", "json", "-e", "io.write('e ')", "args.lua", "--format", "csv"], directory: dir.path)
        #expect(withOptions.stdout == "e script args.lua\t--format\tcsv\n", "\(withOptions.stderr)")
    }

    /// A script named like a subcommand runs when it is not the first word: after `--`, as a path, or
    /// after empsh's options.
    @Test(arguments: ["serve", "test", "help", "empsh"])
    func aScriptNamedLikeASubcommand(name: String) throws {
        let dir = try Self.folderWithLookalikeScripts()
        defer { try? FileManager.default.removeItem(at: dir) }
        for form in [["--", name, "a"], ["./" + name, "a"], ["-e", "io.write('e ')", name, "a"], ["-W", "--", name, "a"]] {
            let result = try runEmpsh(form, directory: dir.path)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(result.stdout.hasSuffix("script \(name)\ta\n"), "\(form): \(result.stdout)")
        }
    }

    /// `empsh` as the first word names the command that runs scripts (the root's default subcommand).
    @Test func empshAsTheFirstWordIsEmpshItself() throws {
        let result = try runEmpsh(["empsh", "-e", "print('сам')"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "сам\n")
    }

    @Test func theFirstWordPicksTheSubcommand() throws {
        let dir = try Self.folderWithLookalikeScripts()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("tests"), withIntermediateDirectories: true)
        let test = "function test_count() assert(employees.count{} == 250) end\nfunction test_fails() error('нет') end\n"
        try test.write(to: dir.appendingPathComponent("tests/count_test.lua"), atomically: true, encoding: .utf8)
        let tested = try runEmpsh(["test", "tests"], directory: dir.path)
        #expect(tested.status == 1, "\(tested.stderr)")
        #expect(tested.stdout.contains("1 passed, 1 failed"), "\(tested.stdout)")
        // Options and paths in any order after the name, as ArgumentParser parses a subcommand.
        let coverage = try runEmpsh(["test", "tests", "--coverage"], directory: dir.path)
        #expect(coverage.stdout.contains("1 passed, 1 failed"), "\(coverage.stdout)\(coverage.stderr)")
    }

    @Test func serveRunsAndStops() throws {
        let serve = try ServeProcess.start(["--employees", "30", "--token", "T"])
        let answer = try runEmpsh(["--url", serve.url, "--token", "T", "-e", "print(employees.count{})"])
        let log = serve.stop()
        #expect(answer.stdout == "30\n", "\(answer.stderr)")
        #expect(log.contains("listening on http://127.0.0.1:"), "\(log)")
    }

    @Test func aSubcommandsErrorsAndHelpNameIt() throws {
        let unknown = try runEmpsh(["serve", "--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--bogus'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("Usage: empsh serve [--port <N>]"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("See 'empsh serve --help' for more information."), "\(unknown.stderr)")
        let extra = try runEmpsh(["serve", "extra"])
        #expect(extra.status == 2)
        #expect(extra.stderr.contains("Unexpected argument 'extra'"), "\(extra.stderr)")
        for flag in ["--help", "-h"] {
            let help = try runEmpsh(["serve", flag])
            #expect(help.status == 0, "\(help.stderr)")
            #expect(help.stdout.hasPrefix("OVERVIEW: Serves the reference implementation"), "\(help.stdout)")
            #expect(help.stdout.contains("USAGE: empsh serve [--port <N>]"), "\(help.stdout)")
            #expect(help.stdout == (try runEmpsh(["help", "serve"])).stdout)
        }
        let testHelp = try runEmpsh(["test", "--help"])
        #expect(testHelp.stdout.contains("USAGE: empsh test [<options>] [<path> ...]"), "\(testHelp.stdout)")
    }

    /// `--help` and `-h` as the first word after empsh's options, and `help`, print the one help text.
    @Test func everyWayToAskForHelpPrintsTheSameText() throws {
        let reference = try runEmpsh(["--help"])
        #expect(reference.status == 0)
        #expect(reference.stdout == CLIHelpTests.expected)
        for form in [["-h"], ["help"], ["-e", "print(1)", "--help"], ["--format", "json", "-h"]] {
            let result = try runEmpsh(form)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(result.stdout == reference.stdout, "\(form)")
            #expect(result.stderr.isEmpty, "\(form): \(result.stderr)")
        }
    }

    @Test func versionFromEveryForm() throws {
        let reference = try runEmpsh(["--version"])
        #expect(reference.status == 0)
        #expect(reference.stdout.hasPrefix("empsh 0."), "\(reference.stdout)")
        for form in [["-v"], ["-e", "print(1)", "--version"], ["--version", "ignored.lua"]] {
            let result = try runEmpsh(form)
            #expect(result.status == 0, "\(form): \(result.stderr)")
            #expect(result.stdout == reference.stdout, "\(form)")
        }
    }

    /// Usage errors exit 2, say what is wrong, and point at `empsh --help` (the command's name once).
    @Test(arguments: [
        (["--bogus"], "Unknown option '--bogus'."),
        (["--formt", "json"], "Unknown option '--formt'. Did you mean '--format'?"),
        (["--format", "bogus"], "The value 'bogus' is invalid for '--format <FORMAT>'"),
        (["-e"], "Missing value for '-e <CODE>'"),
        (["--timeout", "0", "-e", "x"], "--timeout must be a positive number of seconds."),
        (["--record", "a", "--replay", "b"], "--record and --replay cannot be combined."),
        (["help", "nosuch"], "help: no subcommand \"nosuch\"; the subcommands are serve, test."),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let result = try runEmpsh(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("Error: \(message)"), "\(result.stderr)")
        #expect(result.stderr.contains("Usage: empsh [<options>] [--] [<script [args]> ...]\n"), "\(result.stderr)")
        #expect(result.stderr.contains("See 'empsh --help' for more information."), "\(result.stderr)")
        #expect(!result.stderr.contains("empsh empsh"), "\(result.stderr)")
    }

    @Test func aMissingScriptIsAUsageError() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for form in [["serve.lua"], ["--", "serve"], ["-e", "print(1)", "test"]] {
            let result = try runEmpsh(form, directory: dir.path)
            #expect(result.status == 2, "\(form)")
            #expect(result.stderr.contains("cannot open"), "\(form): \(result.stderr)")
        }
    }
}
