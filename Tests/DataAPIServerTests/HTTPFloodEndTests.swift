import DataAPIServer
import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The server calls `afterFlood` (where `empsh serve` returns freed memory to the system) once the
/// last connection of a flood (16 or more open at once) closes, and not for a few connections.
@Suite("HTTP: end of a connection flood")
struct HTTPFloodEndTests {
    final class Calls: Sendable {
        let count = Mutex(0)
    }

    /// Opens `count` connections at once, each sending a request and reading the start of its reply,
    /// then closes them all.
    static func openAndClose(_ count: Int, port: Int) async {
        let body = HTTPFixtures.request()
        let request = Array("POST /v2.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        let fds = await LoopbackSocket.onThreads(count) {
            let fd = LoopbackSocket.connect(port: port)
            if fd >= 0, LoopbackSocket.send(fd, request) { LoopbackSocket.readStart(fd) }
            return fd
        }
        for fd in fds where fd >= 0 { close(fd) }
    }

    @Test func theEndOfAFloodIsReportedOnce() async throws {
        let calls = Calls()
        var configuration = HTTPServer.Configuration(logger: HTTPTestServer.quietLogger)
        configuration.afterFlood = { calls.count.withLock { $0 += 1 } }
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(minuteLimit: 100_000), configuration: configuration) { server in
            await Self.openAndClose(3, port: server.port)
            // Sequencing only: give the server's close handling time to run before the flood.
            try await Task.sleep(for: .milliseconds(300))
            #expect(calls.count.withLock { $0 } == 0, "three connections are no flood")
            await Self.openAndClose(40, port: server.port)
            // Watchdog: a minute for the closes to reach the server.
            let watchdog = Date().addingTimeInterval(60)
            while calls.count.withLock({ $0 }) == 0, Date() < watchdog { try await Task.sleep(for: .milliseconds(50)) }
            #expect(calls.count.withLock { $0 } == 1)
        }
    }
}
