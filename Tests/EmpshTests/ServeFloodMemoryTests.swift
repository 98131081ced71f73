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
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return -1
        }
        // Watchdog for a server that never answers: two minutes.
        var timeout = timeval(tv_sec: 120, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { break }
            sent += count
        }
        var buffer = [UInt8](repeating: 0, count: 4096)
        _ = recv(fd, &buffer, buffer.count, 0)
        return fd
    }

    /// The sockets of the flood, and the highest resident memory seen while it ran.
    final class Flood: Sendable {
        let sockets = Mutex([Int32]())
        let peak = Mutex(0)
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

        // One thread per connection (not tasks, whose pool has as many threads as cores): all 200
        // send their bodies at once.
        let flood = Flood()
        let done = DispatchGroup()
        for _ in 0..<Self.connections {
            done.enter()
            let thread = Thread {
                let fd = Self.sendAndRead(port: port, request)
                flood.sockets.withLock { $0.append(fd) }
                let now = residentBytes(of: pid) ?? 0
                flood.peak.withLock { $0 = max($0, now) }
                done.leave()
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
        await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
        // Every connection is still open here; closing them all ends the flood.
        flood.sockets.withLock { fds in
            for fd in fds where fd >= 0 { close(fd) }
        }
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
            "resident \(mb(baseline)) MB before the flood, \(mb(flood.peak.withLock { $0 })) MB during it, \(mb(after)) MB after")
        // The server still answers.
        let reply = try runEmpsh(["--url", serve.url, "--token", "flood-test-token", "-e", "print(#employees.all{})"])
        #expect(reply.stdout == "50\n", "\(reply.stderr)")
    }
}
