/// Reading a record from a decoded reply.
extension Employee {
    /// Reads a record, tolerating what the API (or a projection with `fields`) may send.
    ///
    /// Missing keys and `null` give `nil` (arrays `[]`); `{}` or `null` for coach, extension or operator
    /// gives `nil`; unknown enum values are kept as they are; unknown keys are ignored. A missing or
    /// `null` `id` reads as 0, since a projection may leave it out.
    /// - Parameters:
    ///   - json: The record object.
    ///   - path: The path to name in errors, e.g. `data[3]`; empty by default.
    /// - Throws: `DataAPIError` `data_type_error` whose `field` is the path of the member with the wrong type,
    ///   e.g. `phone_numbers[0].dial_time`.
    public init(json: JSON, path: String = "") throws {
        let f = try JSONFields(json, path: path)
        self.init(
            id: try f.int("id") ?? 0, firstName: try f.string("first_name"), lastName: try f.string("last_name"),
            patronymic: try f.string("patronymic"), fullName: try f.string("full_name"),
            status: try f.string("status").map(EmployeeStatus.init(rawValue:)),
            allowedInCallTypes: try f.strings("allowed_in_call_types").map(CallType.init(rawValue:)),
            allowedOutCallTypes: try f.strings("allowed_out_call_types").map(CallType.init(rawValue:)),
            email: try f.string("email"), callRecording: try f.string("call_recording").map(CallRecording.init(rawValue:)),
            callsAvailable: try f.bool("calls_available"), scheduleID: try f.int("schedule_id"),
            scheduleName: try f.string("schedule_name")
        )
        if let c = try f.object("coach"), !c.object.isEmpty {
            coach = Coach(
                coachID: try c.int("coach_id"), coachFullName: try c.string("coach_full_name"),
                coachAlwaysEnabled: try c.bool("coach_always_enabled"))
        }
        groups = try f.array("groups").map { element, elementPath in
            let g = try JSONFields(element, path: elementPath)
            return Group(groupID: try g.int("group_id"), groupName: try g.string("group_name"))
        }
        phoneNumbers = try f.array("phone_numbers").map { element, elementPath in
            let p = try JSONFields(element, path: elementPath)
            return PhoneNumber(
                phoneNumber: try p.string("phone_number"), channelsCount: try p.int("channels_count"),
                dialTime: try p.int("dial_time"), status: try p.string("status").map(PhoneNumberStatus.init(rawValue:)))
        }
        if let e = try f.object("extension"), !e.object.isEmpty {
            `extension` = Extension(
                extensionPhoneNumber: try e.string("extension_phone_number"),
                extensionVoiceMailEnabled: try e.bool("extension_voice_mail_enabled"),
                extensionQueueEnabled: try e.bool("extension_queue_enabled"))
        }
        if let o = try f.object("operator"), !o.object.isEmpty {
            `operator` = Operator(
                operatorLogin: try o.string("operator_login"), operatorDisplayName: try o.string("operator_display_name"),
                operatorPositionID: try o.int("operator_position_id"), operatorPositionName: try o.string("operator_position_name"),
                operatorOfflineMessageEnabled: try o.bool("operator_offline_message_enabled"),
                operatorInviteToChatEnabled: try o.bool("operator_invite_to_chat_enabled"),
                operatorChatEnabled: try o.bool("operator_chat_enabled"), operatorChatsAvailable: try o.bool("operator_chats_available"),
                operatorSites: try o.array("operator_sites").map { element, elementPath in
                    let s = try JSONFields(element, path: elementPath)
                    return Operator.Site(siteID: try s.int("site_id"), siteDomainName: try s.string("site_domain_name"))
                }
            )
        }
    }
}
