#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The engine's source of wall-clock time, injectable so that tests drive session expiry and
/// the point windows.
///
/// Time is Unix time in seconds (UTC, fractional). The day window starts at 00:00 UTC, the
/// minute window at each whole minute.
public protocol EngineClock: Sendable {
    /// The current Unix time in seconds.
    func now() -> Double
}

/// The system's real-time clock (`clock_gettime(CLOCK_REALTIME)`).
public struct SystemEngineClock: EngineClock {
    /// Creates the system clock.
    public init() {}

    public func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}
