/// One key of the `sort` parameter: `{"field": F, "order": "asc"|"desc"}` (spec §4).
public struct Sort: Sendable, Hashable {
    /// The record field's API name; not checked here.
    public var field: String
    /// `order`: ascending (`asc`, the default) or descending (`desc`).
    public var order: Order

    /// The direction of a sort key.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        case asc
        case desc
    }

    /// Creates a sort key.
    /// - Parameters:
    ///   - field: The field's API name.
    ///   - order: Ascending by default.
    public init(field: String, order: Order = .asc) {
        self.field = field
        self.order = order
    }

    /// `{"field": F, "order": O}`.
    public var json: JSON { .object(["field": .string(field), "order": .string(order.rawValue)]) }
}

extension Sort {
    /// Decodes the `sort` array, as `Query.decode(params:)` does; whether each field exists and
    /// can be sorted by is the method's to check.
    /// - Parameters:
    ///   - json: The `sort` value.
    ///   - path: Its place, `sort`, used in errors.
    /// - Returns: The sort keys in order.
    /// - Throws: `DataAPIError` as listed for `Query.decode(params:)`.
    public static func decodeList(_ json: JSON, path: String) throws -> [Sort] {
        guard case .array(let elements) = json else { throw DataAPIError.dataTypeError(field: path, value: json, expected: "array") }
        return try elements.enumerated().map { index, element in
            let place = "\(path)[\(index)]"
            guard case .object(let object) = element else { throw DataAPIError.dataTypeError(field: place, value: element, expected: "object") }
            for key in object.keys where key != "field" && key != "order" {
                throw DataAPIError.unexpectedParameters(field: "\(place).\(key)")
            }
            let field = try Filter.requiredString(object["field"], path: "\(place).field")
            var order = Order.asc
            switch object["order"] {
            case nil, .null?: break
            case .string(let name)?:
                guard let parsed = Order(rawValue: name) else {
                    throw DataAPIError.invalidParameterValue(
                        field: "\(place).order", value: .string(name), message: "order must be \"asc\" or \"desc\"")
                }
                order = parsed
            case let other?: throw DataAPIError.dataTypeError(field: "\(place).order", value: other, expected: "string")
            }
            return Sort(field: field, order: order)
        }
    }
}
