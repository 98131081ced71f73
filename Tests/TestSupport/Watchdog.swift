/// How long a test lets something run before calling it hung: ten times what it is expected to take.
///
/// Tests assert behaviour, never speed: a bound on time is only a watchdog against a hang, so generous
/// that the suite passes with both cores kept busy by other processes.
public enum Watchdog {
    /// How many times the expected duration a watchdog allows.
    public static let factor = 10.0

    /// The bound, in seconds, for work expected to take `expected` seconds.
    public static func seconds(expecting expected: Double) -> Double { expected * factor }

    /// The bound for work expected to take `expected`.
    public static func duration(expecting expected: Duration) -> Duration { expected * factor }
}
