import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Raw TCP to a server on 127.0.0.1, for tests that need what an HTTP client hides: a request left
/// half sent, connections held open, many of them at once.
public enum LoopbackSocket {
    /// Connects to 127.0.0.1:`port`.
    /// - Parameters:
    ///   - port: The server's port.
    ///   - watchdogSeconds: How long a read may wait (`SO_RCVTIMEO`) before it gives up: only a
    ///     watchdog against a server that never answers; two minutes by default.
    /// - Returns: The connected socket, or -1.
    public static func connect(port: Int, watchdogSeconds: Int = 120) -> Int32 {
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
        var timeout = timeval(tv_sec: watchdogSeconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    /// Sends all of `bytes`, stopping at the first failure (no SIGPIPE on a closed peer).
    /// - Returns: Whether every byte went.
    @discardableResult
    public static func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// Reads once, up to 4 KiB: the start of a reply. - Returns: The bytes read (0 at the peer's close, -1 on error).
    @discardableResult
    public static func readStart(_ fd: Int32) -> Int {
        var buffer = [UInt8](repeating: 0, count: 4096)
        return recv(fd, &buffer, buffer.count, 0)
    }

    /// Runs `body` on `count` threads at once and returns their results, in no particular order. Each
    /// has its own thread, not a task, so that blocking socket calls stay off the tasks' pool (which a
    /// server in the same process shares) and all of them run together.
    public static func onThreads<T: Sendable>(_ count: Int, _ body: @escaping @Sendable () -> T) async -> [T] {
        let results = Mutex([T]())
        let done = DispatchGroup()
        for _ in 0..<count {
            done.enter()
            let thread = Thread {
                let result = body()
                results.withLock { $0.append(result) }
                done.leave()
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
        await withCheckedContinuation { continuation in done.notify(queue: .global()) { continuation.resume() } }
        return results.withLock { $0 }
    }
}
