import DataAPIContract
import EmployeeQuery

/// Point budgets per account: a UTC day and a clock minute, fixed windows (spec §6).
///
/// Budgets belong to the customer account a call acts for (the tariff's limits), not to a key:
/// the account's permanent key, its session keys and an agent's key acting for it all draw on
/// the same two budgets.
///
/// A call reserves its point before it runs and gets it back if it fails, so only successful
/// calls are charged and concurrent calls can never overspend. Held inside the engine's mutex.
struct PointLedger: Sendable {
    let dayLimit: Int
    let minuteLimit: Int
    private var usage: [Int64: Usage] = [:]

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
        let account: Int64
        let day: Int64
        let minute: Int64
    }

    init(dayLimit: Int, minuteLimit: Int) {
        self.dayLimit = dayLimit
        self.minuteLimit = minuteLimit
    }

    /// Takes one point from an account's budgets.
    /// - Parameters:
    ///   - account: The customer user the call acts for.
    ///   - now: The time, Unix seconds.
    /// - Returns: The reservation and the limits after it.
    /// - Throws: `limit_exceeded` naming the spent budget (the day's first) in the documented words, with
    ///   `params.limit_type` and `params.limit_max_value`, and the metadata.
    mutating func reserve(_ account: Int64, now: Double) throws(DataAPIError) -> (Reservation, Metadata.Limits) {
        var entry = usage[account] ?? Usage()
        entry.roll(now)
        usage[account] = entry
        let limits = self.limits(entry, now: now)
        if entry.dayUsed >= dayLimit {
            throw DataAPIError.limitExceeded(per: .day, limitMaxValue: dayLimit, metadata: Metadata(limits: limits))
        }
        if entry.minuteUsed >= minuteLimit {
            throw DataAPIError.limitExceeded(per: .minute, limitMaxValue: minuteLimit, metadata: Metadata(limits: limits))
        }
        entry.dayUsed += 1
        entry.minuteUsed += 1
        usage[account] = entry
        return (Reservation(account: account, day: entry.day, minute: entry.minute), self.limits(entry, now: now))
    }

    /// Gives a reserved point back (within the windows it was taken in).
    /// - Returns: The limits after the refund.
    mutating func refund(_ reservation: Reservation, now: Double) -> Metadata.Limits {
        var entry = usage[reservation.account] ?? Usage()
        entry.roll(now)
        if entry.day == reservation.day { entry.dayUsed = max(0, entry.dayUsed - 1) }
        if entry.minute == reservation.minute { entry.minuteUsed = max(0, entry.minuteUsed - 1) }
        usage[reservation.account] = entry
        return limits(entry, now: now)
    }

    /// An account's limits now, without charging.
    mutating func limits(_ account: Int64, now: Double) -> Metadata.Limits {
        var entry = usage[account] ?? Usage()
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
}
