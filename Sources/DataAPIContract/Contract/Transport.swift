/// Carries one JSON-RPC request body to a Data API endpoint and brings back the reply body.
///
/// The HTTP transport and the in-process one (the embedded demo account) both conform, and
/// both carry the same bytes, so the client cannot tell them apart.
public protocol Transport: Sendable {
    /// Sends a request body and returns the reply body.
    /// - Parameters:
    ///   - body: the JSON-RPC request, UTF-8.
    ///   - timeout: how long to wait for the whole reply; `nil` for the transport's default.
    /// - Returns: the JSON-RPC reply, UTF-8 (an error reply is a normal return).
    /// - Throws: `TransportError` when no reply came: connection refused or dropped, timeout,
    ///   an HTTP status other than 200, a cancelled task.
    func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8]

    /// A description for banners and error messages: a URL or "demo account", never a credential.
    var endpointDescription: String { get }
}

/// Why a transport brought back no reply. Connection failures, timeouts and 5xx are worth a
/// retry for idempotent calls; the rest are not.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        /// The kind's name, as error messages and recordings show it.
        public var rawValue: String
        /// Wraps a kind's name.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// No connection could be made (refused, unreachable, DNS); retryable.
        public static let connectionFailed = Kind(rawValue: "connection_failed")
        /// The connection closed before the whole reply came; retryable.
        public static let connectionDropped = Kind(rawValue: "connection_dropped")
        /// No whole reply within the timeout; retryable.
        public static let timeout = Kind(rawValue: "timeout")
        /// An HTTP status other than 200; retryable for 5xx and 429.
        public static let httpStatus = Kind(rawValue: "http_status")
        /// The task was cancelled (Ctrl-C); not retried.
        public static let cancelled = Kind(rawValue: "cancelled")
        /// The reply was larger than the transport accepts (not retryable: it would be as large again).
        public static let replyTooLarge = Kind(rawValue: "reply_too_large")
    }

    /// What went wrong.
    public var kind: Kind
    /// The HTTP status, for `.httpStatus`.
    public var status: Int?
    /// Detail safe to print (never a credential).
    public var detail: String

    /// Creates a transport failure.
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - status: The HTTP status, for `.httpStatus`.
    ///   - detail: What to tell the user; never a credential.
    public init(_ kind: Kind, status: Int? = nil, detail: String) {
        self.kind = kind
        self.status = status
        self.detail = detail
    }

    /// Whether repeating the same idempotent request may succeed.
    public var isRetryable: Bool {
        switch kind {
        case .connectionFailed, .connectionDropped, .timeout: true
        case .httpStatus: (status ?? 0) >= 500 || status == 429
        default: false
        }
    }

    /// `HTTP 503: detail` for a status, else `kind: detail`.
    public var description: String {
        switch kind {
        case .httpStatus: "HTTP \(status ?? 0): \(detail)"
        default: "\(kind.rawValue): \(detail)"
        }
    }
}
