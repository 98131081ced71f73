import DataAPIContract

/// A `get.employees` query checked against the record and compiled, ready to run (spec §2–§5).
///
/// `limit` is 0…10 000 (1000 by default; 0 returns no rows but the right `total_items`, a
/// count), `offset` 0…100 000 (0 by default).
public struct EmployeesRequest: Sendable {
    /// `nil` when every record matches.
    let filter: CompiledFilter?
    /// Sort keys in priority order; the record order (ascending id) breaks ties.
    public let sort: [(field: EmployeeField, descending: Bool)]
    /// The fields to return; `nil` for all (pre-encoded records are copied).
    public let fields: Set<EmployeeField>?
    public let limit: Int
    public let offset: Int

    /// Checks and compiles a decoded query.
    /// - Parameter query: From `Query.decode(params:)`, which did the structural checks.
    /// - Throws: `DataAPIError`: `invalid_parameter_value` for `limit`/`offset` out of range;
    ///   `unexpected_parameters` for an unknown field in `fields` (`fields[i]`) or `sort`
    ///   (`sort[i].field`); `sort_prohibited` for a field that cannot be sorted by; and the filter's
    ///   errors (see `FilterCompiler`).
    public init(_ query: Query) throws(DataAPIError) {
        limit = query.limit ?? Paging.defaultLimit
        try Paging.check(limit: limit)
        offset = query.offset ?? 0
        try Paging.check(offset: offset)
        filter = try query.filter.map { filter throws(DataAPIError) in try FilterCompiler.compile(filter) }
        var sort: [(field: EmployeeField, descending: Bool)] = []
        for (index, key) in query.sort.enumerated() {
            let path = "sort[\(index)].field"
            let field = try EmployeeField.named(key.field, at: path)
            guard field.isSortable else { throw DataAPIError.sortProhibited(field: path, value: key.field) }
            sort.append((field, key.order == .desc))
        }
        self.sort = sort
        let fields = try query.fields.map { names throws(DataAPIError) in try Self.fields(names) }
        self.fields = fields?.count == EmployeeField.allCases.count ? nil : fields
    }

    /// The fields a `fields` list names.
    /// - Parameter names: The names as given.
    /// - Returns: The fields.
    /// - Throws: `unexpected_parameters` naming `fields[i]` for an unknown name.
    public static func fields(_ names: [String]) throws(DataAPIError) -> Set<EmployeeField> {
        var fields = Set<EmployeeField>()
        for (index, name) in names.enumerated() { fields.insert(try EmployeeField.named(name, at: "fields[\(index)]")) }
        return fields
    }

    /// The indices of the records that pass the request's filter, in order, within a budget of steps.
    /// - Parameters:
    ///   - employees: The store's records.
    ///   - budget: The steps the evaluation may take; `EvaluationBudget.standard` by default.
    /// - Returns: Every index when there is no filter.
    /// - Throws: `invalid_parameter_value`: a `regexp` match past its own budget, or the whole evaluation
    ///   past `budget` (naming `filter`).
    public func matchingIndices(in employees: [Employee], within budget: EvaluationBudget = .standard) throws(DataAPIError) -> [Int32] {
        guard let filter else { return (0..<Int32(employees.count)).map { $0 } }
        return try filter.matchingIndices(in: employees, within: budget)
    }
}
