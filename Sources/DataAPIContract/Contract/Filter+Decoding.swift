/// Structural decoding of `filter` from request params (`sort`'s is in `Sort.swift`).
extension Filter {
    /// Decodes a filter object: a group when it has `filters`, a condition otherwise.
    /// - Parameters:
    ///   - json: The filter value.
    ///   - path: Its place, e.g. `filter` or `filter.filters[1]`, used in errors.
    /// - Throws: `DataAPIError` as listed for `Query.decode(params:)`.
    public init(decoding json: JSON, path: String) throws {
        guard case .object(let object) = json else { throw DataAPIError.dataTypeError(field: path, value: json, expected: "object") }
        if object["filters"] != nil {
            try Self.checkKeys(object, allowed: ["filters", "condition"], path: path)
            guard case .array(let elements) = object["filters"]! else {
                throw DataAPIError.dataTypeError(field: "\(path).filters", value: object["filters"], expected: "array")
            }
            guard !elements.isEmpty else {
                throw DataAPIError.invalidParameterValue(field: "\(path).filters", value: .array([]), message: "filters must not be empty")
            }
            let filters = try elements.enumerated().map { try Filter(decoding: $1, path: "\(path).filters[\($0)]") }
            let junction = try Self.junction(object["condition"], path: "\(path).condition")
            self = .group(Group(condition: junction, filters: filters))
        } else {
            try Self.checkKeys(object, allowed: ["field", "operator", "value"], path: path)
            let field = try Self.requiredString(object["field"], path: "\(path).field")
            let name = try Self.requiredString(object["operator"], path: "\(path).operator")
            let op = FilterOperator(rawValue: name)
            guard op.isKnown else {
                throw DataAPIError.invalidParameterValue(field: "\(path).operator", value: .string(name), message: "Unknown operator \(name)")
            }
            let valuePath = "\(path).value"
            // An omitted value is taken as null (spec §3); whether null fits the operator is the rules' to say.
            let value = object["value"]
            if op.takesArray, let value, value.arrayValue == nil {
                throw DataAPIError.dataTypeError(field: valuePath, value: value, expected: "array")
            }
            if op.takesString, let value, value.stringValue == nil {
                throw DataAPIError.dataTypeError(field: valuePath, value: value, expected: "string")
            }
            self = .condition(Condition(field: field, op: op, value: value ?? .null))
        }
    }

    private static func checkKeys(_ object: JSONObject, allowed: [String], path: String) throws {
        for key in object.keys where !allowed.contains(key) {
            throw DataAPIError.unexpectedParameters(field: "\(path).\(key)")
        }
    }

    /// A string member that must be present: missing or null → `invalid_parameter_value`, other types → `data_type_error`.
    static func requiredString(_ value: JSON?, path: String) throws -> String {
        switch value {
        case .string(let s)?: return s
        case nil, .null?: throw DataAPIError.invalidParameterValue(field: path, message: "\(path) is required")
        case let other?: throw DataAPIError.dataTypeError(field: path, value: other, expected: "string")
        }
    }

    private static func junction(_ value: JSON?, path: String) throws -> Junction {
        let name = try requiredString(value, path: path)
        guard let junction = Junction(rawValue: name) else {
            throw DataAPIError.invalidParameterValue(field: path, value: .string(name), message: "\(path) must be \"and\" or \"or\"")
        }
        return junction
    }
}
