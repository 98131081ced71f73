import HummingbirdCore
import Synchronization

/// Caps the connections open at once, as Hummingbird's `MaximumAvailableConnections` does, and
/// calls `afterFlood` each time they all close after a flood.
///
/// A flood of connections that each send a large body leaves the allocator's freed memory in the
/// process (glibc keeps it per thread arena); `empsh serve` passes `malloc_trim` here, so resident
/// memory falls back near where it was once the flood is over.
struct ConnectionGauge: AvailableConnectionsDelegate {
    /// How many connections open at once count as a flood.
    static let floodSize = 16

    private final class State: Sendable {
        struct Counts {
            var open = 0
            var peak = 0
        }
        let counts = Mutex(Counts())
    }

    let maxConnections: Int
    private let afterFlood: @Sendable () -> Void
    private let state = State()

    /// - Parameters:
    ///   - maxConnections: The most connections open at once; past it new ones wait to be accepted.
    ///   - afterFlood: Called (on the server's event loop: keep it short) when the last connection of a flood closes.
    init(maxConnections: Int, afterFlood: @escaping @Sendable () -> Void) {
        self.maxConnections = maxConnections
        self.afterFlood = afterFlood
    }

    /// The connections open now.
    var open: Int { state.counts.withLock { $0.open } }

    func connectionOpened() {
        state.counts.withLock { counts in
            counts.open += 1
            counts.peak = max(counts.peak, counts.open)
        }
    }

    func connectionClosed() {
        let floodEnded = state.counts.withLock { counts in
            counts.open -= 1
            guard counts.open == 0, counts.peak >= Self.floodSize else { return false }
            counts.peak = 0
            return true
        }
        if floodEnded { afterFlood() }
    }

    func isAcceptingNewConnections() -> Bool { open < maxConnections }
}
