import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// A bare HTTP/1.1 server on a free port of 127.0.0.1 that answers each request as a test says: any status
/// and body, or nothing at all (a stalled server: the connection stays open and silent). For what the
/// reference server never does: errors under 400 or 500, echoing secrets, stalls, expiring session keys.
///
/// ```swift
/// let server = try FakeHTTPServer { request in .reply(status: 400, body: errorBody) }
/// defer { server.stop() }
/// ```
public final class FakeHTTPServer: Sendable {
    /// How to answer one request.
    public enum Response: Sendable {
        /// Send this status and body (`Content-Type: application/json`).
        case reply(status: Int, body: [UInt8])
        /// Send nothing and keep the connection open until the server stops.
        case stall
    }

    /// One request as it arrived.
    public struct Request: Sendable {
        /// The body.
        public var body: [UInt8]
        /// The body as JSON, when it parses.
        public var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any] }
        /// `method` of a JSON-RPC request.
        public var method: String? { json?["method"] as? String }
        /// `params` of a JSON-RPC request.
        public var params: [String: Any] { json?["params"] as? [String: Any] ?? [:] }
        /// `id` of a JSON-RPC request, as JSON text (`1`), or `null`.
        public var idText: String {
            guard let id = json?["id"] else { return "null" }
            return (id as? String).map { "\"\($0)\"" } ?? "\(id)"
        }
    }

    /// The bound port.
    public let port: Int
    /// The endpoint, `http://127.0.0.1:PORT/v2.0`.
    public var url: String { "http://127.0.0.1:\(port)/v2.0" }
    private let listener: Int32
    private let state = Mutex<(requests: [Request], connections: Set<Int32>, stopped: Bool)>(([], [], false))
    private let handler: @Sendable (Request) -> Response

    /// Starts listening and serving.
    /// - Parameter handler: Answers each request.
    /// - Throws: `HTTPTestServerError` when no port can be bound.
    public init(_ handler: @escaping @Sendable (Request) -> Response) throws {
        self.handler = handler
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw HTTPTestServerError(message: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound, listen(fd, 16) == 0 else {
            close(fd)
            throw HTTPTestServerError(message: "bind/listen: errno \(errno)")
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Every request so far.
    public var requests: [Request] { state.withLock { $0.requests } }

    /// Stops: closes the listener and every connection (stalled ones included). Idempotent.
    public func stop() {
        let connections = state.withLock { state -> Set<Int32> in
            guard !state.stopped else { return [] }
            state.stopped = true
            return state.connections
        }
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    deinit {
        stop()
        close(listener)
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    private func acceptLoop() {
        while !isStopped {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let open = state.withLock { state -> Bool in
                if !state.stopped { state.connections.insert(fd) }
                return !state.stopped
            }
            guard open else {
                close(fd)
                return
            }
            Thread.detachNewThread { [self] in serve(fd) }
        }
    }

    private func serve(_ fd: Int32) {
        defer {
            state.withLock { _ = $0.connections.remove(fd) }
            close(fd)
        }
        var buffer: [UInt8] = []
        while let body = readRequest(fd, buffer: &buffer) {
            let request = Request(body: body)
            state.withLock { $0.requests.append(request) }
            switch handler(request) {
            case .stall:
                while !isStopped { Thread.sleep(forTimeInterval: 0.02) }
                return
            case .reply(let status, let body):
                let head = "HTTP/1.1 \(status) Status\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\n\r\n"
                guard writeAll(fd, Array(head.utf8) + body) else { return }
            }
        }
    }

    /// Reads one request's head and body; `nil` at the end of the connection.
    private func readRequest(_ fd: Int32, buffer: inout [UInt8]) -> [UInt8]? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func fill() -> Bool {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            guard n > 0 else { return false }
            buffer += chunk[0..<n]
            return true
        }
        var headEnd: Int?
        while headEnd == nil {
            headEnd = buffer.firstRange(of: separator)?.upperBound
            if headEnd == nil, !fill() { return nil }
        }
        let head = String(decoding: buffer[..<headEnd!], as: UTF8.self).lowercased()
        let length =
            head.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
            .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        while buffer.count < headEnd! + length {
            if !fill() { return nil }
        }
        let body = Array(buffer[headEnd!..<headEnd! + length])
        buffer.removeFirst(headEnd! + length)
        return body
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}

extension FakeHTTPServer.Response {
    /// A JSON-RPC reply with `result: {data, metadata}` for `request`, under status 200.
    /// - Parameters:
    ///   - request: The request (for its id).
    ///   - data: `result.data` as JSON text.
    ///   - metadata: `result.metadata` as JSON text; `{}` by default.
    public static func result(_ request: FakeHTTPServer.Request, data: String, metadata: String = "{}") -> Self {
        .reply(status: 200, body: Array(#"{"jsonrpc":"2.0","id":\#(request.idText),"result":{"data":\#(data),"metadata":\#(metadata)}}"#.utf8))
    }

    /// A JSON-RPC error reply for `request` under `status`.
    /// - Parameters:
    ///   - request: The request (for its id).
    ///   - status: The HTTP status; 200 by default.
    ///   - error: The error object as JSON text.
    public static func error(_ request: FakeHTTPServer.Request, status: Int = 200, _ error: String) -> Self {
        .reply(status: status, body: Array(#"{"jsonrpc":"2.0","id":\#(request.idText),"error":\#(error)}"#.utf8))
    }
}
