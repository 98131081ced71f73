import DataAPIContract
import EmployeeQuery

/// The immutable data an engine serves, prepared once at start: records ordered by id, each
/// record's full JSON pre-encoded (unprojected pages copy these bytes), and for each sortable
/// field a rank per record, so that sorting a request compares integers.
///
/// A churning demo (`Churn`) gets a fresh store per elapsed second (`churned(_:elapsed:)`).
/// Read-only after `init`, so any number of requests evaluate on it at once without a lock.
struct EmployeeStore: Sendable {
    /// The records in ascending id order (the API's default order).
    let employees: [Employee]
    /// All records' full JSON, back to back.
    private let encoded: [UInt8]
    /// Record `i`'s JSON is `encoded[offsets[i]..<offsets[i + 1]]`.
    private let offsets: [Int]
    /// For each sortable field, each record's rank in ascending order (equal values share a rank;
    /// null ranks after every value, as PostgreSQL places nulls last in ascending order).
    let ranks: [EmployeeField: [Int32]]

    init(_ employees: [Employee]) {
        let sorted = employees.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element)
        var ranks: [EmployeeField: [Int32]] = [:]
        for field in EmployeeField.sortable { ranks[field] = Self.rank(sorted, by: field) }
        self.init(sorted: sorted, ranks: ranks)
    }

    /// The same store with the records' statuses changed by a churn after `elapsed` seconds.
    /// `status` is not sortable, so the ranks carry over; only the JSON is written again.
    func churned(_ churn: Churn, elapsed: Int) -> EmployeeStore {
        EmployeeStore(sorted: churn.apply(to: employees, elapsed: elapsed), ranks: ranks)
    }

    private init(sorted: [Employee], ranks: [EmployeeField: [Int32]]) {
        self.employees = sorted
        var writer = JSONWriter(capacity: sorted.count * 900)
        var offsets = [Int]()
        offsets.reserveCapacity(sorted.count + 1)
        for employee in sorted {
            offsets.append(writer.bytes.count)
            var one = JSONWriter(capacity: 1024)
            employee.write(to: &one)
            writer.bytes.append(contentsOf: one.bytes)
        }
        offsets.append(writer.bytes.count)
        self.encoded = writer.bytes
        self.offsets = offsets
        self.ranks = ranks
    }

    /// The full JSON of record `index`.
    func encodedRecord(_ index: Int) -> ArraySlice<UInt8> { encoded[offsets[index]..<offsets[index + 1]] }

    /// Ranks of every record by `field` (a sortable field: a string or a Boolean).
    private static func rank(_ employees: [Employee], by field: EmployeeField) -> [Int32] {
        let keys = employees.map { SortKey($0, field) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var ranks = [Int32](repeating: 0, count: employees.count)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() {
            if position > 0 && keys[order[position - 1]] != keys[index] { rank += 1 }
            ranks[index] = keys[index].isNull ? .max : rank
        }
        return ranks
    }
}
