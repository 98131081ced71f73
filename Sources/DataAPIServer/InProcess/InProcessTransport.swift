import DataAPIContract
import EmployeeQuery

/// Hands request bytes straight to an `Engine` in this process: the embedded demo account.
///
/// The engine sees the same bytes an HTTP server would, so the client cannot tell the two apart.
public struct InProcessTransport: Transport {
    private let source: LazyEngine

    /// The engine that answers (built now, when the transport was made with `init(makeEngine:)` and
    /// nothing has called yet).
    public var engine: Engine { source.engine }

    /// Creates a transport over `engine`.
    public init(engine: Engine) { source = LazyEngine(engine) }

    /// Creates a transport whose engine `makeEngine` builds on the first call, so a run that never
    /// calls the API never pays for the records (generating and encoding the demo company).
    /// - Parameter makeEngine: Builds the engine; called at most once, from whichever thread calls first.
    public init(makeEngine: @escaping @Sendable () -> Engine) { source = LazyEngine(makeEngine) }

    /// Answers at once; `timeout` is ignored (the engine never waits).
    /// - Throws: `TransportError` `.cancelled` when the task is cancelled before the call.
    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        if Task.isCancelled { throw TransportError(.cancelled, detail: "request cancelled") }
        return source.engine.handle(body)
    }

    /// `demo account`.
    public var endpointDescription: String { "demo account" }
}
