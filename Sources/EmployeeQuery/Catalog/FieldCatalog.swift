import DataAPIContract

/// The method's rules for each record field (spec §3, §4), read from `MethodDescription.employees`: its kind,
/// down to nested keys, and whether the API filters and sorts by it; the operator table says which
/// operators each kind takes (`FieldKind.operators`).
extension EmployeeField {
    /// Whether the API accepts the field in `filter`: every field but `patronymic` and `operator`.
    public var isFilterable: Bool { rule.filterable }

    /// Whether the API accepts the field in `sort`: `first_name`, `last_name`, `patronymic`, `full_name`, `calls_available`.
    public var isSortable: Bool { rule.sortable }

    /// The shape of the field's value.
    public var kind: FieldKind { rule.kind }

    /// Whether a record may hold `null` in the field: the scalars but `id`. Arrays come as `[]` and
    /// objects as `{}` when empty (spec §1), which is not null (`FieldKind.isNullable`).
    public var isNullable: Bool { self != .id && kind.isNullable }

    /// The field names that `isFilterable` accepts, in canonical order.
    public static var filterable: [EmployeeField] { allCases.filter(\.isFilterable) }
    /// The field names that `isSortable` accepts, in canonical order.
    public static var sortable: [EmployeeField] { allCases.filter(\.isSortable) }
}

/// The shape of a record field's value, as error messages and completion describe it.
public indirect enum FieldKind: Sendable, Hashable {
    /// A JSON integer.
    case number
    /// A JSON string.
    case string
    /// `true` or `false`.
    case boolean
    /// A string from the listed values (others may still arrive).
    case enumeration([String])
    /// An array of strings from the listed values.
    case arrayOfEnumerations([String])
    /// An object with the listed keys (`{}` when empty).
    case object([NestedField])
    /// An array of objects with the listed keys.
    case arrayOfObjects([NestedField])

    /// Whether a value of this kind may be `null`: numbers, strings, Booleans and enums may; arrays come
    /// as `[]` and objects as `{}` instead (spec §1: empty scalars are `null`, empty arrays `[]`, empty objects `{}`).
    public var isNullable: Bool { scalarType != nil }

    /// The nested keys of an object or array-of-objects kind; empty for the others.
    public var nestedFields: [NestedField] {
        switch self {
        case .object(let fields), .arrayOfObjects(let fields): fields
        default: []
        }
    }

    /// The operators the API accepts on a field of this kind: the documentation's table
    /// (`OperatorTable.documented`), in the order of `FilterOperator.known`.
    public var operators: [FilterOperator] { OperatorTable.documented.operators(for: self) }

    /// The operators the client evaluates on a field of this kind (`OperatorTable.local`): the API's and
    /// more; a condition outside `operators` runs locally.
    public var localOperators: [FilterOperator] { OperatorTable.local.operators(for: self) }

    /// The JSON type of the value that `=`, `!=`, `<`, `<=`, `>`, `>=`, `in` and `not_in` compare a field of this
    /// kind with: `number`, `string` (strings and enums) or `boolean`; `nil` for arrays and objects.
    public var scalarType: String? {
        switch self {
        case .number: "number"
        case .string, .enumeration: "string"
        case .boolean: "boolean"
        case .arrayOfEnumerations, .object, .arrayOfObjects: nil
        }
    }

    /// A short name: `number`, `string`, `boolean`, `enum`, `array of enum`, `object`, `array of objects`.
    public var name: String {
        switch self {
        case .number: "number"
        case .string: "string"
        case .boolean: "boolean"
        case .enumeration: "enum"
        case .arrayOfEnumerations: "array of enum"
        case .object: "object"
        case .arrayOfObjects: "array of objects"
        }
    }
}

/// A key inside an object field, with the shape of its value.
public struct NestedField: Sendable, Hashable {
    /// The key as the API spells it, e.g. `group_id`.
    public var name: String
    /// The shape of its value.
    public var kind: FieldKind

    /// Creates a nested field description.
    /// - Parameters:
    ///   - name: The key.
    ///   - kind: Its value's shape.
    public init(_ name: String, _ kind: FieldKind) {
        self.name = name
        self.kind = kind
    }
}
