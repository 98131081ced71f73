import Foundation
import TestSupport
import Testing

/// `--version` and `-v`: empsh's version, the commit it was built from, the Lua release; also in `--help` and
/// the REPL's banner.
struct VersionTests {
    static var shape: Regex<(Substring, Substring, Substring?)> {
        #/^empsh \d+\.\d+\.\d+ \(commit ([0-9a-f]{7,40}(-dirty)?|unknown)\), Lua 5\.4\.\d+$/#
    }

    @Test(arguments: ["--version", "-v"])
    func versionPrintsNumberCommitAndLua(flag: String) throws {
        let result = try runEmpsh([flag])
        #expect(result.status == 0)
        let line = result.stdout.trimmingCharacters(in: .newlines)
        #expect(line.wholeMatch(of: Self.shape) != nil, "\(line)")
        #expect(result.stderr.isEmpty)
    }

    @Test func theCommitIsTheCloneOnesWhenGitKnowsIt() throws {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        git.arguments = ["-c", "safe.directory=*", "-C", repositoryRoot(), "rev-parse", "--short=12", "HEAD"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return }  // no git here: "unknown" is checked by the shape
        git.waitUntilExit()
        let head = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard git.terminationStatus == 0, !head.isEmpty else { return }
        let result = try runEmpsh(["--version"])
        // The binary under test may be one commit behind while it is being built; it names a commit of this clone.
        #expect(result.stdout.contains("(commit "))
        #expect(!result.stdout.contains("(commit unknown)"), "git knows the commit: \(head)")
    }

    @Test func helpAndBannerShowTheVersion() throws {
        let help = try runEmpsh(["--help"])
        #expect(help.stdout.contains("version 0."))
        #expect(help.stdout.contains("--version"))
        let session = try REPLFixture().start()
        #expect(session.transcript.contains("(commit "))
        #expect(session.transcript.contains(", Lua 5.4."))
        #expect(try session.quit() == 0)
    }
}
