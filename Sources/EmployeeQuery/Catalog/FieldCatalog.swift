import DataAPIContract

/// The method's rules for each record field (spec §3, §4): its kind, down to nested keys, and whether
/// the API filters and sorts by it; each kind says which operators apply to it (`FieldKind.operators`).
extension EmployeeField {
    /// Whether the API accepts the field in `filter`: every field but `patronymic` and `operator`.
    public var isFilterable: Bool { self != .patronymic && self != .operator }

    /// Whether the API accepts the field in `sort`: `first_name`, `last_name`, `patronymic`, `full_name`, `calls_available`.
    public var isSortable: Bool {
        switch self {
        case .firstName, .lastName, .patronymic, .fullName, .callsAvailable: true
        default: false
        }
    }

    /// The shape of the field's value.
    public var kind: FieldKind {
        switch self {
        case .id, .scheduleID: .number
        case .firstName, .lastName, .patronymic, .fullName, .email, .scheduleName: .string
        case .status: .enumeration(EmployeeStatus.known.map(\.rawValue))
        case .allowedInCallTypes, .allowedOutCallTypes: .arrayOfEnumerations(CallType.known.map(\.rawValue))
        case .callRecording: .enumeration(CallRecording.known.map(\.rawValue))
        case .callsAvailable: .boolean
        case .groups: .arrayOfObjects([.init("group_id", .number), .init("group_name", .string)])
        case .coach:
            .object([.init("coach_id", .number), .init("coach_full_name", .string), .init("coach_always_enabled", .boolean)])
        case .phoneNumbers:
            .arrayOfObjects([
                .init("phone_number", .string), .init("channels_count", .number), .init("dial_time", .number),
                .init("status", .enumeration(PhoneNumberStatus.known.map(\.rawValue))),
            ])
        case .extension:
            .object([
                .init("extension_phone_number", .string), .init("extension_voice_mail_enabled", .boolean),
                .init("extension_queue_enabled", .boolean),
            ])
        case .operator:
            .object([
                .init("operator_login", .string), .init("operator_display_name", .string),
                .init("operator_position_id", .number), .init("operator_position_name", .string),
                .init("operator_offline_message_enabled", .boolean), .init("operator_invite_to_chat_enabled", .boolean),
                .init("operator_chat_enabled", .boolean), .init("operator_chats_available", .boolean),
                .init("operator_sites", .arrayOfObjects([.init("site_id", .number), .init("site_domain_name", .string)])),
            ])
        }
    }

    /// Whether a record may hold `null` in the field: every field but `id` and the arrays, which come
    /// as `[]` when empty (`FieldKind.isNullable`). `coach`, `extension` and `operator` may also be `{}`.
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

    /// Whether a value of this kind may be `null`: numbers, strings, Booleans, enums and objects may;
    /// arrays come as `[]` instead.
    public var isNullable: Bool {
        switch self {
        case .arrayOfEnumerations, .arrayOfObjects: false
        default: true
        }
    }

    /// The nested keys of an object or array-of-objects kind; empty for the others.
    public var nestedFields: [NestedField] {
        switch self {
        case .object(let fields), .arrayOfObjects(let fields): fields
        default: []
        }
    }

    /// The operators the API accepts on a field of this kind (spec §3), in the order of `FilterOperator.known`:
    /// - numbers: `= != < <= > >= in not_in is_null is_not_null`;
    /// - Booleans: `= != in not_in is_null is_not_null` (`true`/`false` have no order to compare by);
    /// - strings and enums: `= != < <= > >= like ilike not_like not_ilike regexp in not_in is_null is_not_null`;
    /// - arrays of enums: `= != jsquery overlap not_overlap is_null is_not_null`;
    /// - objects and arrays of objects: `= != jsquery is_null is_not_null`.
    ///
    /// On the kinds without a `scalarType` (arrays and objects), `=` and `!=` take only `null`.
    public var operators: [FilterOperator] {
        let nullTests: Set<FilterOperator> = [.equal, .notEqual, .isNull, .isNotNull]
        let scalar = nullTests.union([.less, .lessOrEqual, .greater, .greaterOrEqual, .in, .notIn])
        let accepted: Set<FilterOperator> =
            switch self {
            case .number: scalar
            case .boolean: nullTests.union([.in, .notIn])
            case .string, .enumeration: scalar.union([.like, .ilike, .notLike, .notIlike, .regexp])
            case .arrayOfEnumerations: nullTests.union([.jsquery, .overlap, .notOverlap])
            case .object, .arrayOfObjects: nullTests.union([.jsquery])
            }
        return FilterOperator.known.filter(accepted.contains)
    }

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
