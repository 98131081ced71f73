import DataAPIContract

/// The method's rules for each record field (spec §3, §4): its kind, down to nested keys, and whether
/// the API filters and sorts by it.
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

    /// The nested keys of an object or array-of-objects kind; empty for the others.
    public var nestedFields: [NestedField] {
        switch self {
        case .object(let fields), .arrayOfObjects(let fields): fields
        default: []
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
