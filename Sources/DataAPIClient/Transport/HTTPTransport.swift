import AsyncHTTPClient
import DataAPIContract
import NIOCore
import NIOHTTP1
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Carries JSON-RPC bodies to a Data API endpoint over HTTP(S), with AsyncHTTPClient.
///
/// One `HTTPClient` is shared by every request, so connections are reused; `https` URLs use TLS with
/// the system's trust roots. Each request is a `POST` with `Content-Type: application/json; charset=UTF-8`,
/// bounded by a connect timeout, a stall timeout (no byte received for that long) and a whole-request
/// deadline, and its reply by a size cap. A JSON-RPC error body is the reply whatever the HTTP status
/// (servers send them under 400 or 500 too); any other failure becomes a `TransportError`. Call
/// `shutdown()` when done.
///
/// ```swift
/// let transport = try HTTPTransport(url: "https://dataapi.uiscom.ru/v2.0")
/// defer { Task { try? await transport.shutdown() } }
/// ```
public final class HTTPTransport: Transport {
    /// The endpoint, e.g. `https://dataapi.uiscom.ru/v2.0`.
    public let url: String
    /// The timeouts and limits.
    public let configuration: Configuration
    private let client: HTTPClient

    /// Timeouts and limits of the transport.
    public struct Configuration: Sendable, Hashable {
        /// How long to wait for a connection (TCP and TLS); 10 seconds by default.
        public var connectTimeout: Duration
        /// The deadline of a whole request when the caller gives none; 60 seconds by default.
        public var requestTimeout: Duration
        /// The largest reply body accepted; 64 MiB by default (a full page of 10 000 records is about 10 MiB).
        public var maxReplyBytes: Int
        /// How long a request may go without receiving a byte (after it is sent, and between parts of the
        /// reply) before it fails with `.timeout`; `defaultStallTimeout`, 10 seconds, by default.
        public var stallTimeout: Duration

        /// The stall timeout when none is configured: 10 seconds.
        public static let defaultStallTimeout = Duration.seconds(10)

        /// Creates a configuration; see the members for the defaults.
        public init(
            connectTimeout: Duration = .seconds(10), requestTimeout: Duration = .seconds(60), maxReplyBytes: Int = 64 << 20,
            stallTimeout: Duration = defaultStallTimeout
        ) {
            self.connectTimeout = connectTimeout
            self.requestTimeout = requestTimeout
            self.maxReplyBytes = maxReplyBytes
            self.stallTimeout = stallTimeout
        }
    }

    /// Creates a transport and its connection pool.
    /// - Parameters:
    ///   - url: The endpoint; `http` or `https`.
    ///   - configuration: Timeouts and limits; the defaults by default.
    /// - Throws: `TransportError` `.connectionFailed` when the URL is not an `http`/`https` URL with a host
    ///   and, if it names one, a port from 1 to 65535 (`EndpointURL`).
    public init(url: String, configuration: Configuration = Configuration()) throws {
        if let problem = EndpointURL.problem(url) { throw TransportError(.connectionFailed, detail: problem) }
        self.url = url
        self.configuration = configuration
        let timeout = HTTPClient.Configuration.Timeout(
            connect: Self.timeAmount(configuration.connectTimeout), read: Self.timeAmount(configuration.stallTimeout)
        )
        var config = HTTPClient.Configuration(redirectConfiguration: .disallow, timeout: timeout)
        config.decompression = .enabled(limit: .size(configuration.maxReplyBytes))
        // A refused connection fails at once: the client's own retries, announced and bounded, take over.
        config.connectionPool.retryConnectionEstablishment = false
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: config)
    }

    /// The URL.
    public var endpointDescription: String { url }

    /// Posts a body and collects the reply.
    /// - Parameters:
    ///   - body: The JSON-RPC request.
    ///   - timeout: The whole request's deadline; `configuration.requestTimeout` when `nil`.
    /// - Returns: The reply body of a 200 response, or a JSON-RPC error body under any status.
    /// - Throws: `TransportError`: `.connectionFailed` (refused, DNS, TLS, connect timeout), `.connectionDropped`,
    ///   `.timeout` (the deadline, or no byte for `stallTimeout`), `.httpStatus` (any status but 200 without a
    ///   JSON-RPC error body), `.replyTooLarge`, `.cancelled`.
    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json; charset=UTF-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: body))
        let deadline = NIODeadline.now() + Self.timeAmount(timeout ?? configuration.requestTimeout)
        do {
            let response = try await client.execute(request, deadline: deadline)
            guard response.status == .ok else {
                let status = TransportError(.httpStatus, status: Int(response.status.code), detail: response.status.reasonPhrase)
                // The error a JSON-RPC server explains under 4xx/5xx is the one to report: its mnemonic, code, field.
                guard let body = try? await Self.collect(response, upTo: Self.maxErrorBodyBytes), Self.isErrorReply(body) else {
                    throw status
                }
                return body
            }
            return try await Self.collect(response, upTo: configuration.maxReplyBytes)
        } catch {
            throw Self.transportError(error, maxReplyBytes: configuration.maxReplyBytes, stallTimeout: configuration.stallTimeout)
        }
    }

    /// The largest body read under a status other than 200 (to look for a JSON-RPC error in it): 1 MiB.
    static let maxErrorBodyBytes = 1 << 20

    /// Whether a body is a JSON-RPC reply with an `error` object.
    static func isErrorReply(_ body: [UInt8]) -> Bool {
        guard case .object(let object)? = try? JSON(parsing: body), case .object? = object["error"] else { return false }
        return true
    }

    /// Reads a reply body into one array, sized from `Content-Length` when the server sent it: no buffer
    /// regrown as chunks arrive and no second copy (a page of 10 000 rows is 10 MB).
    /// - Throws: `NIOTooManyBytesError` past `limit` bytes; what reading the body throws.
    static func collect(_ response: HTTPClientResponse, upTo limit: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        if let length = response.headers.first(name: "Content-Length").flatMap({ Int($0) }) {
            guard length <= limit else { throw NIOTooManyBytesError(maxBytes: limit) }
            bytes.reserveCapacity(length)
        }
        for try await chunk in response.body {
            guard bytes.count + chunk.readableBytes <= limit else { throw NIOTooManyBytesError(maxBytes: limit) }
            chunk.withUnsafeReadableBytes { bytes.append(contentsOf: $0) }
        }
        return bytes
    }

    /// Closes every connection. Call once, when no request is in flight.
    /// - Throws: What `HTTPClient.shutdown()` throws (already shut down).
    public func shutdown() async throws {
        try await client.shutdown()
    }

    /// Maps any failure of AsyncHTTPClient or NIO to a `TransportError` (the one conversion point),
    /// its detail in plain words (`connection refused`, `no reply in 60 s`): no transport internals.
    static func transportError(_ error: any Error, maxReplyBytes: Int, stallTimeout: Duration = Configuration.defaultStallTimeout)
        -> TransportError
    {
        switch error {
        case let error as TransportError:
            return error
        case is CancellationError:
            return TransportError(.cancelled, detail: "the request was cancelled")
        case is NIOTooManyBytesError:
            return TransportError(.replyTooLarge, detail: "the reply is larger than \(maxReplyBytes) bytes")
        case let error as HTTPClientError:
            switch error {
            case .connectTimeout, .getConnectionFromPoolTimeout: return TransportError(.connectionFailed, detail: "connect timed out")
            case .tlsHandshakeTimeout: return TransportError(.connectionFailed, detail: "TLS handshake timed out")
            case .invalidURL, .emptyHost, .emptyScheme: return TransportError(.connectionFailed, detail: "invalid URL")
            case .readTimeout: return TransportError(.timeout, detail: "no byte received for \(Self.seconds(stallTimeout))")
            case .deadlineExceeded, .writeTimeout: return TransportError(.timeout, detail: "no reply in time")
            case .cancelled, .requestStreamCancelled: return TransportError(.cancelled, detail: "the request was cancelled")
            case .remoteConnectionClosed: return TransportError(.connectionDropped, detail: "the server closed the connection")
            default: return TransportError(.connectionDropped, detail: "the connection failed mid-request")
            }
        case let error as ChannelError:
            if case .connectTimeout = error { return TransportError(.connectionFailed, detail: "connect timed out") }
            return TransportError(.connectionDropped, detail: "the connection was lost")
        case let error as NIOConnectionError:
            if let first = error.connectionErrors.first { return connectionFailure(first.error) }
            let lookup = error.dnsAError != nil || error.dnsAAAAError != nil
            return TransportError(.connectionFailed, detail: lookup ? "host \(error.host) not found" : "could not connect")
        case let error as IOError:
            // Refused or unreachable: the request never left, so even login.user may be retried.
            let notConnected = [ECONNREFUSED, ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL].contains(error.errnoCode)
            return TransportError(notConnected ? .connectionFailed : .connectionDropped, detail: Self.words(errno: error.errnoCode))
        default:
            let name = String(describing: type(of: error))
            if name.contains("SSL") || name.contains("TLS") { return TransportError(.connectionFailed, detail: "TLS handshake failed") }
            if name.contains("Resolution") { return TransportError(.connectionFailed, detail: "host not found") }
            if name.contains("Connect") { return TransportError(.connectionFailed, detail: "could not connect") }
            return TransportError(.connectionDropped, detail: "the connection failed mid-request")
        }
    }

    /// A failure to connect to one address, as a connection failure whatever its cause.
    private static func connectionFailure(_ error: any Error) -> TransportError {
        if let error = error as? IOError { return TransportError(.connectionFailed, detail: words(errno: error.errnoCode)) }
        if case ChannelError.connectTimeout? = error as? ChannelError { return TransportError(.connectionFailed, detail: "connect timed out") }
        return TransportError(.connectionFailed, detail: "could not connect")
    }

    /// A socket error in words.
    private static func words(errno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: "connection refused"
        case ECONNRESET: "connection reset"
        case ENETUNREACH, EHOSTUNREACH: "host unreachable"
        case ETIMEDOUT: "connection timed out"
        case EPIPE: "the connection was lost"
        case EADDRNOTAVAIL: "address not available"
        default: "network error \(code)"
        }
    }

    /// A duration as `10 s` or `0.5 s`.
    static func seconds(_ duration: Duration) -> String {
        let value = duration.seconds
        return value == value.rounded() && value < 1e9 ? "\(Int(value)) s" : "\(value) s"
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = Duration.clampedSeconds(duration.seconds).components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
