import Foundation
import TestSupport
import Testing

/// `empsh serve` on a free port with a known key and 120 employees (stopped when released).
struct LocalServe {
    static let token = "test-key-123"
    let process: ServeProcess
    var url: String { process.url }
    var token: String { Self.token }

    init(extra: [String] = []) throws {
        process = try ServeProcess.start(["--token", Self.token, "--employees", "120"] + extra)
    }
}

/// A value handed from one thread to another, waited for with a bound.
final class Outbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var value: String?
    func put(_ text: String) {
        condition.withLock {
            value = text
            condition.broadcast()
        }
    }
    func take(timeout: Double) -> String? {
        condition.withLock {
            let deadline = Date().addingTimeInterval(timeout)
            while value == nil, condition.wait(until: deadline) {}
            return value
        }
    }
}

@Suite struct CLIExitCodeTests {
    @Test func successIsZero() throws {
        let result = try runEmpsh(["-e", "print(employees.count{})"])
        #expect(result.status == 0)
        #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 > 0)
    }

    @Test func scriptErrorIsOneEvenAfterOutput() throws {
        let result = try runEmpsh(["-e", "employees.all{fields={'id'}, limit=2}:show(); error('late')"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("id"))
        #expect(result.stderr.contains("(command line):1: late"))
    }

    @Test(arguments: [
        ["--timeout", "0"], ["--format", "xml", "-e", "1"], ["-l", "=x"], ["--no-such-flag"], ["-e"],
    ])
    func usageErrorsAreTwo(arguments: [String]) throws {
        let result = try runEmpsh(arguments)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(!result.stderr.isEmpty)
    }

    @Test func argumentsAreValidatedBeforeAnyLuaRuns() throws {
        let result = try runEmpsh(["-e", "print('ran')", "missing-script.lua"])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("missing-script.lua"))
    }

    @Test func badTokenIsThree() throws {
        let server = try LocalServe()
        let result = try runEmpsh(["--url", server.url, "--token", "wrong-key", "-e", "print('before'); employees.all{limit=1}"])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == "before\n")
        #expect(result.stderr.contains("(command line):1:"))
        #expect(!result.stderr.contains("stack traceback"))
        #expect(!result.stderr.contains("wrong-key"))
    }

    @Test func goodTokenReachesServer() throws {
        let server = try LocalServe()
        let result = try runEmpsh(["--url", server.url, "--token", server.token, "-e", "print(employees.count{})"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "120\n")
    }

    @Test func verboseAddsTracebackToAPIErrors() throws {
        let server = try LocalServe()
        let result = try runEmpsh(["--verbose", "--url", server.url, "--token", "wrong", "-e", "employees.all{limit=1}"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("stack traceback"))
    }

    @Test func sigintToAScriptIsOneThirty() throws {
        let process = try startPrintingStarted(["-e", "print('started'); io.stdout:flush(); while true do end"])
        #expect(interruptAndWait(process) == 130)
    }

    @Test func sigintCancelsASlowFetch() throws {
        let server = try LocalServe(extra: ["--faults", "1"])
        let process = try startPrintingStarted(
            ["--url", server.url, "--token", server.token, "-e", "print('started'); io.stdout:flush(); employees.all{}"])
        usleep(300_000)
        let sent = Date()
        #expect(interruptAndWait(process) == 130)
        #expect(Date().timeIntervalSince(sent) < Watchdog.seconds(expecting: 1))
    }

    /// Starts empsh and waits (at most 30 s) until it printed "started".
    private func startPrintingStarted(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let started = Outbox()
        DispatchQueue.global().async {
            let data = (try? out.fileHandleForReading.read(upToCount: 8)) ?? Data()
            started.put(String(decoding: data, as: UTF8.self))
        }
        #expect(started.take(timeout: 30) == "started\n")
        return process
    }

    /// Sends SIGINT and returns the exit status (killed after 15 s).
    private func interruptAndWait(_ process: Process) -> Int32 {
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(15)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

@Suite struct SecretEnvironmentTests {
    @Test func scriptsCannotReadTheCredentialsFromTheEnvironment() throws {
        let result = try runEmpsh(
            ["-e", "print(os.getenv('EMPSH_TOKEN'), os.getenv('EMPSH_PASSWORD'), os.getenv('EMPSH_LOGIN'))"],
            environment: ["EMPSH_TOKEN": "tok-secret-123", "EMPSH_URL": "http://127.0.0.1:9/v2.0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "nil\tnil\tnil\n")
        #expect(!result.stdout.contains("tok-secret-123") && !result.stderr.contains("tok-secret-123"))
    }
}
