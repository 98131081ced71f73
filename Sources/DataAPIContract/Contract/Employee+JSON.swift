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
            writer.objects(groups) { writer, group in
                writer.member("group_id", group.groupID)
                writer.member("group_name", group.groupName)
            }
        case .callRecording: writer.string(callRecording?.rawValue)
        case .callsAvailable: writer.bool(callsAvailable)
        case .scheduleID: writer.int(scheduleID)
        case .scheduleName: writer.string(scheduleName)
        case .coach:
            writer.object(coach) { writer, coach in
                writer.member("coach_id", coach.coachID)
                writer.member("coach_full_name", coach.coachFullName)
                writer.member("coach_always_enabled", coach.coachAlwaysEnabled)
            }
        case .phoneNumbers:
            writer.objects(phoneNumbers) { writer, number in
                writer.member("phone_number", number.phoneNumber)
                writer.member("channels_count", number.channelsCount)
                writer.member("dial_time", number.dialTime)
                writer.member("status", number.status?.rawValue)
            }
        case .extension:
            writer.object(`extension`) { writer, settings in
                writer.member("extension_phone_number", settings.extensionPhoneNumber)
                writer.member("extension_voice_mail_enabled", settings.extensionVoiceMailEnabled)
                writer.member("extension_queue_enabled", settings.extensionQueueEnabled)
            }
        case .operator:
            writer.object(`operator`) { writer, seat in seat.writeMembers(to: &writer) }
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
        writer.member("operator_login", operatorLogin)
        writer.member("operator_display_name", operatorDisplayName)
        writer.member("operator_position_id", operatorPositionID)
        writer.member("operator_position_name", operatorPositionName)
        writer.member("operator_offline_message_enabled", operatorOfflineMessageEnabled)
        writer.member("operator_invite_to_chat_enabled", operatorInviteToChatEnabled)
        writer.member("operator_chat_enabled", operatorChatEnabled)
        writer.member("operator_chats_available", operatorChatsAvailable)
        writer.key(plain: "operator_sites")
        writer.objects(operatorSites) { writer, site in
            writer.member("site_id", site.siteID)
            writer.member("site_domain_name", site.siteDomainName)
        }
    }
}

extension JSONWriter {
    /// Writes an object whose members `members` writes; `{}` for `nil` (how the API sends an empty
    /// `coach`, `extension` or `operator`).
    fileprivate mutating func object<Value>(_ value: Value?, _ members: (inout JSONWriter, Value) -> Void) {
        beginObject()
        if let value { members(&self, value) }
        endObject()
    }

    /// Writes an array of objects, one an element, whose members `members` writes; `[]` for none.
    fileprivate mutating func objects<Element>(_ elements: [Element], _ members: (inout JSONWriter, Element) -> Void) {
        beginArray()
        for element in elements {
            beginObject()
            members(&self, element)
            endObject()
        }
        endArray()
    }
}
