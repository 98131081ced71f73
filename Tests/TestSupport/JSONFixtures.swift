import DataAPIContract

/// Builds `JSON` from Swift literals in tests: strings, integers, doubles, booleans, `JSON`
/// values (for `.null`), arrays and `KeyValuePairs` (objects in order).
public func json(_ value: Any) -> JSON {
    switch value {
    case let v as JSON: return v
    case let v as String: return .string(v)
    case let v as Bool: return .bool(v)
    case let v as Int: return .int(Int64(v))
    case let v as Double: return .double(v)
    case let v as [Any]: return .array(v.map(json))
    case let v as KeyValuePairs<String, Any>: return .object(JSONObject(v.map { ($0.key, json($0.value)) }))
    default: fatalError("json(): unsupported \(type(of: value))")
    }
}

/// The object and array fields of one realistic employee, as `get.employees` returns them.
public enum EmployeeFixture {
    public static let coach = json(
        [
            "coach_id": 17, "coach_full_name": "Петров Пётр Петрович", "coach_always_enabled": false,
        ] as KeyValuePairs<String, Any>)

    public static let groups = json([
        ["group_id": 5, "group_name": "Продажи"] as KeyValuePairs<String, Any>,
        ["group_id": 12, "group_name": "Поддержка"] as KeyValuePairs<String, Any>,
    ])

    public static let phoneNumbers = json([
        ["phone_number": "79161234567", "channels_count": 1, "dial_time": 60, "status": "active"] as KeyValuePairs<String, Any>,
        ["phone_number": "74955140578...2345", "channels_count": 3, "dial_time": 30, "status": "inactive"] as KeyValuePairs<String, Any>,
    ])

    public static let `extension` = json(
        [
            "extension_phone_number": "101", "extension_voice_mail_enabled": true, "extension_queue_enabled": false,
        ] as KeyValuePairs<String, Any>)

    public static let allowedIn = json(["internal", "external"])
    public static let allowedOut = json(["internal"])

    /// The field's JSON by API name; `null_coach` and `empty_array` stand for an employee without them.
    public static func field(_ name: String) -> JSON {
        switch name {
        case "coach": coach
        case "groups": groups
        case "phone_numbers": phoneNumbers
        case "extension": `extension`
        case "allowed_in_call_types": allowedIn
        case "allowed_out_call_types": allowedOut
        case "null_coach": .null
        case "empty_array": .array([])
        default: fatalError("no fixture \(name)")
        }
    }

    public static let all: [JSON] = [coach, groups, phoneNumbers, `extension`, allowedIn, allowedOut, .null, .array([])]
}

extension Employee {
    /// A record with every field set, Cyrillic and NUL included.
    public static let full = Employee(
        id: 9_007_199_254_740_993, firstName: "Иван", lastName: "Петров", patronymic: "Сергеевич", fullName: "Петров Иван\u{0}",
        status: .available, allowedInCallTypes: [.internal, .external], allowedOutCallTypes: [.external],
        email: "ivan@example.com", callRecording: .all, callsAvailable: true, scheduleID: 7, scheduleName: "Day",
        coach: .init(coachID: 2, coachFullName: "Coach", coachAlwaysEnabled: false),
        groups: [.init(groupID: 3, groupName: "Sales")],
        phoneNumbers: [.init(phoneNumber: "74955140578...2345", channelsCount: 1, dialTime: 60, status: .active)],
        extension: .init(extensionPhoneNumber: "101", extensionVoiceMailEnabled: true, extensionQueueEnabled: false),
        operator: .init(
            operatorLogin: "op", operatorDisplayName: "Op", operatorPositionID: 5, operatorPositionName: "Senior",
            operatorOfflineMessageEnabled: true, operatorInviteToChatEnabled: false, operatorChatEnabled: true,
            operatorChatsAvailable: nil, operatorSites: [.init(siteID: 1, siteDomainName: "example.com")])
    )
}
