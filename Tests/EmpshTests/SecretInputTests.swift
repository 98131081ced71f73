import Foundation
import TestSupport
import Testing

/// Secrets come from where other users cannot see them: files, standard input, a prompt without
/// echo. A secret on the command line still works, with a warning; no route shows one.
@Suite struct SecretInputTests {
    @Test func tokenFromAFileOrStandardInputAndNoWarning() throws {
        let server = try LocalServe()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("token")
        try (server.token + "\n").write(to: file, atomically: true, encoding: .utf8)
        let fromFile = try runEmpsh(["--url", server.url, "--token-file", file.path, "-e", "print(employees.count{})"])
        #expect(fromFile.status == 0 && fromFile.stdout == "120\n", "\(fromFile.stderr)")
        #expect(!fromFile.stderr.contains("warning"))
        let fromStdin = try runEmpsh(["--url", server.url, "--token-file", "-", "-e", "print(employees.count{})"], stdin: server.token + "\r\n")
        #expect(fromStdin.status == 0 && fromStdin.stdout == "120\n", "\(fromStdin.stderr)")
    }

    @Test(arguments: [["--token", "k-123456"], ["--login", "user", "--password", "p-123456"]])
    func aSecretOnTheCommandLineWorksWithAWarning(arguments: [String]) throws {
        let result = try runEmpsh(arguments + ["--url", "http://127.0.0.1:9/v2.0", "-e", "print(1)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("can be read by other users"), "\(result.stderr)")
        #expect(!result.stderr.contains("123456"))
    }

    @Test(arguments: [
        ["--token", "a", "--token-file", "f"], ["--password", "a", "--password-file", "f", "--login", "u"],
        ["--token-file", "-", "--password-file", "-"], ["--token-file", "/nonexistent/token"], ["--token-file", "-", "-"],
    ])
    func conflictingOrUnreadableSecretsAreUsageErrors(arguments: [String]) throws {
        let result = try runEmpsh(arguments + (arguments.last == "-" ? [] : ["-e", "print(1)"]), stdin: "")
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
    }

    @Test func aSafeScriptCannotReadTheTokenFile() throws {
        let server = try LocalServe()
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try server.token.write(to: dir.appendingPathComponent("token"), atomically: true, encoding: .utf8)
        let code = "print(pcall(function() return io.open('token'):read('a') end)); print(pcall(dofile, 'token'))"
        let result = try runEmpsh(["--safe", "--url", server.url, "--token-file", "token", "-e", code], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains(server.token) && !result.stderr.contains(server.token))
        #expect(result.stdout.contains("disabled by --safe"))
    }

    @Test func aLoginWithoutAPasswordOnATerminalAsksWithoutEcho() throws {
        let session = try PTYSession(["--url", "http://127.0.0.1:9/v2.0", "--login", "ops", "-e", "print('ran')"])
        _ = try session.expect("Password for ops: ")
        session.send("hunter2-typed\r")
        _ = try session.expect("ran")
        _ = try session.waitForExit()
        #expect(!session.transcript.contains("hunter2-typed"), "\(session.transcript)")
    }
}
