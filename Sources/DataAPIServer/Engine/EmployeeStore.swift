import DataAPIContract
import EmployeeQuery

/// The immutable data an engine serves, prepared once at start: records ordered by id, each
/// record's JSON pre-encoded (`EncodedRecords`: pages copy these bytes), an index of the
/// filterable fields (`EmployeeIndex`), and for each sortable field its order (`SortOrder`), so
/// that sorting a request compares integers and a small sorted page reads only its first runs.
///
/// A churning demo (`Churn`) gets a fresh store per elapsed second (`churned(_:elapsed:)`).
/// Read-only after `init`, so any number of requests evaluate on it at once without a lock.
struct EmployeeStore: Sendable {
    /// The records in ascending id order (the API's default order).
    let employees: [Employee]
    /// Every record's JSON, full and by field.
    let encoded: EncodedRecords
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
        self.init(sorted: sorted, encoded: EncodedRecords(sorted), orders: orders, index: indexed ? EmployeeIndex(sorted) : nil)
    }

    /// The same store with the records' statuses changed by a churn after `elapsed` seconds.
    /// `status` is not sortable, so the orders carry over; only the status members of the JSON
    /// and the index of `status` are written again.
    func churned(_ churn: Churn, elapsed: Int) -> EmployeeStore {
        let changed = churn.apply(to: employees, elapsed: elapsed)
        return EmployeeStore(
            sorted: changed, encoded: encoded.rewriting(.status, of: changed), orders: orders, index: index?.reindexing(.status, of: changed))
    }

    private init(sorted: [Employee], encoded: EncodedRecords, orders: [EmployeeField: SortOrder], index: EmployeeIndex?) {
        self.employees = sorted
        self.encoded = encoded
        self.orders = orders
        self.index = index
    }
}
