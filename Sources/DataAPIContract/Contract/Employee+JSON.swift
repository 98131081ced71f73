/// Encoding a record in the reply's canonical key order, projecting fields, and reading one field as JSON.
extension Employee {
    /// Writes the record as a JSON object, keys in `EmployeeField.allCases` order.
    ///
    /// `nil` scalars are written as `null`, empty arrays as `[]`, and a `nil` coach, extension or
    /// operator as `{}`.
    /// - Parameters:
    ///   - writer: The output.
    ///   - fields: The fields to write (in canonical order whatever the set's order); all when `nil`, the default.
    public func write(to writer: inout JSONWriter, fields: Set<EmployeeField>? = nil) {
        writer.beginObject()
        for field in EmployeeField.allCases where fields?.contains(field) ?? true {
            writer.key(field.rawValue)
            write(field, to: &writer)
        }
        writer.endObject()
    }

    /// The record as compact JSON bytes.
    /// - Parameter fields: The fields to include; all when `nil`, the default.
    /// - Returns: The UTF-8 text.
    public func encoded(fields: Set<EmployeeField>? = nil) -> [UInt8] {
        var writer = JSONWriter(capacity: 1024)
        write(to: &writer, fields: fields)
        return writer.bytes
    }

    /// One top-level field as the reply carries it (the server filters on this).
    /// - Parameter field: The field.
    /// - Returns: Its JSON value: `null`, `[]` and `{}` for empty values, as encoded.
    public func field(_ field: EmployeeField) -> JSON {
        var writer = JSONWriter(capacity: 128)
        write(field, to: &writer)
        // The writer's output is always valid JSON of shallow depth.
        return try! JSON(parsing: writer.bytes)
    }

    /// One top-level field by its API name.
    /// - Parameter name: e.g. `"full_name"`.
    /// - Returns: Its JSON value, or `nil` when no field has that name.
    public func field(named name: String) -> JSON? { EmployeeField(rawValue: name).map { field($0) } }

    /// Writes the value of one field.
    /// - Parameters:
    ///   - field: The field.
    ///   - writer: The output, positioned after the key.
    public func write(_ field: EmployeeField, to writer: inout JSONWriter) {
        switch field {
        case .id: writer.int(id)
        case .firstName: writer.string(firstName)
        case .lastName: writer.string(lastName)
        case .patronymic: writer.string(patronymic)
        case .fullName: writer.string(fullName)
        case .email: writer.string(email)
        case .status: writer.string(status?.rawValue)
        case .allowedInCallTypes: Self.writeStrings(allowedInCallTypes.map(\.rawValue), to: &writer)
        case .allowedOutCallTypes: Self.writeStrings(allowedOutCallTypes.map(\.rawValue), to: &writer)
        case .groups:
            writer.beginArray()
            for group in groups {
                writer.beginObject()
                writer.key(plain: "group_id")
                writer.int(group.groupID)
                writer.key(plain: "group_name")
                writer.string(group.groupName)
                writer.endObject()
            }
            writer.endArray()
        case .callRecording: writer.string(callRecording?.rawValue)
        case .callsAvailable: writer.bool(callsAvailable)
        case .scheduleID: writer.int(scheduleID)
        case .scheduleName: writer.string(scheduleName)
        case .coach:
            writer.beginObject()
            if let coach {
                writer.key(plain: "coach_id")
                writer.int(coach.coachID)
                writer.key(plain: "coach_full_name")
                writer.string(coach.coachFullName)
                writer.key(plain: "coach_always_enabled")
                writer.bool(coach.coachAlwaysEnabled)
            }
            writer.endObject()
        case .phoneNumbers:
            writer.beginArray()
            for number in phoneNumbers {
                writer.beginObject()
                writer.key(plain: "phone_number")
                writer.string(number.phoneNumber)
                writer.key(plain: "channels_count")
                writer.int(number.channelsCount)
                writer.key(plain: "dial_time")
                writer.int(number.dialTime)
                writer.key(plain: "status")
                writer.string(number.status?.rawValue)
                writer.endObject()
            }
            writer.endArray()
        case .extension:
            writer.beginObject()
            if let `extension` {
                writer.key(plain: "extension_phone_number")
                writer.string(`extension`.extensionPhoneNumber)
                writer.key(plain: "extension_voice_mail_enabled")
                writer.bool(`extension`.extensionVoiceMailEnabled)
                writer.key(plain: "extension_queue_enabled")
                writer.bool(`extension`.extensionQueueEnabled)
            }
            writer.endObject()
        case .operator:
            writer.beginObject()
            if let `operator` { `operator`.writeMembers(to: &writer) }
            writer.endObject()
        }
    }

    private static func writeStrings(_ values: [String], to writer: inout JSONWriter) {
        writer.beginArray()
        for value in values { writer.string(value) }
        writer.endArray()
    }
}

extension Employee.Operator {
    /// Writes the operator's members, in the seed's order, into an open object.
    fileprivate func writeMembers(to writer: inout JSONWriter) {
        writer.key(plain: "operator_login")
        writer.string(operatorLogin)
        writer.key(plain: "operator_display_name")
        writer.string(operatorDisplayName)
        writer.key(plain: "operator_position_id")
        writer.int(operatorPositionID)
        writer.key(plain: "operator_position_name")
        writer.string(operatorPositionName)
        writer.key(plain: "operator_offline_message_enabled")
        writer.bool(operatorOfflineMessageEnabled)
        writer.key(plain: "operator_invite_to_chat_enabled")
        writer.bool(operatorInviteToChatEnabled)
        writer.key(plain: "operator_chat_enabled")
        writer.bool(operatorChatEnabled)
        writer.key(plain: "operator_chats_available")
        writer.bool(operatorChatsAvailable)
        writer.key(plain: "operator_sites")
        writer.beginArray()
        for site in operatorSites {
            writer.beginObject()
            writer.key(plain: "site_id")
            writer.int(site.siteID)
            writer.key(plain: "site_domain_name")
            writer.string(site.siteDomainName)
            writer.endObject()
        }
        writer.endArray()
    }
}
