#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The time source of the client: wall-clock seconds for session expiry and point budgets, and a
/// sleep for backoff and rate-limit waits. Tests inject a clock whose sleep only advances its time.
public protocol ClientClock: Sendable {
    /// Seconds since the Unix epoch (session keys' `expire_at` is in the same unit).
    func now() -> Double
    /// Waits for `duration`.
    /// - Parameter duration: How long to wait.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func sleep(for duration: Duration) async throws
}

/// The real clock: `CLOCK_REALTIME` and `Task.sleep`.
public struct SystemClientClock: ClientClock {
    /// Creates the system clock.
    public init() {}

    /// Seconds since the Unix epoch.
    public func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Sleeps with `Task.sleep`.
    /// - Throws: `CancellationError` when cancelled.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }

    /// A duration from seconds, clamped to 0…10⁹ s before conversion so no input can trap.
    static func clampedSeconds(_ value: Double) -> Duration {
        guard value.isFinite, value > 0 else { return .zero }
        return .nanoseconds(Int64(min(value, 1e9) * 1e9))
    }
}
