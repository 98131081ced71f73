import DataAPIContract
import EmployeeQuery

/// A method of `F.<field>` in Lua (`F.id:lt(5)`): its name, the API operator of the condition it
/// builds, and the operand it takes.
///
/// The builders of a field follow from its kind in the catalog (`FieldKind.localOperators`, what the
/// client can evaluate; the planner sends the server only what `FieldKind.operators` lists): one per
/// operator the kind takes, named by `name(of:)`, and on the kinds that take `jsquery` (arrays and
/// objects) the two the shell offers on top, `has` and `exists`. The Lua side (`filter.lua`) gets
/// them through `Prelude.catalog` and keeps no table of its own.
struct FilterBuilder: Hashable {
    /// What a builder takes, which decides how Lua checks its argument.
    enum Operand: String {
        /// Nothing (`is_null`, `is_not_null`).
        case none
        /// One value of the field's kind (`<`, `<=`, `>`, `>=`).
        case value
        /// One value of the field's kind, or `json.null` for a null test (`=`, `!=`).
        case valueOrNull = "value_or_null"
        /// A list of values of the field's kind (`in`, `not_in`, `overlap`, `not_overlap`).
        case list
        /// A pattern string (`like`, `ilike`, `not_like`, `not_ilike`, `regexp`).
        case pattern
        /// A jsquery expression string (`jsquery`).
        case jsquery
        /// A table of nested values or an enum value, turned into a jsquery expression (`has`).
        case has
    }

    /// The method name in Lua.
    let name: String
    /// The operator of the condition it builds.
    let op: FilterOperator
    /// What it takes.
    let operand: Operand

    /// The builder of an API operator.
    init(_ op: FilterOperator) {
        name = Self.name(of: op)
        self.op = op
        operand =
            if op.takesNoValue { .none } else if op.takesArray { .list } else if op == .jsquery { .jsquery } else if op.takesString {
                .pattern
            } else if op == .equal || op == .notEqual { .valueOrNull } else { .value }
    }

    private init(name: String, op: FilterOperator, operand: Operand) {
        self.name = name
        self.op = op
        self.operand = operand
    }

    /// `has{key = value, ...}` (an element of an array of objects, or the object, matches) and
    /// `has "value"` / `has{"a", "b"}` (an array of enums holds them): a `jsquery` condition.
    static let has = FilterBuilder(name: "has", op: .jsquery, operand: .has)
    /// `exists()`: the field is not null.
    static let exists = FilterBuilder(name: "exists", op: .isNotNull, operand: .none)

    /// The Lua name of an operator's builder: `=` `eq`, `!=` `ne`, `<` `lt`, `<=` `le`, `>` `gt`,
    /// `>=` `ge`, `in` `in_` (`in` is a Lua keyword); the others keep the operator's name.
    static func name(of op: FilterOperator) -> String {
        switch op {
        case .equal: "eq"
        case .notEqual: "ne"
        case .less: "lt"
        case .lessOrEqual: "le"
        case .greater: "gt"
        case .greaterOrEqual: "ge"
        case .in: "in_"
        default: op.rawValue
        }
    }

    /// The builders of a field of `kind`, in order: `has` and `exists` where the kind takes
    /// `jsquery`, then one per operator of `kind.localOperators`, except those that take only null
    /// (`OperatorTable.takesOnlyNull`: `=` and `!=` on arrays and objects, which `is_null` and
    /// `is_not_null` already build).
    static func builders(for kind: FieldKind) -> [FilterBuilder] {
        let operators = kind.localOperators
        let derived = operators.contains(.jsquery) ? [has, exists] : []
        return derived + operators.filter { !OperatorTable.takesOnlyNull($0, on: kind) }.map(FilterBuilder.init)
    }

    /// Every builder of any kind: `has`, `exists`, and one per operator of `FilterOperator.known`.
    static let all: [FilterBuilder] = [has, exists] + FilterOperator.known.map(FilterBuilder.init)
}
