import Foundation
import TestSupport
import Testing

/// The command line as a new user tries it in the first hour.
@Suite struct CLIRoughEdgeTests {
    @Test func helpNamesASubcommandAsHelpSays() throws {
        for name in ["serve", "test"] {
            let result = try runEmpsh(["help", name])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.contains("USAGE: empsh \(name)"), "\(result.stdout)")
            #expect(result.stderr.isEmpty)
        }
        let plain = try runEmpsh(["help"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("See 'empsh help <subcommand>' for detailed help."))
        let unknown = try runEmpsh(["help", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no subcommand \"nosuch\""), "\(unknown.stderr)")
    }

    @Test func doubleDashEndsEmpshsOptions() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("args.lua").path
        try "print(arg[0], ...)".write(toFile: script, atomically: true, encoding: .utf8)
        let result = try runEmpsh(["--", script, "-x", "--", "y"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(script)\t-x\t--\ty\n")
        let withOptions = try runEmpsh(["--format", "json", "--", script, "a"])
        #expect(withOptions.stdout == "\(script)\ta\n", "\(withOptions.stderr)")
    }

    @Test func aByteOrderMarkIsSkippedAsLuaDoes() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bom = "\u{FEFF}"
        let plain = dir.appendingPathComponent("bom.lua").path
        try (bom + "print('with a BOM')\nerror('line two')\n").write(toFile: plain, atomically: true, encoding: .utf8)
        let result = try runEmpsh([plain])
        #expect(result.stdout == "with a BOM\n")
        #expect(result.stderr.contains("bom.lua:2: line two"), "\(result.stderr)")
        let shebang = dir.appendingPathComponent("shebang.lua").path
        try (bom + "#!/usr/bin/env empsh\nprint('shebang too')\n").write(toFile: shebang, atomically: true, encoding: .utf8)
        #expect(try runEmpsh([shebang]).stdout == "shebang too\n")
        #expect(try runEmpsh([], stdin: bom + "print('stdin too')\n").stdout == "stdin too\n")
    }

    @Test(arguments: ["abc", "-5", "0", "9", "200001", "12x"])
    func badDemoSizesAreRefused(value: String) throws {
        let result = try runEmpsh(["-e", "print(employees.count{})"], environment: ["EMPSH_DEMO_EMPLOYEES": value])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("EMPSH_DEMO_EMPLOYEES must be a whole number between 10 and 200000, not \"\(value)\""), "\(result.stderr)")
    }

    @Test func goodDemoSizesAreUsed() throws {
        for value in ["10", "1234"] {
            let result = try runEmpsh(["-e", "print(employees.count{})"], environment: ["EMPSH_DEMO_EMPLOYEES": value])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == value + "\n")
        }
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScripts(shell: String) throws {
        let result = try runEmpsh(["--generate-completion-script", shell])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("empsh"))
        #expect(result.stdout.contains("replay"))
        #expect(result.stdout.contains("serve"))
    }

    /// docs/empsh.1 is what `--generate-manual` prints now: regenerate it with scripts/manual.
    @Test func theCommittedManPageIsCurrent() throws {
        let result = try runEmpsh(["--generate-manual"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix(".TH EMPSH 1"))
        for text in ["\\-\\-replay", "\\-\\-types", "COMMAND: empsh serve", "COMMAND: empsh test", "\\-\\-employees"] {
            #expect(result.stdout.contains(text), "\(text)")
        }
        let committed = try String(contentsOfFile: repositoryRoot() + "/docs/empsh.1", encoding: .utf8)
        #expect(committed == result.stdout, "docs/empsh.1 is stale: run scripts/manual")
    }
}

/// The repository's root: the folder above `Tests/`.
func repositoryRoot(file: String = #filePath) -> String {
    URL(fileURLWithPath: file).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
}
