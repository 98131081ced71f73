import Synchronization

/// An engine built once, by the first caller that needs it; callers that arrive meanwhile wait
/// for that one.
final class LazyEngine: Sendable {
    private let state: Mutex<State>

    private enum State {
        case pending(@Sendable () -> Engine)
        case built(Engine)
    }

    /// An engine that is already built.
    init(_ engine: Engine) { state = Mutex(.built(engine)) }

    /// An engine that `make` builds on first use.
    init(_ make: @escaping @Sendable () -> Engine) { state = Mutex(.pending(make)) }

    /// The engine, built now when this is the first use.
    var engine: Engine {
        state.withLock { state in
            switch state {
            case .built(let engine):
                return engine
            case .pending(let make):
                let engine = make()
                state = .built(engine)
                return engine
            }
        }
    }
}
