import DataAPIContract

extension EmployeesRequest {
    /// The records that pass the request's filter, answered by `index` where it can and by the
    /// compiled filter otherwise: the same set as `matchingIndices(in:within:)`, and the same errors.
    ///
    /// An exact index answer is returned as it is; an inexact one is checked record by record with
    /// the compiled filter. When the index's search of distinct keys stops (a `regexp` past its
    /// limits on some key, or the budget spent), every record is scanned, so that a pattern too
    /// costly to match fails on the same record as without an index. The index tests each distinct
    /// key or value once where the scan tests each record, so it spends less of the budget.
    /// - Parameters:
    ///   - employees: The records the index was built from, in the same order.
    ///   - index: Their index (`EmployeeIndex(employees)`).
    ///   - budget: The steps the evaluation may take; `EvaluationBudget.standard` by default.
    /// - Returns: The matching positions in `employees`; every position when there is no filter.
    /// - Throws: `invalid_parameter_value`: a `regexp` match past its own budget, or the whole evaluation
    ///   past `budget` (naming `filter`).
    public func matchingRecords(
        in employees: [Employee], index: EmployeeIndex, within budget: EvaluationBudget = .standard
    ) throws(DataAPIError) -> RecordSet {
        precondition(index.capacity == employees.count, "EmployeesRequest: the index covers other records")
        guard let filter else { return .all(employees.count) }
        let meter = EvaluationMeter(budget)
        let found = try? index.candidates(filter, meter: meter)
        guard let candidates = found ?? nil else {
            return RecordSet(try filter.matchingIndices(in: employees, within: budget), capacity: employees.count)
        }
        if candidates.exact { return candidates.records }
        var matches = RecordSet(capacity: employees.count)
        try employees.withUnsafeBufferPointer { records throws(DataAPIError) in
            for position in candidates.records {
                try meter.tick()
                if try filter.matches(records[position], meter: meter) { matches.insert(position) }
            }
        }
        return matches
    }
}
