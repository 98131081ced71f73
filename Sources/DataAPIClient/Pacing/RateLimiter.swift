import DataAPIContract

/// A wait the client is about to make because the minute budget is spent; `message` is for the user.
public struct RateLimitWait: Sendable, Hashable, CustomStringConvertible {
    /// Why: before sending (`pacing`), or after the server said `limit_exceeded` (`limitExceeded`).
    public enum Reason: String, Sendable, Hashable {
        case pacing
        case limitExceeded = "limit_exceeded"
    }
    /// How long the client waits.
    public var duration: Duration
    /// Why it waits.
    public var reason: Reason
    /// The minute budget, in points, when known.
    public var minuteLimit: Int?

    /// E.g. `minute limit of 60 points spent; waiting 42 s for it to refill`.
    public var description: String {
        let limit = minuteLimit.map { "minute limit of \($0) points spent" } ?? "minute point limit spent"
        return "\(limit); waiting \(humanDuration(seconds: duration.seconds)) for it to refill"
    }
}

/// Paces requests to the point budgets that each reply's `metadata.limits` reports (spec §6).
///
/// Pure and clock-free: it is given the time, and answers with a decision. Before each request it
/// says whether to go, wait for the minute reset (the minute budget, less requests in flight, is
/// spent) or fail (the day's budget is spent). After a `limit_exceeded` it says how long to wait
/// (minute) or fails with the time the day's budget refills (day).
public struct RateLimiter: Sendable, Hashable {
    /// What to do.
    public enum Decision: Sendable, Equatable {
        case proceed
        case wait(RateLimitWait)
        case fail(message: String)
    }

    /// Whether pacing is on; off, the limiter only fails on a spent day budget.
    public let isEnabled: Bool
    /// The last limits seen, and when (seconds).
    public private(set) var limits: Metadata.Limits?
    private var observedAt = 0.0
    /// Requests sent and not yet answered.
    public private(set) var inFlight = 0

    /// Creates a limiter.
    /// - Parameter isEnabled: Whether to pace.
    public init(isEnabled: Bool) { self.isEnabled = isEnabled }

    /// Decides whether a request may go now; when it may, counts it as in flight.
    /// - Parameter now: The time, in seconds.
    /// - Returns: `.proceed`, `.wait` until the minute reset, or `.fail` when the day's budget is spent.
    public mutating func beforeSend(at now: Double) -> Decision {
        if var limits {
            let elapsed = now - observedAt
            if limits.dayLimit > 0, limits.dayRemaining <= 0, elapsed < Double(limits.dayReset) {
                return .fail(message: Self.dailyMessage(limit: limits.dayLimit, refillsIn: Double(limits.dayReset) - elapsed))
            }
            if elapsed >= Double(limits.minuteReset) {  // the minute budget has refilled
                limits.minuteRemaining = limits.minuteLimit
                limits.minuteReset = 60
                limits.dayReset = max(0, limits.dayReset - Int(elapsed))
                self.limits = limits
                observedAt = now
            } else if isEnabled, limits.minuteLimit > 0, limits.minuteRemaining - inFlight <= 0 {
                let wait = Duration.clampedSeconds(Double(limits.minuteReset) - elapsed)
                return .wait(RateLimitWait(duration: wait, reason: .pacing, minuteLimit: limits.minuteLimit))
            }
        }
        inFlight += 1
        return .proceed
    }

    /// Records that a request came back (or failed), with the limits its reply carried.
    /// - Parameters:
    ///   - limits: The reply's `metadata.limits` (or the error's); `nil` when it had none.
    ///   - now: The time, in seconds.
    public mutating func finished(limits: Metadata.Limits?, at now: Double) {
        inFlight = max(0, inFlight - 1)
        if let limits {
            self.limits = limits
            observedAt = now
        }
    }

    /// Decides what to do about a `limit_exceeded` error.
    /// - Parameters:
    ///   - error: The error; its `metadata.limits`, else its message, tells a day limit from a minute one.
    ///   - now: The time, in seconds.
    /// - Returns: `.wait` for the minute reset (from the error's metadata, else 60 s) when pacing is on;
    ///   `.fail` for a day limit (naming when it refills), or for a minute limit when pacing is off.
    public mutating func afterLimitExceeded(_ error: DataAPIError, at now: Double) -> Decision {
        let limits = error.metadata?.limits ?? self.limits
        if Self.isDayLimit(error) {
            let elapsed = error.metadata?.limits == nil ? now - observedAt : 0
            let refill = limits.map { Double($0.dayReset) - elapsed }
            return .fail(message: Self.dailyMessage(limit: limits?.dayLimit ?? 0, refillsIn: refill))
        }
        guard isEnabled else { return .fail(message: "minute point limit spent (\(error.message)); pacing is off") }
        var seconds = 60.0
        if let reset = error.metadata?.limits?.minuteReset, reset > 0 { seconds = Double(reset) }
        if let fresh = error.metadata?.limits {
            self.limits = fresh
            observedAt = now
        }
        return .wait(RateLimitWait(duration: .clampedSeconds(max(1, seconds)), reason: .limitExceeded, minuteLimit: limits?.minuteLimit))
    }

    /// Whether a `limit_exceeded` is about the day's budget: by its `params.limit_type` when it says, else
    /// by its metadata when it has limits, else by its message (`day`, `daily`, `сут…`); a minute limit otherwise.
    static func isDayLimit(_ error: DataAPIError) -> Bool {
        if let type = error.limitType { return type == .day }
        if let limits = error.metadata?.limits, limits.dayLimit > 0 || limits.minuteLimit > 0 {
            if limits.dayRemaining <= 0 && limits.dayLimit > 0 { return true }
            if limits.minuteRemaining <= 0 { return false }
        }
        let message = error.message.lowercased()
        if message.contains("minute") || message.contains("минут") { return false }
        return message.contains("day") || message.contains("daily") || message.contains("сут") || message.contains("день")
            || message.contains("дневн")
    }

    /// `daily limit of 3000 points spent; it refills in 5 h 12 min`.
    static func dailyMessage(limit: Int, refillsIn seconds: Double?) -> String {
        let head = limit > 0 ? "daily limit of \(limit) points spent" : "daily point limit spent"
        guard let seconds else { return "\(head); the server did not say when it refills" }
        return "\(head); it refills in \(humanDuration(seconds: seconds))"
    }
}
