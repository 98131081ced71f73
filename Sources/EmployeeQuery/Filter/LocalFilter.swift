import DataAPIContract

/// A filter evaluated on records the client already holds, with the engine's own compiler and
/// evaluator, so that local and server results never disagree.
///
/// Every field may be named, `patronymic` and `operator` included (the API refuses them with
/// `filter_prohibited`); everything else — operators per field kind, value types, enum values,
/// `like` patterns, regular expressions, jsquery — is checked exactly as `get.employees` checks
/// it, with the same errors and `field` paths (see `FilterCompiler`). Null semantics are the
/// engine's (see `CompiledFilter`).
///
/// ```swift
/// let petrovichi = try LocalFilter(.condition("patronymic", .equal, "Петрович"))
/// let rows = try petrovichi.filter(employees)
/// ```
public struct LocalFilter: Sendable {
    /// The filter as given.
    public let filter: Filter
    /// The record fields the filter reads, in canonical order.
    public let fields: [EmployeeField]
    private let compiled: CompiledFilter

    /// Checks and compiles a filter.
    /// - Parameters:
    ///   - filter: A filter in the API's shape.
    ///   - path: Its place in the params, for error paths; `filter` by default.
    /// - Throws: `DataAPIError`: `unexpected_parameters` for an unknown field (`filter….field`);
    ///   `invalid_parameter_value` for an operator the field's kind does not take (`….operator`), an enum
    ///   value outside its set, or a pattern, regular expression or jsquery that does not compile (`….value`);
    ///   `data_type_error` for a value of the wrong JSON type (`….value`, `….value[i]`).
    public init(_ filter: Filter, path: String = "filter") throws(DataAPIError) {
        self.filter = filter
        compiled = try FilterCompiler.compile(filter, path: path, fields: .every)
        var used = Set<EmployeeField>()
        Self.collect(filter, into: &used)
        fields = EmployeeField.allCases.filter(used.contains)
    }

    /// Whether a record passes the filter.
    /// - Parameter employee: The record; fields the filter reads must be present (absent ones read as null).
    /// - Returns: `true` when it matches.
    /// - Throws: `invalid_parameter_value` naming a `regexp` value whose match ran past its own limit,
    ///   or naming `filter` when the record alone takes more than `EvaluationBudget.standard`.
    public func matches(_ employee: Employee) throws(DataAPIError) -> Bool {
        try compiled.matches(employee, meter: EvaluationMeter(.standard))
    }

    /// The records that pass, in order, within the steps the engine allows one query.
    /// - Parameters:
    ///   - employees: The records; fields the filter reads must be present.
    ///   - budget: The steps the evaluation may take; `EvaluationBudget.standard` by default.
    /// - Returns: The matching records.
    /// - Throws: `invalid_parameter_value`: a `regexp` match past its own budget, or the whole evaluation
    ///   past `budget` (naming `filter`).
    public func filter(_ employees: [Employee], within budget: EvaluationBudget = .standard) throws(DataAPIError) -> [Employee] {
        try compiled.matchingIndices(in: employees, within: budget).map { employees[Int($0)] }
    }

    private static func collect(_ filter: Filter, into fields: inout Set<EmployeeField>) {
        switch filter {
        case .condition(let condition):
            if let field = EmployeeField(rawValue: condition.field) { fields.insert(field) }
        case .group(let group):
            for member in group.filters { collect(member, into: &fields) }
        }
    }
}
