#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Wall-clock time for both sides of the API: session expiry, the day and minute point windows,
/// and the client's waits (backoff, rate-limit refills). Injectable, so that tests drive time.
///
/// Time is Unix time in seconds (UTC, fractional), the unit of a session key's `expire_at`. The
/// day window starts at 00:00 UTC, the minute window at each whole minute.
public protocol WallClock: Sendable {
    /// The current Unix time in seconds.
    func now() -> Double

    /// Waits for `duration`; `Task.sleep` by default. A test clock advances its own time instead.
    /// - Parameter duration: How long to wait.
    /// - Throws: `CancellationError` when the task is cancelled while waiting.
    func sleep(for duration: Duration) async throws
}

extension WallClock {
    /// Sleeps with `Task.sleep`.
    /// - Throws: `CancellationError` when cancelled.
    public func sleep(for duration: Duration) async throws {
        try await Task.sleep(for: duration)
    }
}

/// The system's real-time clock (`clock_gettime(CLOCK_REALTIME)`) and `Task.sleep`.
public struct SystemWallClock: WallClock {
    /// Creates the system clock.
    public init() {}

    /// Seconds since the Unix epoch.
    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension Duration {
    /// The duration in seconds as a `Double`.
    public var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) / 1e18
    }

    /// A duration from seconds, clamped to 0…10⁹ s before conversion so no input can trap.
    /// - Parameter value: Seconds; not finite or not positive gives `.zero`.
    /// - Returns: The duration.
    public static func clampedSeconds(_ value: Double) -> Duration {
        guard value.isFinite, value > 0 else { return .zero }
        return .nanoseconds(Int64(min(value, 1e9) * 1e9))
    }
}
