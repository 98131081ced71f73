import DataAPIContract

/// A retry about to happen, as the client announces it before it waits (the shell prints it on
/// standard error): `retrying get.employees in 2 s (attempt 2 of 4): connection refused`.
public struct RetryNotice: Sendable, Hashable, CustomStringConvertible {
    /// The API method being retried.
    public var method: String
    /// How long the client waits before the next attempt.
    public var delay: Duration
    /// The attempt that comes next, from 2.
    public var attempt: Int
    /// Attempts in all.
    public var maxAttempts: Int
    /// Why the last attempt failed, in words (no transport internals, never a credential).
    public var reason: String

    /// Creates a notice.
    public init(method: String, delay: Duration, attempt: Int, maxAttempts: Int, reason: String) {
        self.method = method
        self.delay = delay
        self.attempt = attempt
        self.maxAttempts = maxAttempts
        self.reason = reason
    }

    /// `retrying get.employees in 2 s (attempt 2 of 4): connection refused`; delays under 10 s keep one decimal.
    public var description: String {
        let tenths = Int((min(delay.seconds, 1e9) * 10).rounded())
        let shown = tenths >= 100 || tenths % 10 == 0 ? "\((tenths + 5) / 10)" : "\(tenths / 10).\(tenths % 10)"
        return "retrying \(method) in \(shown) s (attempt \(attempt) of \(maxAttempts)): \(reason)"
    }
}
