import DataAPIContract
import EmployeeQuery

/// Point budgets per key: a UTC day and a clock minute, fixed windows (spec §6).
///
/// A call reserves its point before it runs and gets it back if it fails, so only successful
/// calls are charged and concurrent calls can never overspend. Held inside the engine's mutex.
struct PointLedger: Sendable {
    let dayLimit: Int
    let minuteLimit: Int
    private var usage: [String: Usage] = [:]

    private struct Usage {
        var day: Int64 = .min
        var dayUsed = 0
        var minute: Int64 = .min
        var minuteUsed = 0

        mutating func roll(_ now: Double) {
            let day = Int64((now / 86_400).rounded(.down))
            let minute = Int64((now / 60).rounded(.down))
            if day != self.day { (self.day, dayUsed) = (day, 0) }
            if minute != self.minute { (self.minute, minuteUsed) = (minute, 0) }
        }
    }

    /// A point taken for a call in progress.
    struct Reservation: Sendable {
        let token: String
        let day: Int64
        let minute: Int64
    }

    init(dayLimit: Int, minuteLimit: Int) {
        self.dayLimit = dayLimit
        self.minuteLimit = minuteLimit
    }

    /// Takes one point from `token`'s budgets.
    /// - Returns: The reservation and the limits after it.
    /// - Throws: `limit_exceeded` naming the spent limit (the day's first), with `field` and
    ///   `params.limit` set to `day_limit` or `minute_limit` and the metadata.
    mutating func reserve(_ token: String, now: Double) throws(DataAPIError) -> (Reservation, Metadata.Limits) {
        var entry = usage[token] ?? Usage()
        entry.roll(now)
        usage[token] = entry
        let limits = self.limits(entry, now: now)
        if entry.dayUsed >= dayLimit {
            throw Self.exceeded("day_limit", "day", dayLimit, reset: limits.dayReset, limits)
        }
        if entry.minuteUsed >= minuteLimit {
            throw Self.exceeded("minute_limit", "minute", minuteLimit, reset: limits.minuteReset, limits)
        }
        entry.dayUsed += 1
        entry.minuteUsed += 1
        usage[token] = entry
        return (Reservation(token: token, day: entry.day, minute: entry.minute), self.limits(entry, now: now))
    }

    /// Gives a reserved point back (within the windows it was taken in).
    /// - Returns: The limits after the refund.
    mutating func refund(_ reservation: Reservation, now: Double) -> Metadata.Limits {
        var entry = usage[reservation.token] ?? Usage()
        entry.roll(now)
        if entry.day == reservation.day { entry.dayUsed = max(0, entry.dayUsed - 1) }
        if entry.minute == reservation.minute { entry.minuteUsed = max(0, entry.minuteUsed - 1) }
        usage[reservation.token] = entry
        return limits(entry, now: now)
    }

    /// The limits of `token` now, without charging.
    mutating func limits(_ token: String, now: Double) -> Metadata.Limits {
        var entry = usage[token] ?? Usage()
        entry.roll(now)
        return limits(entry, now: now)
    }

    private func limits(_ entry: Usage, now: Double) -> Metadata.Limits {
        Metadata.Limits(
            dayLimit: dayLimit, dayRemaining: max(0, dayLimit - entry.dayUsed), dayReset: Self.secondsUntil(Double(entry.day + 1) * 86_400, now),
            minuteLimit: minuteLimit, minuteRemaining: max(0, minuteLimit - entry.minuteUsed),
            minuteReset: Self.secondsUntil(Double(entry.minute + 1) * 60, now))
    }

    /// Whole seconds until `end`, rounded up, at least 1.
    private static func secondsUntil(_ end: Double, _ now: Double) -> Int { max(1, Int((end - now).rounded(.up))) }

    private static func exceeded(_ name: String, _ period: String, _ limit: Int, reset: Int, _ limits: Metadata.Limits) -> DataAPIError {
        DataAPIError(
            .limitExceeded, message: "\(period) limit of \(limit) points exceeded; resets in \(reset) s", field: name,
            params: ["limit": .string(name), "limit_value": .int(Int64(limit)), "reset": .int(Int64(reset))],
            metadata: Metadata(limits: limits))
    }
}
