import DataAPIContract

/// A sort applied to records the client already holds, with the engine's comparator: strings by
/// Unicode scalar values, numbers numerically, `false < true`, nulls last ascending and first
/// descending, ties broken by ascending `id` (so the empty sort is the API's default order).
///
/// Every scalar field may be a key, `id` and `email` included (the API refuses them with
/// `sort_prohibited`); object and array fields may not.
///
/// ```swift
/// let byMail = try LocalSort([Sort(field: "email", order: .desc)])
/// let rows = byMail.sorted(employees)
/// ```
public struct LocalSort: Sendable {
    /// The sort keys as given.
    public let sort: [Sort]
    /// The record fields the sort reads, in canonical order.
    public let fields: [EmployeeField]
    private let keys: [(field: EmployeeField, descending: Bool)]

    /// Checks the sort keys.
    /// - Parameters:
    ///   - sort: Keys in priority order; may be empty.
    ///   - path: The parameter's name, for error paths; `sort` by default.
    /// - Throws: `DataAPIError`: `unexpected_parameters` for an unknown field, `invalid_parameter_value`
    ///   for an object or array field; `field` is `sort[i].field`.
    public init(_ sort: [Sort], path: String = "sort") throws(DataAPIError) {
        var keys: [(field: EmployeeField, descending: Bool)] = []
        for (index, key) in sort.enumerated() {
            let keyPath = "\(path)[\(index)].field"
            let field = try EmployeeField.named(key.field, at: keyPath)
            guard SortKey.applies(to: field) else {
                throw DataAPIError.invalidParameterValue(
                    field: keyPath, value: .string(key.field), message: "Cannot sort by \(key.field) (\(field.kind.name))")
            }
            keys.append((field, key.order == .desc))
        }
        self.sort = sort
        self.keys = keys
        fields = EmployeeField.allCases.filter { field in keys.contains { $0.field == field } }
    }

    /// Sorts records; stable for records with equal keys and equal ids.
    /// - Parameter employees: The records; fields the sort reads must be present (absent ones read as null).
    /// - Returns: The records in order.
    public func sorted(_ employees: [Employee]) -> [Employee] {
        let decorated = employees.enumerated().map { index, employee in
            (employee: employee, index: index, keys: keys.map { SortKey(employee, $0.field) })
        }
        return decorated.sorted { a, b in
            for (position, key) in keys.enumerated() {
                let x = a.keys[position]
                let y = b.keys[position]
                if x != y { return key.descending ? y < x : x < y }
            }
            return (a.employee.id, a.index) < (b.employee.id, b.index)
        }.map(\.employee)
    }
}
