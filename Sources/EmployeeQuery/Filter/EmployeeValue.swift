import DataAPIContract

/// Reads a record's top-level values without encoding them. Every switch names every field (no
/// `default:`), so a new field does not compile until each reader says what it holds;
/// `MethodDescriptionTests` checks that the readers agree with each field's kind.
public enum EmployeeValue {
    /// A field's value as JSON: scalars directly (`null` when absent); arrays and objects as the reply
    /// carries them (`[]`, `{}` when empty).
    public static func json(_ e: Employee, _ field: EmployeeField) -> JSON {
        switch field {
        case .id: .int(e.id)
        case .firstName, .lastName, .patronymic, .fullName, .email, .status, .callRecording, .scheduleName:
            string(e, field).map(JSON.string) ?? .null
        case .scheduleID: e.scheduleID.map(JSON.int) ?? .null
        case .callsAvailable: e.callsAvailable.map(JSON.bool) ?? .null
        case .allowedInCallTypes, .allowedOutCallTypes, .groups, .coach, .phoneNumbers, .extension, .operator: e.field(field)
        }
    }

    /// A string or enum field's value; `nil` when null or when the field's kind is not a string or an enum.
    public static func string(_ e: Employee, _ field: EmployeeField) -> String? {
        switch field {
        case .firstName: e.firstName
        case .lastName: e.lastName
        case .patronymic: e.patronymic
        case .fullName: e.fullName
        case .email: e.email
        case .scheduleName: e.scheduleName
        case .status: e.status?.rawValue
        case .callRecording: e.callRecording?.rawValue
        case .id, .scheduleID, .callsAvailable, .allowedInCallTypes, .allowedOutCallTypes, .groups, .coach, .phoneNumbers,
            .extension, .operator:
            nil
        }
    }

    /// Whether the field holds `null`, which the null tests (`is_null`, `= null`) look for. Only scalars
    /// can: an empty array is `[]` and an empty object `{}` (spec §1), and neither is null, so a script
    /// that reads the row sees `json.null` exactly where `is_null` matches.
    public static func isNull(_ e: Employee, _ field: EmployeeField) -> Bool {
        field.kind.isNullable && json(e, field).isNull
    }

    /// An array-of-enum field's values; empty for the other kinds.
    public static func strings(_ e: Employee, _ field: EmployeeField) -> [String] {
        switch field {
        case .allowedInCallTypes: e.allowedInCallTypes.map(\.rawValue)
        case .allowedOutCallTypes: e.allowedOutCallTypes.map(\.rawValue)
        case .id, .firstName, .lastName, .patronymic, .fullName, .email, .status, .groups, .callRecording, .callsAvailable,
            .scheduleID, .scheduleName, .coach, .phoneNumbers, .extension, .operator:
            []
        }
    }
}
