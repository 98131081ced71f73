import DataAPIContract
import EmployeeQuery

/// The immutable data an engine serves, prepared once at start: records ordered by id, each
/// record's full JSON pre-encoded (unprojected pages copy these bytes), an index of the
/// filterable fields (`EmployeeIndex`), and for each sortable field its order (`SortOrder`), so
/// that sorting a request compares integers and a small sorted page reads only its first runs.
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
    /// For each sortable field, the records' ranks and order by it.
    let orders: [EmployeeField: SortOrder]
    /// The filterable fields' index over `employees`; `nil` for an engine that scans (`EngineConfiguration.usesIndexes`).
    let index: EmployeeIndex?

    /// Prepares the records.
    /// - Parameters:
    ///   - employees: The records, in any order.
    ///   - indexed: Whether to build the filter index; `true` by default.
    init(_ employees: [Employee], indexed: Bool = true) {
        let sorted = employees.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element)
        var orders: [EmployeeField: SortOrder] = [:]
        for field in EmployeeField.sortable { orders[field] = SortOrder(sorted, by: field) }
        self.init(sorted: sorted, orders: orders, index: indexed ? EmployeeIndex(sorted) : nil)
    }

    /// The same store with the records' statuses changed by a churn after `elapsed` seconds.
    /// `status` is not sortable, so the orders carry over; the JSON is written again and the
    /// index of `status` built again.
    func churned(_ churn: Churn, elapsed: Int) -> EmployeeStore {
        let changed = churn.apply(to: employees, elapsed: elapsed)
        return EmployeeStore(sorted: changed, orders: orders, index: index?.reindexing(.status, of: changed))
    }

    private init(sorted: [Employee], orders: [EmployeeField: SortOrder], index: EmployeeIndex?) {
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
        self.orders = orders
        self.index = index
    }

    /// The full JSON of record `index`.
    func encodedRecord(_ index: Int) -> ArraySlice<UInt8> { encoded[offsets[index]..<offsets[index + 1]] }
}
