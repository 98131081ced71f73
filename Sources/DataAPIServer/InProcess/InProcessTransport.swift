import DataAPIContract
import EmployeeQuery

/// Hands request bytes straight to an `Engine` in this process: the embedded demo account.
///
/// The engine sees the same bytes an HTTP server would, so the client cannot tell the two apart.
public struct InProcessTransport: Transport {
    /// The engine that answers.
    public let engine: Engine

    /// Creates a transport over `engine`.
    public init(engine: Engine) { self.engine = engine }

    /// Answers at once; `timeout` is ignored (the engine never waits).
    /// - Throws: `TransportError` `.cancelled` when the task is cancelled before the call.
    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        if Task.isCancelled { throw TransportError(.cancelled, detail: "request cancelled") }
        return engine.handle(body)
    }

    /// `demo account`.
    public var endpointDescription: String { "demo account" }
}
