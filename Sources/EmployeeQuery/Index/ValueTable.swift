import DataAPIContract
import Synchronization

/// An object or array field's distinct values, each with the records that hold it, tabled on the
/// first search that needs them: a jsquery is then evaluated once per distinct value (the groups
/// of 25 000 employees are a few hundred lists) and its answer is exact.
final class ValueTable: Sendable {
    /// Values are tabled only when there are at most this share of the records' count: for a field
    /// whose values are mostly unique (phone numbers) the scan costs the same.
    static let distinctShare = 2

    private struct Table: Sendable {
        var values: [JSON] = []
        var postings: [[Int32]] = []
    }

    private let employees: [Employee]
    private let field: EmployeeField
    private let built = Mutex<Table?>(nil)

    /// A table of `field` over `employees`, built when first searched.
    init(_ field: EmployeeField, of employees: [Employee]) {
        self.field = field
        self.employees = employees
    }

    /// The records whose value passes `test`, or `nil` when the field has too many distinct values
    /// for the table to pay.
    /// - Parameters:
    ///   - meter: The evaluation's steps, one taken for each value tested.
    ///   - test: Whether a value passes.
    func records(meter: EvaluationMeter, passing test: (JSON) throws -> Bool) throws -> RecordSet? {
        let table = self.table()
        guard table.values.count * Self.distinctShare <= employees.count else { return nil }
        var result = RecordSet(capacity: employees.count)
        for (index, value) in table.values.enumerated() {
            try meter.tick()
            guard try test(value) else { continue }
            for position in table.postings[index] { result.insert(Int(position)) }
        }
        return result
    }

    private func table() -> Table {
        built.withLock { built in
            if let built { return built }
            var table = Table()
            var positions: [JSON: Int] = [:]
            for (record, employee) in employees.enumerated() {
                let value = employee.field(field)
                if let index = positions[value] {
                    table.postings[index].append(Int32(record))
                } else {
                    positions[value] = table.values.count
                    table.values.append(value)
                    table.postings.append([Int32(record)])
                }
            }
            built = table
            return table
        }
    }
}
