/// The delay before a retry: bounded exponential backoff with full jitter.
///
/// The ceiling for attempt *n* (the *n*-th retry, from 1) is `min(maxDelay, baseDelay × 2ⁿ⁻¹)`;
/// the delay is drawn uniformly from `0…ceiling` ("full jitter"), so concurrent clients that
/// failed together do not retry together. With the defaults (base 250 ms, max 8 s):
///
/// | retry | 1 | 2 | 3 | 4 | 5 | 6 | 7+ |
/// |---|---|---|---|---|---|---|---|
/// | ceiling | 0.25 s | 0.5 s | 1 s | 2 s | 4 s | 8 s | 8 s |
///
/// The exponent is clamped before the power is taken and the result clamped before it is
/// converted to a `Duration`, so no attempt number traps or overflows.
public enum Backoff {
    /// The delay before retry `attempt`.
    /// - Parameters:
    ///   - attempt: The retry number, from 1 (values below 1 count as 1).
    ///   - baseDelay: The first ceiling.
    ///   - maxDelay: The highest ceiling.
    ///   - jitter: A number in `0...1` that picks the point in `0…ceiling`; random by default.
    /// - Returns: The delay.
    public static func delay(
        attempt: Int, baseDelay: Duration, maxDelay: Duration, jitter: Double = Double.random(in: 0...1)
    ) -> Duration {
        .clampedSeconds(ceiling(attempt: attempt, baseDelay: baseDelay, maxDelay: maxDelay) * min(max(jitter, 0), 1))
    }

    /// The ceiling, in seconds, of the delay before retry `attempt` (see the table above).
    /// - Returns: `min(maxDelay, baseDelay × 2^(attempt−1))`, at least 0.
    public static func ceiling(attempt: Int, baseDelay: Duration, maxDelay: Duration) -> Double {
        let exponent = Double(min(max(attempt, 1), 63) - 1)
        let raw = max(0, baseDelay.seconds) * pow2(exponent)
        return min(max(0, maxDelay.seconds), raw)
    }

    private static func pow2(_ x: Double) -> Double {
        var result = 1.0
        for _ in 0..<Int(x) { result *= 2 }
        return result
    }
}
