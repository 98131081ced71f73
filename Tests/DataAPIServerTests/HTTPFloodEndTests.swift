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

    /// Opens `count` connections, each sending a request and reading its reply, then closes them all.
    /// Each runs on its own thread: blocking socket calls stay off the tasks' pool, which the server shares.
    static func openAndClose(_ count: Int, port: Int) async {
        let calls = Descriptors()
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            let thread = Thread {
                let fd = connect(port: port)
                calls.fds.withLock { $0.append(fd) }
                done.leave()
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
        await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
        calls.fds.withLock { fds in
            for fd in fds where fd >= 0 { close(fd) }
        }
    }

    final class Descriptors: Sendable {
        let fds = Mutex([Int32]())
    }

    /// A connection that has sent one request and read the start of its reply, left open.
    static func connect(port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return -1
        }
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let body = HTTPFixtures.request()
        let bytes = Array("POST /v2.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = recv(fd, &buffer, buffer.count, 0)
        return fd
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
