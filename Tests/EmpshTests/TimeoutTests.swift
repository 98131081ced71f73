import Foundation
import TestSupport
import Testing

/// `--timeout` bounds the time spent waiting on the network too, not only Lua instructions.
@Suite struct TimeoutTests {
    /// A server that accepts connections and never answers; its port is printed first.
    static let silentServer = """
        import socket, sys, time
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
        print(s.getsockname()[1], flush=True)
        held, end = [], time.time() + 60
        s.settimeout(0.5)
        while time.time() < end:
            try: held.append(s.accept()[0])
            except OSError: pass
        """

    @Test(arguments: ["print(employees.count{})", "for e in employees.each{} do end", "employees.all{}"])
    func timeoutStopsAWaitForASilentServer(code: String) throws {
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        server.arguments = ["python3", "-c", Self.silentServer]
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { server.terminate() }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        let port = try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines)))
        let start = Date()
        let result = try runEmpsh(["--timeout", "1", "--url", "http://127.0.0.1:\(port)/v2.0", "--token", "k", "-e", code], timeout: 40)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"))
        #expect(Date().timeIntervalSince(start) < Watchdog.seconds(expecting: 1.5))
    }
}
