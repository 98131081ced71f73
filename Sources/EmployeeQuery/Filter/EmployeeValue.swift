import DataAPIContract

/// Reads a record's top-level values without encoding them.
public enum EmployeeValue {
    /// A string field's value (`first_name`, `email`, `status`, …), or `nil` when null or not a string field.
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
        default: nil
        }
    }

    /// A scalar field's value as JSON (`null` when absent); for object and array fields, the field's JSON.
    public static func json(_ e: Employee, _ field: EmployeeField) -> JSON {
        switch field {
        case .id: .int(e.id)
        case .scheduleID: e.scheduleID.map(JSON.int) ?? .null
        case .callsAvailable: e.callsAvailable.map(JSON.bool) ?? .null
        case .firstName, .lastName, .patronymic, .fullName, .email, .scheduleName, .status, .callRecording:
            string(e, field).map(JSON.string) ?? .null
        default: e.field(field)
        }
    }

    /// Whether an object or array field is empty (`{}` or `[]`), which the API's null tests treat as null.
    public static func isEmpty(_ e: Employee, _ field: EmployeeField) -> Bool {
        switch field {
        case .allowedInCallTypes: e.allowedInCallTypes.isEmpty
        case .allowedOutCallTypes: e.allowedOutCallTypes.isEmpty
        case .groups: e.groups.isEmpty
        case .phoneNumbers: e.phoneNumbers.isEmpty
        case .coach: e.coach == nil
        case .extension: e.extension == nil
        case .operator: e.operator == nil
        default: json(e, field).isNull
        }
    }

    /// An array-of-enum field's values.
    public static func strings(_ e: Employee, _ field: EmployeeField) -> [String] {
        switch field {
        case .allowedInCallTypes: e.allowedInCallTypes.map(\.rawValue)
        case .allowedOutCallTypes: e.allowedOutCallTypes.map(\.rawValue)
        default: []
        }
    }
}
