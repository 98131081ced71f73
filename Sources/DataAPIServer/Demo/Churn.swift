import DataAPIContract

/// Employees whose `status` changes over time, deterministically, so that a demo account looks
/// alive (`empsh serve --churn N`, `EMPSH_DEMO_CHURN=N`).
///
/// Each elapsed whole second, the next `perSecond` employees of a seeded round-robin order are
/// touched. An employee touched an odd number of times shows an away status drawn from
/// (seed, id, touch count), never its own; touched an even number of times, it is back to its
/// generated status. So the status at any time is a pure function of (seed, record, elapsed
/// seconds), computed in O(1) per record. Records without a status are never changed.
public struct Churn: Sendable, Hashable {
    /// How many employees change status each second; 0 means none ever do.
    public var perSecond: Int
    /// The seed of the order and of the statuses drawn.
    public var seed: UInt64

    /// Creates a churn.
    /// - Parameters:
    ///   - perSecond: Employees changing per second (negative counts as 0).
    ///   - seed: The seed; `DemoCompany.defaultSeed` by default.
    public init(perSecond: Int, seed: UInt64 = DemoCompany.defaultSeed) {
        self.perSecond = max(0, perSecond)
        self.seed = seed
    }

    /// No changes: the records stay as generated.
    public static let none = Churn(perSecond: 0)

    /// The statuses an employee may show while away from its own.
    static let pool: [EmployeeStatus] = [.available, .onBreak, .doNotDisturb, .notAtWorkplace, .notAtWork]
    /// For each status, the pool without it: what a touched record may show instead.
    private static let others = Dictionary(uniqueKeysWithValues: pool.map { status in (status, pool.filter { $0 != status }) })

    /// The records as they are after `elapsed` whole seconds.
    /// - Parameters:
    ///   - employees: The generated records, in id order.
    ///   - elapsed: Whole seconds since the engine started.
    /// - Returns: The records, with `status` changed where the churn has touched them an odd number of times.
    public func apply(to employees: [Employee], elapsed: Int) -> [Employee] {
        guard perSecond > 0, elapsed > 0, !employees.isEmpty else { return employees }
        let order = Order(seed: seed, count: employees.count)
        var changed = employees
        for index in changed.indices {
            changed[index].status = status(
                original: employees[index].status, position: order.position(of: index), id: employees[index].id,
                count: employees.count, elapsed: elapsed)
        }
        return changed
    }

    /// The status of the record at `position` in the churn's order after `elapsed` whole seconds.
    private func status(original: EmployeeStatus?, position: Int, id: Int64, count: Int, elapsed: Int) -> EmployeeStatus? {
        guard let original else { return nil }
        let touches = touchCount(position: position, count: count, elapsed: elapsed)
        guard touches % 2 == 1 else { return original }
        let others = Self.others[original] ?? Self.pool
        var mixer = SplitMix64(seed: seed ^ UInt64(bitPattern: id) &* 0x9E37_79B9 ^ UInt64(touches) << 32)
        return others[Int(mixer.next() % UInt64(others.count))]
    }

    /// How many times the employee at `position` of the round-robin order has been touched.
    func touchCount(position: Int, count: Int, elapsed: Int) -> Int {
        let (total, overflow) = elapsed.multipliedReportingOverflow(by: perSecond)
        let touched = overflow ? Int.max : total
        return touched > position ? (touched - 1 - position) / count + 1 : 0
    }

    /// The seeded round-robin order: record `index` has place `index · stride + offset (mod count)`,
    /// with a stride coprime to `count`, so every record has exactly one place.
    struct Order {
        let count: Int
        let stride: Int
        let offset: Int

        init(seed: UInt64, count: Int) {
            var mixer = SplitMix64(seed: seed ^ 0xC40C4)
            var stride = Int(mixer.next() % UInt64(count)) | 1
            while Self.gcd(stride, count) != 1 { stride += 1 }
            self.count = count
            self.stride = stride % count
            offset = Int(mixer.next() % UInt64(count))
        }

        func position(of index: Int) -> Int { (index % count * stride + offset) % count }

        private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
    }
}
