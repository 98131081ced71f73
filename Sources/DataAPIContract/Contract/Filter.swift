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
        /// The operator; which fit the field's kind is the method's to say.
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
        /// `and` or `or`: how the filters combine.
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
    /// The operator as it stands in `filter.operator`.
    public var rawValue: String
    /// Wraps an operator name, known or not (`isKnown` tells).
    public init(rawValue: String) { self.rawValue = rawValue }
    /// The operator as sent.
    public var description: String { rawValue }

    /// `=`: equal to the value; with `null`, a null test (as `is_null`), the only value it takes on an
    /// array or object field.
    public static let equal = Self(rawValue: "=")
    /// `!=`: not equal to the value (a null field passes no comparison); with `null`, as `is_not_null`.
    public static let notEqual = Self(rawValue: "!=")
    /// `<`: less than; on numbers in the documented table.
    public static let less = Self(rawValue: "<")
    /// `<=`: less than or equal; on numbers.
    public static let lessOrEqual = Self(rawValue: "<=")
    /// `>`: greater than; on numbers.
    public static let greater = Self(rawValue: ">")
    /// `>=`: greater than or equal; on numbers.
    public static let greaterOrEqual = Self(rawValue: ">=")
    /// `like`: a case-sensitive pattern with `%` (any run) and `_` (one character).
    public static let like = Self(rawValue: "like")
    /// `ilike`: `like` ignoring case (a later generation's; accepted here).
    public static let ilike = Self(rawValue: "ilike")
    /// `not_like`: does not match a `like` pattern (a later generation's).
    public static let notLike = Self(rawValue: "not_like")
    /// `not_ilike`: does not match an `ilike` pattern (a later generation's).
    public static let notIlike = Self(rawValue: "not_ilike")
    /// `regexp`: matches a POSIX (PostgreSQL) regular expression.
    public static let regexp = Self(rawValue: "regexp")
    /// `jsquery`: a PostgreSQL jsquery expression evaluated against an array or object field's JSON.
    public static let jsquery = Self(rawValue: "jsquery")
    /// `in`: equal to one of an array of values; on numbers, strings and enums.
    public static let `in` = Self(rawValue: "in")
    /// `not_in`: equal to none of an array of values (a later generation's).
    public static let notIn = Self(rawValue: "not_in")
    /// `overlap`: an array-of-enum field shares an element with the array given (a later generation's).
    public static let overlap = Self(rawValue: "overlap")
    /// `not_overlap`: an array-of-enum field shares no element with it (a later generation's).
    public static let notOverlap = Self(rawValue: "not_overlap")
    /// `is_null`: the field is `null`; takes no value (a later generation's). Arrays and objects are
    /// never null: empty, they are `[]` and `{}`.
    public static let isNull = Self(rawValue: "is_null")
    /// `is_not_null`: the field is not `null`; takes no value (a later generation's).
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
