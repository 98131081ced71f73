import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Memory a connection flood takes is returned: once 200 connections that each sent a 4 MB body
/// have closed, `empsh serve`'s resident memory falls back near where it was before the flood.
@Suite struct ServeFloodMemoryTests {
    static let connections = 200
    static let bodyBytes = 4 << 20

    /// A request whose 4 MB body the server reads whole (under its 8 MiB cap) and answers with an error.
    static func request() -> [UInt8] {
        let start = #"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"x","#
        let body =
            Array((start + #""filter":{"field":"full_name","operator":"=","value":""#).utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: bodyBytes - 200) + Array(#""}}}"#.utf8)
        let head = "POST /v2.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// Connects, sends `bytes`, reads the start of the reply; returns the open socket (or -1).
    static func sendAndRead(port: Int, _ bytes: [UInt8]) -> Int32 {
        let fd = LoopbackSocket.connect(port: port)
        if fd >= 0, LoopbackSocket.send(fd, bytes) { LoopbackSocket.readStart(fd) }
        return fd
    }

    @Test func residentMemoryFallsBackAfterAConnectionFlood() async throws {
        let serve = try ServeProcess.start(["--employees", "50", "--token", "flood-test-token"])
        defer { serve.stop() }
        let pid = serve.processIdentifier
        let port = try #require(URLComponents(string: serve.url)?.port)
        // A few requests first, so that the baseline includes what any first request sets up.
        let request = Self.request()
        for _ in 0..<4 { close(Self.sendAndRead(port: port, request)) }
        let baseline = try #require(residentBytes(of: pid))

        // All 200 send their bodies at once, each on its own thread; the highest resident memory seen is kept.
        let peak = Mutex(0)
        let fds = await LoopbackSocket.onThreads(Self.connections) {
            let fd = Self.sendAndRead(port: port, request)
            let now = residentBytes(of: pid) ?? 0
            peak.withLock { $0 = max($0, now) }
            return fd
        }
        // Every connection is still open here; closing them all ends the flood.
        for fd in fds where fd >= 0 { close(fd) }
        let margin = 48 << 20
        // Poll until the server is back near its baseline; the watchdog (two minutes) only ends a failing wait.
        var after = residentBytes(of: pid) ?? .max
        let watchdog = Date().addingTimeInterval(120)
        while after > baseline + margin, Date() < watchdog {
            try await Task.sleep(for: .milliseconds(200))
            after = residentBytes(of: pid) ?? .max
        }
        let mb = { (bytes: Int) in bytes >> 20 }
        #expect(
            after <= baseline + margin,
            "resident \(mb(baseline)) MB before the flood, \(mb(peak.withLock { $0 })) MB during it, \(mb(after)) MB after")
        // The server still answers.
        let reply = try runEmpsh(["--url", serve.url, "--token", "flood-test-token", "-e", "print(#employees.all{})"])
        #expect(reply.stdout == "50\n", "\(reply.stderr)")
    }
}
