/// One record of `get.employees`, with every field of the method's reply.
///
/// Optional scalars are `nil` where the API sends `null`; arrays are empty where it sends `[]`;
/// `coach`, `extension` and `operator` are `nil` where it sends `{}` or `null`.
public struct Employee: Sendable, Hashable {
    /// `id`: the employee's unique id; rows come in ascending `id` when no `sort` is given. Filterable, not sortable.
    public var id: Int64
    /// `first_name`: the employee's first name. Filterable and sortable.
    public var firstName: String?
    /// `last_name`: the employee's last name. Filterable and sortable.
    public var lastName: String?
    /// `patronymic`: the employee's patronymic. Sortable, not filterable.
    public var patronymic: String?
    /// `full_name`: the name as the account shows it. Filterable and sortable.
    public var fullName: String?
    /// `status`: the employee's presence (`available`, `break`, …). Filterable.
    public var status: EmployeeStatus?
    /// `allowed_in_call_types`: the incoming calls the employee may take (`internal`, `external`); filtered with `jsquery`.
    public var allowedInCallTypes: [CallType]
    /// `allowed_out_call_types`: the outgoing calls the employee may make; filtered with `jsquery`.
    public var allowedOutCallTypes: [CallType]
    /// `email`: the employee's e-mail address. Filterable, not sortable.
    public var email: String?
    /// `call_recording`: which of the employee's calls are recorded (`all`, `in`, `out`, `off`). Filterable.
    public var callRecording: CallRecording?
    /// Deprecated by the API in favour of `allowedInCallTypes`/`allowedOutCallTypes`, still returned.
    public var callsAvailable: Bool?
    /// `schedule_id`: the id of the work schedule the employee follows. Filterable.
    public var scheduleID: Int64?
    /// `schedule_name`: that schedule's name. Filterable.
    public var scheduleName: String?
    /// `coach`: who hears the employee's calls; `nil` for `{}` or `null`. Filtered with `jsquery`.
    public var coach: Coach?
    /// `groups`: the groups the employee belongs to, possibly none. Filtered with `jsquery`.
    public var groups: [Group]
    /// At most 10, ordered by priority.
    public var phoneNumbers: [PhoneNumber]
    /// `extension`: the employee's extension number and its settings; `nil` for `{}` or `null`. Filtered with `jsquery`.
    public var `extension`: Extension?
    /// `operator`: the employee's chat-operator seat; `nil` for a non-operator's `{}` or `null`. Neither filterable nor sortable; `fields` returns it whole.
    public var `operator`: Operator?

    /// Creates a record; every field but `id` is empty (`null`, `[]`) unless given.
    public init(
        id: Int64, firstName: String? = nil, lastName: String? = nil, patronymic: String? = nil, fullName: String? = nil,
        status: EmployeeStatus? = nil, allowedInCallTypes: [CallType] = [], allowedOutCallTypes: [CallType] = [],
        email: String? = nil, callRecording: CallRecording? = nil, callsAvailable: Bool? = nil,
        scheduleID: Int64? = nil, scheduleName: String? = nil, coach: Coach? = nil, groups: [Group] = [],
        phoneNumbers: [PhoneNumber] = [], extension: Extension? = nil, operator: Operator? = nil
    ) {
        self.id = id
        self.firstName = firstName
        self.lastName = lastName
        self.patronymic = patronymic
        self.fullName = fullName
        self.status = status
        self.allowedInCallTypes = allowedInCallTypes
        self.allowedOutCallTypes = allowedOutCallTypes
        self.email = email
        self.callRecording = callRecording
        self.callsAvailable = callsAvailable
        self.scheduleID = scheduleID
        self.scheduleName = scheduleName
        self.coach = coach
        self.groups = groups
        self.phoneNumbers = phoneNumbers
        self.extension = `extension`
        self.operator = `operator`
    }

    /// The coach who hears the employee's calls.
    public struct Coach: Sendable, Hashable {
        /// `coach_id`: the coach's employee id.
        public var coachID: Int64?
        /// `coach_full_name`: the coach's full name.
        public var coachFullName: String?
        /// When on, every call of the employee is duplicated to the coach.
        public var coachAlwaysEnabled: Bool?
        /// Creates a coach; members the API leaves out stay `nil`.
        public init(coachID: Int64? = nil, coachFullName: String? = nil, coachAlwaysEnabled: Bool? = nil) {
            self.coachID = coachID
            self.coachFullName = coachFullName
            self.coachAlwaysEnabled = coachAlwaysEnabled
        }
    }

    /// A group the employee belongs to.
    public struct Group: Sendable, Hashable {
        /// `group_id`: the group's id (what `jsquery` `#.group_id = 5` tests).
        public var groupID: Int64?
        /// `group_name`: the group's name.
        public var groupName: String?
        /// Creates a group membership; members the API leaves out stay `nil`.
        public init(groupID: Int64? = nil, groupName: String? = nil) {
            self.groupID = groupID
            self.groupName = groupName
        }
    }

    /// One of the employee's numbers, in priority order.
    public struct PhoneNumber: Sendable, Hashable {
        /// May carry dial-through digits (`"74955140578...2345"`), so it is not always E.164.
        public var phoneNumber: String?
        /// 1 to 150; the API's default is 1.
        public var channelsCount: Int64?
        /// Seconds, 1 to 100; the API's default is 60.
        public var dialTime: Int64?
        /// `status`: whether the number takes calls (`active` by the API's default, or `inactive`).
        public var status: PhoneNumberStatus?
        /// Creates a phone number; members the API leaves out stay `nil` (not the API's defaults).
        public init(phoneNumber: String? = nil, channelsCount: Int64? = nil, dialTime: Int64? = nil, status: PhoneNumberStatus? = nil) {
            self.phoneNumber = phoneNumber
            self.channelsCount = channelsCount
            self.dialTime = dialTime
            self.status = status
        }
    }

    /// The employee's extension number and its settings.
    public struct Extension: Sendable, Hashable {
        /// At most 5 characters.
        public var extensionPhoneNumber: String?
        /// `extension_voice_mail_enabled`: a caller who finds every number busy may leave a voice message.
        public var extensionVoiceMailEnabled: Bool?
        /// `extension_queue_enabled`: a caller who finds every number busy may wait in line for the first free one.
        public var extensionQueueEnabled: Bool?
        /// Creates extension settings; members the API leaves out stay `nil`.
        public init(extensionPhoneNumber: String? = nil, extensionVoiceMailEnabled: Bool? = nil, extensionQueueEnabled: Bool? = nil) {
            self.extensionPhoneNumber = extensionPhoneNumber
            self.extensionVoiceMailEnabled = extensionVoiceMailEnabled
            self.extensionQueueEnabled = extensionQueueEnabled
        }
    }

    /// The employee's seat as a chat operator.
    public struct Operator: Sendable, Hashable {
        /// `operator_login`: the login for the "Operator's workplace" app.
        public var operatorLogin: String?
        /// `operator_display_name`: the name visitors see in chat.
        public var operatorDisplayName: String?
        /// `operator_position_id`: the id of the operator's job position.
        public var operatorPositionID: Int64?
        /// `operator_position_name`: the job position's name.
        public var operatorPositionName: String?
        /// `operator_offline_message_enabled`: may process offline messages.
        public var operatorOfflineMessageEnabled: Bool?
        /// `operator_invite_to_chat_enabled`: may invite visitors to chats.
        public var operatorInviteToChatEnabled: Bool?
        /// `operator_chat_enabled`: may chat with visitors.
        public var operatorChatEnabled: Bool?
        /// `operator_chats_available`: available for chats now.
        public var operatorChatsAvailable: Bool?
        /// `operator_sites`: the websites whose chats the operator serves, possibly none.
        public var operatorSites: [Site]
        /// Creates an operator seat; members the API leaves out stay `nil`, sites empty.
        public init(
            operatorLogin: String? = nil, operatorDisplayName: String? = nil, operatorPositionID: Int64? = nil,
            operatorPositionName: String? = nil, operatorOfflineMessageEnabled: Bool? = nil, operatorInviteToChatEnabled: Bool? = nil,
            operatorChatEnabled: Bool? = nil, operatorChatsAvailable: Bool? = nil, operatorSites: [Site] = []
        ) {
            self.operatorLogin = operatorLogin
            self.operatorDisplayName = operatorDisplayName
            self.operatorPositionID = operatorPositionID
            self.operatorPositionName = operatorPositionName
            self.operatorOfflineMessageEnabled = operatorOfflineMessageEnabled
            self.operatorInviteToChatEnabled = operatorInviteToChatEnabled
            self.operatorChatEnabled = operatorChatEnabled
            self.operatorChatsAvailable = operatorChatsAvailable
            self.operatorSites = operatorSites
        }

        /// A website whose chats the operator serves.
        public struct Site: Sendable, Hashable {
            /// `site_id`: the website's id.
            public var siteID: Int64?
            /// Without a scheme.
            public var siteDomainName: String?
            /// Creates a site; members the API leaves out stay `nil`.
            public init(siteID: Int64? = nil, siteDomainName: String? = nil) {
                self.siteID = siteID
                self.siteDomainName = siteDomainName
            }
        }
    }
}
