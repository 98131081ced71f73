import Foundation

/// The points a client has spent: its calls the API answered with success (spec §6: every call
/// costs one point, charged only on success). Replies from the response cache, failures and
/// retried attempts cost none; pages fetched ahead and never read, and the calls that check a
/// changing account, do. Readable from any thread while calls are in flight.
public final class PointCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var spent = 0

    /// Creates a counter at zero.
    public init() {}

    /// The points spent so far.
    public var points: Int { lock.withLock { spent } }

    /// Counts one successful call.
    func add() { lock.withLock { spent += 1 } }
}
