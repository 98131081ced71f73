import DataAPIContract

extension EmployeeField {
    /// The field a name in `fields`, `sort` or `filter` stands for: the one check of an unknown name,
    /// which the engine, the planner, `LocalFilter` and `LocalSort` share.
    /// - Parameters:
    ///   - name: The name as given.
    ///   - path: Where it stands, e.g. `fields[2]`, `sort[0].field`, `filter.filters[1].field`.
    /// - Returns: The field.
    /// - Throws: `unexpected_parameters` naming `path`, with the name as `value`.
    public static func named(_ name: String, at path: String) throws(DataAPIError) -> EmployeeField {
        guard let field = EmployeeField(rawValue: name) else {
            throw DataAPIError(.unexpectedParameters, message: "Unknown field \(name) in \(path)", field: path, value: .string(name))
        }
        return field
    }
}
