import DataAPIContract

extension MethodDescription {
    /// `get.employees` as the documentation describes it (`../shared/spec/get.employees.seed.txt`, spec §2–§7):
    /// `limit` 1000 by default and at most 10 000, `offset` at most 100 000; 3000 points a day and 120 a
    /// minute unless configured; every field but `patronymic` and `operator` filterable; `first_name`,
    /// `last_name`, `patronymic`, `full_name` and `calls_available` sortable.
    public static let employees = MethodDescription(
        name: "get.employees",
        parameters: Query.knownParams,
        requiredParameters: ["access_token"],
        paging: PagingCeilings(defaultLimit: 1000, maxLimit: 10_000, maxOffset: 100_000),
        budgets: PointBudgets(day: 3000, minute: 120),
        fields: employeeFields,
        operators: .documented,
        errors: [
            .requiredParameterMissed, .invalidParameterValue, .dataTypeError, .unexpectedParameters, .filterProhibited,
            .sortProhibited, .accessTokenInvalid, .accessTokenExpired, .accessTokenBlocked, .forbidden, .limitExceeded,
        ])

    private static let employeeFields: [FieldRule] = [
        FieldRule("id", .number, filterable: true, sortable: false),
        FieldRule("first_name", .string, filterable: true, sortable: true),
        FieldRule("last_name", .string, filterable: true, sortable: true),
        FieldRule("patronymic", .string, filterable: false, sortable: true),
        FieldRule("full_name", .string, filterable: true, sortable: true),
        FieldRule("email", .string, filterable: true, sortable: false),
        FieldRule("status", .enumeration(EmployeeStatus.known.map(\.rawValue)), filterable: true, sortable: false),
        FieldRule("allowed_in_call_types", .arrayOfEnumerations(CallType.known.map(\.rawValue)), filterable: true, sortable: false),
        FieldRule("allowed_out_call_types", .arrayOfEnumerations(CallType.known.map(\.rawValue)), filterable: true, sortable: false),
        FieldRule("groups", .arrayOfObjects([.init("group_id", .number), .init("group_name", .string)]), filterable: true, sortable: false),
        FieldRule("call_recording", .enumeration(CallRecording.known.map(\.rawValue)), filterable: true, sortable: false),
        FieldRule("calls_available", .boolean, filterable: true, sortable: true),
        FieldRule("schedule_id", .number, filterable: true, sortable: false),
        FieldRule("schedule_name", .string, filterable: true, sortable: false),
        FieldRule(
            "coach", .object([.init("coach_id", .number), .init("coach_full_name", .string), .init("coach_always_enabled", .boolean)]),
            filterable: true, sortable: false),
        FieldRule(
            "phone_numbers",
            .arrayOfObjects([
                .init("phone_number", .string), .init("channels_count", .number), .init("dial_time", .number),
                .init("status", .enumeration(PhoneNumberStatus.known.map(\.rawValue))),
            ]), filterable: true, sortable: false),
        FieldRule(
            "extension",
            .object([
                .init("extension_phone_number", .string), .init("extension_voice_mail_enabled", .boolean),
                .init("extension_queue_enabled", .boolean),
            ]), filterable: true, sortable: false),
        FieldRule(
            "operator",
            .object([
                .init("operator_login", .string), .init("operator_display_name", .string),
                .init("operator_position_id", .number), .init("operator_position_name", .string),
                .init("operator_offline_message_enabled", .boolean), .init("operator_invite_to_chat_enabled", .boolean),
                .init("operator_chat_enabled", .boolean), .init("operator_chats_available", .boolean),
                .init("operator_sites", .arrayOfObjects([.init("site_id", .number), .init("site_domain_name", .string)])),
            ]), filterable: false, sortable: false),
    ]
}

extension EmployeeField {
    /// The field's rule in `MethodDescription.employees`, found once per field.
    public var rule: FieldRule { Self.rules[self]! }

    /// Every field's rule; `MethodDescriptionTests` checks that the description names each case once, in order.
    private static let rules: [EmployeeField: FieldRule] = {
        var rules: [EmployeeField: FieldRule] = [:]
        for rule in MethodDescription.employees.fields {
            if let field = EmployeeField(rawValue: rule.name) { rules[field] = rule }
        }
        return rules
    }()
}
