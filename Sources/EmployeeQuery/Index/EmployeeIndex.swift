import DataAPIContract

/// Per-field indexes over a fixed list of records, built once, so that filters do not scan every
/// record (`EmployeesRequest.matchingRecords(in:index:within:)`): equality, `in`, order comparisons
/// and the null tests from sorted keys; the `like` family and `regexp` by testing each distinct
/// key once (narrowed by a literal prefix and by trigrams); `jsquery` on an object or array field
/// by testing each distinct value once, when the values repeat.
///
/// An index answers a filter with a superset of its matches and whether that superset is exact;
/// when it is not, the compiled filter still runs on each candidate, so that an indexed answer
/// is always the scan's answer. Immutable, so any number of requests read it at once.
///
/// ```swift
/// let index = EmployeeIndex(employees)
/// let matches = try request.matchingRecords(in: employees, index: index)
/// ```
public struct EmployeeIndex: Sendable {
    /// How many records the index covers; it answers for exactly the records it was built from.
    public let capacity: Int
    private let fields: [EmployeeField: FieldIndex]

    /// Indexes every filterable field of `employees`.
    /// - Parameter employees: The records, in the order their positions refer to.
    public init(_ employees: [Employee]) {
        var fields: [EmployeeField: FieldIndex] = [:]
        for field in EmployeeField.filterable { fields[field] = FieldIndex(field, of: employees) }
        self.init(capacity: employees.count, fields: fields)
    }

    private init(capacity: Int, fields: [EmployeeField: FieldIndex]) {
        self.capacity = capacity
        self.fields = fields
    }

    /// The same index with `field` built again from `employees`, the same records (in the same
    /// positions) with only that field's values changed, as a status churn changes them.
    /// - Parameters:
    ///   - field: The field whose values changed.
    ///   - employees: The records as they are now; as many as `capacity`.
    /// - Returns: The updated index.
    public func reindexing(_ field: EmployeeField, of employees: [Employee]) -> EmployeeIndex {
        precondition(employees.count == capacity, "EmployeeIndex: reindexing other records")
        var fields = self.fields
        if field.isFilterable { fields[field] = FieldIndex(field, of: employees) }
        return EmployeeIndex(capacity: capacity, fields: fields)
    }

    /// A superset of the records that pass `filter`, and whether it is exactly them; `nil` when
    /// no part of the filter narrows the records (the caller scans them all).
    ///
    /// An `and` group intersects what its indexable members answer (exact when all of them are
    /// exact); an `or` group unites its members' answers, and needs every member indexable.
    /// - Parameter meter: The evaluation's steps: one for each distinct key or value tested, and a pattern's or jsquery's own.
    /// - Throws: `IndexGaveUp` when a search stopped: the caller scans instead.
    func candidates(_ filter: CompiledFilter, meter: EvaluationMeter) throws(IndexGaveUp) -> IndexCandidates? {
        switch filter {
        case .test(let field, let test):
            return try fields[field]?.candidates(test, meter: meter)
        case .all(let members):
            var result: IndexCandidates?
            var exact = true
            for member in members {
                guard let answer = try candidates(member, meter: meter) else {
                    exact = false
                    continue
                }
                exact = exact && answer.exact
                if result == nil {
                    result = answer
                } else {
                    result!.records.formIntersection(answer.records)
                }
            }
            result?.exact = exact
            return result
        case .any(let members):
            var result = IndexCandidates(RecordSet(capacity: capacity), exact: true)
            for member in members {
                guard let answer = try candidates(member, meter: meter) else { return nil }
                result.records.formUnion(answer.records)
                result.exact = result.exact && answer.exact
            }
            return result
        }
    }
}

/// What an index answers for a filter: a superset of its matches, exact or not.
struct IndexCandidates: Sendable {
    /// Every record that may pass.
    var records: RecordSet
    /// Whether every one of `records` passes, so that the filter need not run on them.
    var exact: Bool

    init(_ records: RecordSet, exact: Bool) {
        self.records = records
        self.exact = exact
    }
}
