/// A `filter` parameter: one condition, or a group of filters joined by `and`/`or` (spec §3).
public indirect enum Filter: Sendable, Hashable {
    /// `{"field": F, "operator": OP, "value": V}`.
    case condition(Condition)
    /// `{"filters": [...], "condition": "and"|"or"}`.
    case group(Group)

    /// A simple condition.
    public struct Condition: Sendable, Hashable {
        /// The record field's API name; not checked here.
        public var field: String
        public var op: FilterOperator
        /// `null` for `is_null`/`is_not_null`, which need no value.
        public var value: JSON

        /// Creates a condition.
        public init(field: String, op: FilterOperator, value: JSON = .null) {
            self.field = field
            self.op = op
            self.value = value
        }
    }

    /// A group of filters.
    public struct Group: Sendable, Hashable {
        public var condition: Junction
        /// At least one filter.
        public var filters: [Filter]

        /// Creates a group.
        public init(condition: Junction, filters: [Filter]) {
            self.condition = condition
            self.filters = filters
        }
    }

    /// How a group's filters combine.
    public enum Junction: String, Sendable, Hashable, CaseIterable {
        case and
        case or
    }

    /// A condition `field op value`.
    public static func condition(_ field: String, _ op: FilterOperator, _ value: JSON = .null) -> Filter {
        .condition(Condition(field: field, op: op, value: value))
    }
    /// An `and` group.
    public static func and(_ filters: [Filter]) -> Filter { .group(Group(condition: .and, filters: filters)) }
    /// An `or` group.
    public static func or(_ filters: [Filter]) -> Filter { .group(Group(condition: .or, filters: filters)) }

    /// The filter in the API's shape; keys `field, operator, value` or `filters, condition`.
    /// A condition whose operator is `is_null`/`is_not_null` and whose value is `null` omits `value`.
    public var json: JSON {
        switch self {
        case .condition(let c):
            var object: JSONObject = ["field": .string(c.field), "operator": .string(c.op.rawValue)]
            if !(c.op.takesNoValue && c.value.isNull) { object["value"] = c.value }
            return .object(object)
        case .group(let g):
            return .object(["filters": .array(g.filters.map(\.json)), "condition": .string(g.condition.rawValue)])
        }
    }
}

/// A filter operator (spec §3). Unknown operators can be represented, but `Query(params:)` refuses them.
public struct FilterOperator: RawRepresentable, Sendable, Hashable, CaseIterableKnown, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let equal = Self(rawValue: "=")
    public static let notEqual = Self(rawValue: "!=")
    public static let less = Self(rawValue: "<")
    public static let lessOrEqual = Self(rawValue: "<=")
    public static let greater = Self(rawValue: ">")
    public static let greaterOrEqual = Self(rawValue: ">=")
    public static let like = Self(rawValue: "like")
    public static let ilike = Self(rawValue: "ilike")
    public static let notLike = Self(rawValue: "not_like")
    public static let notIlike = Self(rawValue: "not_ilike")
    public static let regexp = Self(rawValue: "regexp")
    public static let jsquery = Self(rawValue: "jsquery")
    public static let `in` = Self(rawValue: "in")
    public static let notIn = Self(rawValue: "not_in")
    public static let overlap = Self(rawValue: "overlap")
    public static let notOverlap = Self(rawValue: "not_overlap")
    public static let isNull = Self(rawValue: "is_null")
    public static let isNotNull = Self(rawValue: "is_not_null")

    /// Every operator this project accepts, in the order above.
    public static let known: [Self] = [
        .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .like, .ilike, .notLike, .notIlike,
        .regexp, .jsquery, .in, .notIn, .overlap, .notOverlap, .isNull, .isNotNull,
    ]

    /// Whether the value must be a JSON array: `in`, `not_in`, `overlap`, `not_overlap`.
    public var takesArray: Bool { [.in, .notIn, .overlap, .notOverlap].contains(self) }
    /// Whether the value must be a string: the `like` family, `regexp`, `jsquery`.
    public var takesString: Bool { [.like, .ilike, .notLike, .notIlike, .regexp, .jsquery].contains(self) }
    /// Whether the operator needs no value: `is_null`, `is_not_null`.
    public var takesNoValue: Bool { self == .isNull || self == .isNotNull }
}
