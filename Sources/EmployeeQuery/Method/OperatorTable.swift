import DataAPIContract

/// Which operators a field of each kind takes: the documentation's table (`documented`, what the API
/// and the reference server accept) and the wider one the client can evaluate on rows it holds (`local`).
///
/// Every kind takes `is_null`, `is_not_null`, and `=`/`!=` with `null`; on arrays and objects (kinds
/// without a `scalarType`) `=` and `!=` take only `null` (`takesOnlyNull`).
public struct OperatorTable: Sendable {
    /// The operators per kind, in the order of `FilterOperator.known`.
    private let table: [FieldKind.Category: [FilterOperator]]

    /// Creates a table from the operators each kind takes besides the null tests (`=`, `!=`, `is_null`,
    /// `is_not_null`, which every kind takes).
    /// - Parameter extra: The other operators per kind.
    init(_ extra: [FieldKind.Category: Set<FilterOperator>]) {
        var table: [FieldKind.Category: [FilterOperator]] = [:]
        for category in FieldKind.Category.allCases {
            let accepted = Self.nullTests.union(extra[category] ?? [])
            table[category] = FilterOperator.known.filter(accepted.contains)
        }
        self.table = table
    }

    /// The operators every kind takes: `=`, `!=`, `is_null`, `is_not_null`.
    public static let nullTests: Set<FilterOperator> = [.equal, .notEqual, .isNull, .isNotNull]
    /// The operators that, given `null`, test for null on every kind: `=` (`is_null`) and `!=` (`is_not_null`).
    public static let nullComparisons: [FilterOperator] = [.equal, .notEqual]
    private static let order: Set<FilterOperator> = [.less, .lessOrEqual, .greater, .greaterOrEqual]
    private static let membership: Set<FilterOperator> = [.in, .notIn]
    private static let patterns: Set<FilterOperator> = [.like, .ilike, .notLike, .notIlike, .regexp]

    /// The documentation's table, which the API (and the reference server) follows:
    ///
    /// | kind | operators |
    /// |---|---|
    /// | number | `= != < <= > >= in not_in is_null is_not_null` |
    /// | string | `= != like ilike not_like not_ilike regexp in not_in is_null is_not_null` |
    /// | enum | `= != in not_in is_null is_not_null` |
    /// | boolean | `= != is_null is_not_null` |
    /// | array of enum | `= != jsquery overlap not_overlap is_null is_not_null` |
    /// | object, array of objects | `= != jsquery is_null is_not_null` |
    ///
    /// Anything else is `invalid_parameter_value` naming the operator and the field's type.
    public static let documented = OperatorTable([
        .number: order.union(membership),
        .string: patterns.union(membership),
        .enumeration: membership,
        .boolean: [],
        .arrayOfEnumerations: [.jsquery, .overlap, .notOverlap],
        .object: [.jsquery],
        .arrayOfObjects: [.jsquery],
    ])

    /// What the client evaluates on rows it already holds (`LocalFilter`, and so the `F` builders):
    /// the documented table, plus the order comparisons on strings and enums, the `like` family and
    /// `regexp` on enums, and `in`/`not_in` on Booleans. The planner runs a condition the API cannot
    /// take (`F.last_name:lt "М"`) on the client, as it does a field the API cannot filter.
    public static let local = OperatorTable([
        .number: order.union(membership),
        .string: order.union(patterns).union(membership),
        .enumeration: order.union(patterns).union(membership),
        .boolean: membership,
        .arrayOfEnumerations: [.jsquery, .overlap, .notOverlap],
        .object: [.jsquery],
        .arrayOfObjects: [.jsquery],
    ])

    /// The operators a field of `kind` takes, in the order of `FilterOperator.known`.
    /// - Parameter kind: The field's kind.
    /// - Returns: The operators.
    public func operators(for kind: FieldKind) -> [FilterOperator] { table[kind.category] ?? [] }

    /// Whether a field of `kind` takes `op`.
    /// - Parameters:
    ///   - op: The operator.
    ///   - kind: The field's kind.
    /// - Returns: `true` when the table lists it.
    public func accepts(_ op: FilterOperator, on kind: FieldKind) -> Bool { operators(for: kind).contains(op) }

    /// Whether `op` on a field of `kind` compares with `null` only: `=` and `!=` on arrays and objects.
    /// - Parameters:
    ///   - op: The operator.
    ///   - kind: The field's kind.
    /// - Returns: `true` for `=`/`!=` on a kind without a `scalarType`.
    public static func takesOnlyNull(_ op: FilterOperator, on kind: FieldKind) -> Bool {
        kind.scalarType == nil && nullComparisons.contains(op)
    }
}

extension FieldKind {
    /// A kind without its listed values, as the operator table is keyed.
    public enum Category: String, Sendable, Hashable, CaseIterable {
        case number, string, boolean, enumeration, arrayOfEnumerations, object, arrayOfObjects
    }

    /// The kind's category.
    public var category: Category {
        switch self {
        case .number: .number
        case .string: .string
        case .boolean: .boolean
        case .enumeration: .enumeration
        case .arrayOfEnumerations: .arrayOfEnumerations
        case .object: .object
        case .arrayOfObjects: .arrayOfObjects
        }
    }
}
