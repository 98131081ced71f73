import DataAPIContract

/// A transport that passes every request to another one and writes each call with its reply to a
/// `RecordingLog` (`--record FILE`).
///
/// Credentials are never written (see `RecordedCall`). Failed sends (no reply) are not written.
///
/// ```swift
/// let log = try RecordingLog(path: "calls.ndjson")
/// let transport = RecordingTransport(wrapping: try HTTPTransport(url: url), log: log)
/// ```
public struct RecordingTransport: Transport {
    /// The transport that answers.
    public let inner: any Transport
    /// Where the calls go.
    public let log: RecordingLog

    /// Wraps `inner`.
    /// - Parameters:
    ///   - inner: The transport that answers.
    ///   - log: The recording to write.
    public init(wrapping inner: any Transport, log: RecordingLog) {
        self.inner = inner
        self.log = log
    }

    /// Sends through `inner`, then writes the call and its reply.
    /// - Throws: What `inner` throws (nothing is written then); `RecordingError` when the call cannot be
    ///   written (a full disk), which the client reports as it is, without a retry.
    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        let reply = try await inner.send(body, timeout: timeout)
        if let call = RecordedCall(request: body, reply: reply) { try log.write(call) }
        return reply
    }

    /// The wrapped transport's description.
    public var endpointDescription: String { inner.endpointDescription }
}
