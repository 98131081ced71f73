import Foundation
import Synchronization
import TestSupport
import Testing

/// The built binary in bad surroundings: closed and full standard streams, out-of-range URLs, special files
/// as configuration or secrets, stalled and echoing servers, a full disk. Each ends with a clear message and
/// exit 1, 2 or 3, never by a signal, and never prints a secret.
@Suite(.timeLimit(.minutes(3))) struct CLIHostileSurroundingsTests {
    static let token = "hostile-token-7f3e91"

    /// A directory with a token file in it, removed by the caller.
    static func directoryWithToken() throws -> (URL, String) {
        let dir = try makeTemporaryDirectory()
        let file = dir.appendingPathComponent("token").path
        try (token + "\n").write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    /// Writes `text` into a FIFO once a reader has opened it, on a thread of its own; gives up after 60 s.
    static func feed(_ fifo: String, _ text: String) {
        Thread.detachNewThread {
            let deadline = Date().addingTimeInterval(60)
            var fd: Int32 = -1
            while fd < 0, Date() < deadline {
                fd = open(fifo, O_WRONLY | O_NONBLOCK)  // ENXIO until a reader is there
                if fd < 0 { Thread.sleep(forTimeInterval: 0.01) }
            }
            guard fd >= 0 else { return }
            _ = text.withCString { write(fd, $0, strlen($0)) }
            close(fd)
        }
    }

    @Test(arguments: [
        ("2>/dev/full", ["-e", "error('boom')"], 1),
        ("2>&-", ["-e", "error('boom')"], 1),
        ("2>/dev/full", ["--retries", "99", "-e", "print(1)"], 2),
        ("2>&-", ["--retries", "99", "-e", "print(1)"], 2),
        ("1>/dev/full 2>/dev/full", ["-e", "print(employees.count{})"], 0),
        ("0<&-", [], 0),
        ("0<&- 2>&-", ["-"], 0),
        ("0</", [], 2),
    ])
    func badStandardStreamsEndWithAnExitCodeNotASignal(redirections: String, arguments: [String], status: Int32) throws {
        let result = try runEmpsh(arguments, timeout: 60, redirections: redirections)
        #expect(result.signal == nil, "\(redirections) \(arguments): killed by signal \(result.signal ?? 0); \(result.stderr)")
        #expect(result.status == status, "\(redirections) \(arguments): \(result.stderr)")
        if redirections == "0</" {
            #expect(result.stderr.contains("empsh: cannot read the script from standard input: it is a directory"), "\(result.stderr)")
        }
    }

    @Test func aPortPast65535IsAUsageError() throws {
        let (dir, tokenFile) = try Self.directoryWithToken()
        defer { try? FileManager.default.removeItem(at: dir) }
        for port in ["70000", "65536", "99999999999999999999", "-1", "x"] {
            let url = "http://127.0.0.1:\(port)/v2.0"
            let result = try runEmpsh(["--url", url, "--token-file", tokenFile, "-e", "print(employees.count{})"])
            #expect(result.signal == nil && result.status == 2, "\(port): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("its port must be a number from 1 to 65535, not \"\(port)\""), "\(result.stderr)")
        }
    }

    @Test func aProfileFileThatIsAFIFOADeviceOrHugeIsRefusedAtOnce() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("empsh").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let config = folder + "/config.toml"
        let cases: [(String, () throws -> Void)] = [
            ("it is not a regular file (a FIFO)", { #expect(mkfifo(config, 0o600) == 0) }),
            (
                "it is not a regular file (a character device)",
                { try FileManager.default.createSymbolicLink(atPath: config, withDestinationPath: "/dev/zero") }
            ),
            ("it is larger than 1048576 bytes", { try Data(count: 2 << 20).write(to: URL(fileURLWithPath: config)) }),
        ]
        for (message, make) in cases {
            try? FileManager.default.removeItem(atPath: config)
            try make()
            // A FIFO with no writer would hang a reader that waits for one: the watchdog (30 s) would end it.
            let result = try runEmpsh(["-e", "print(1)"], environment: ["XDG_CONFIG_HOME": dir.path], timeout: 30)
            #expect(result.signal == nil && result.status == 2, "\(message): \(result.status) \(result.stderr)")
            #expect(result.stderr == "empsh: \(config): cannot read the file: \(message)\n", "\(result.stderr)")
        }
    }

    @Test func secretFilesAreReadFromPipesAndFIFOsOnceAndBounded() async throws {
        let (dir, tokenFile) = try Self.directoryWithToken()
        defer { try? FileManager.default.removeItem(at: dir) }
        let serve = try ServeProcess.start(["--employees", "40", "--token-file", tokenFile])
        defer { serve.stop() }
        // --token-file <(pass show uis): a FIFO whose writer comes and goes.
        let fifo = dir.appendingPathComponent("token.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        Self.feed(fifo, Self.token + "\n")
        let result = try await runEmpshDetached(["--url", serve.url, "--token-file", fifo, "-e", "print(employees.count{})"])
        #expect(result.status == 0 && result.stdout == "40\n", "\(result.stderr)")
        // The password of a login, from a FIFO too.
        let passwordFIFO = dir.appendingPathComponent("password.fifo").path
        #expect(mkfifo(passwordFIFO, 0o600) == 0)
        Self.feed(passwordFIFO, "demo")
        let login = try await runEmpshDetached(
            ["--url", serve.url, "--login", "demo", "--password-file", passwordFIFO, "-e", "print(employees.count{})"])
        #expect(login.status == 0 && login.stdout == "40\n", "\(login.stderr)")
        // A device is read, but not without end.
        let zero = try runEmpsh(["--url", serve.url, "--token-file", "/dev/zero", "-e", "print(1)"])
        #expect(zero.status == 2 && zero.stderr == "empsh: --token-file: cannot read /dev/zero: it is larger than 65536 bytes\n", "\(zero.stderr)")
        let folder = try runEmpsh(["--url", serve.url, "--token-file", dir.path, "-e", "print(1)"])
        #expect(folder.status == 2 && folder.stderr == "empsh: --token-file: cannot read \(dir.path): it is a directory\n", "\(folder.stderr)")
        #expect(!serve.log.contains(Self.token) && !serve.log.contains("warning"), "\(serve.log)")
    }

    @Test func serveWarnsAboutATokenOnItsCommandLine() throws {
        let serve = try ServeProcess.start(["--employees", "10", "--token", Self.token])
        let log = serve.stop()
        #expect(
            log.contains("empsh serve: warning: --token on the command line can be read by other users of this machine (ps); use --token-file"),
            "\(log)")
        let both = try runEmpsh(["serve", "--token", "a-1234", "--token-file", "/dev/null"])
        #expect(both.status == 2 && both.stderr.contains("Give --token or --token-file, not both."), "\(both.stderr)")
    }

    @Test func aRunHoldingASecretDumpsNoCore() throws {
        let (dir, tokenFile) = try Self.directoryWithToken()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = "print(io.open('/proc/self/limits'):read('a'):match('Max core file size%s+(%S+)%s+(%S+)'))"
        let result = try runEmpsh(["--url", "http://127.0.0.1:1/v2.0", "--token-file", tokenFile, "-e", script])
        #expect(result.status == 0 && result.stdout == "0\t0\n", "\(result.stdout) \(result.stderr)")
    }

    @Test func aStalledServerEndsTheRunWithExit3NamingTheURL() async throws {
        let (dir, tokenFile) = try Self.directoryWithToken()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try FakeHTTPServer { _ in .stall }
        defer { server.stop() }
        // A stall timeout of 1 s and one retry; the watchdog (60 s) is far above what it takes.
        let result = try await runEmpshDetached(
            ["--url", server.url, "--token-file", tokenFile, "--stall-timeout", "1", "--retries", "1", "-e", "print(employees.count{})"])
        #expect(result.signal == nil && result.status == 3, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("at \(server.url)") && result.stderr.contains("no byte received for 1 s"), "\(result.stderr)")
        #expect(server.requests.count == 2)
        let bad = try runEmpsh(["--url", server.url, "--token-file", tokenFile, "--stall-timeout", "0", "-e", "print(1)"])
        #expect(bad.status == 2 && bad.stderr.contains("--stall-timeout must be a number of seconds above 0"), "\(bad.stderr)")
    }

    @Test func anEchoingServerNeverGetsTheTokenPrintedOrRecorded() async throws {
        let (dir, tokenFile) = try Self.directoryWithToken()
        defer { try? FileManager.default.removeItem(at: dir) }
        let server = try FakeHTTPServer { request in
            let echoed = request.params["access_token"] as? String ?? ""
            if request.params["limit"] as? Int == 1 {  // count{}: an error under 400 with the token everywhere
                return .error(
                    request, status: 400,
                    #"{"code":-32602,"message":"bad key \#(echoed)","data":{"mnemonic":"\#(echoed)","field":"\#(echoed)","value":"\#(echoed)"}}"#)
            }
            return .result(request, data: #"[{"id":1,"\#(echoed)":"\#(echoed)"}]"#, metadata: #"{"total_items":1}"#)
        }
        defer { server.stop() }
        let record = dir.appendingPathComponent("calls.ndjson").path
        let script = """
            local ok, e = pcall(employees.count, {})
            print(e.mnemonic, e.field, e.message, e.value)
            print(#employees.all{})
            employees.count{}
            """
        let result = try await runEmpshDetached(["--url", server.url, "--token-file", tokenFile, "--record", record, "--verbose", "-e", script])
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout == "***\t***\tbad key ***\t***\n1\n", "\(result.stdout)")
        #expect(result.stderr.contains("***") && !result.stderr.contains(Self.token), "\(result.stderr)")
        let recorded = try String(contentsOfFile: record, encoding: .utf8)
        #expect(recorded.contains(#"{"id":1,"***":"***"}"#) && !recorded.contains(Self.token), "\(recorded)")
    }

    @Test(.enabled(if: Tmpfs.canMount, "needs mount -t tmpfs (root, or a user and mount namespace)"))
    func aFullDiskUnderRecordIsAClearError() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(Tmpfs.mount(at: dir.path, size: "64k"))
        defer { _ = Tmpfs.unmount(dir.path) }
        let record = dir.appendingPathComponent("calls.ndjson").path
        let result = try runEmpsh(["--record", record, "-e", "print(#employees.all{})"])
        #expect(result.signal == nil && result.status == 3, "\(result.status) \(result.stderr)")
        #expect(result.stderr.contains("recording_failed: cannot write the recording \(record): No space left on device"), "\(result.stderr)")
    }
}

/// A small tmpfs for full-disk tests, where the test may mount one.
enum Tmpfs {
    /// Whether a tmpfs can be mounted here (tried once).
    static let canMount: Bool = {
        guard let dir = try? makeTemporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        guard mount(at: dir.path, size: "16k") else { return false }
        return unmount(dir.path)
    }()

    /// `mount -t tmpfs -o size=SIZE tmpfs PATH`.
    static func mount(at path: String, size: String) -> Bool {
        run("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", path])
    }

    /// `umount PATH`.
    static func unmount(_ path: String) -> Bool { run("/bin/umount", [path]) }

    private static func run(_ tool: String, _ arguments: [String]) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
