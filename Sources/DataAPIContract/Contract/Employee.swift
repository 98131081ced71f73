/// One record of `get.employees`, with every field of the method's reply.
///
/// Optional scalars are `nil` where the API sends `null`; arrays are empty where it sends `[]`;
/// `coach`, `extension` and `operator` are `nil` where it sends `{}` or `null`.
public struct Employee: Sendable, Hashable {
    public var id: Int64
    public var firstName: String?
    public var lastName: String?
    public var patronymic: String?
    public var fullName: String?
    public var status: EmployeeStatus?
    public var allowedInCallTypes: [CallType]
    public var allowedOutCallTypes: [CallType]
    public var email: String?
    public var callRecording: CallRecording?
    /// Deprecated by the API in favour of `allowedInCallTypes`/`allowedOutCallTypes`, still returned.
    public var callsAvailable: Bool?
    public var scheduleID: Int64?
    public var scheduleName: String?
    public var coach: Coach?
    public var groups: [Group]
    /// At most 10, ordered by priority.
    public var phoneNumbers: [PhoneNumber]
    public var `extension`: Extension?
    public var `operator`: Operator?

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
        public var coachID: Int64?
        public var coachFullName: String?
        /// When on, every call of the employee is duplicated to the coach.
        public var coachAlwaysEnabled: Bool?
        public init(coachID: Int64? = nil, coachFullName: String? = nil, coachAlwaysEnabled: Bool? = nil) {
            self.coachID = coachID
            self.coachFullName = coachFullName
            self.coachAlwaysEnabled = coachAlwaysEnabled
        }
    }

    /// A group the employee belongs to.
    public struct Group: Sendable, Hashable {
        public var groupID: Int64?
        public var groupName: String?
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
        public var status: PhoneNumberStatus?
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
        public var extensionVoiceMailEnabled: Bool?
        public var extensionQueueEnabled: Bool?
        public init(extensionPhoneNumber: String? = nil, extensionVoiceMailEnabled: Bool? = nil, extensionQueueEnabled: Bool? = nil) {
            self.extensionPhoneNumber = extensionPhoneNumber
            self.extensionVoiceMailEnabled = extensionVoiceMailEnabled
            self.extensionQueueEnabled = extensionQueueEnabled
        }
    }

    /// The employee's seat as a chat operator.
    public struct Operator: Sendable, Hashable {
        public var operatorLogin: String?
        public var operatorDisplayName: String?
        public var operatorPositionID: Int64?
        public var operatorPositionName: String?
        public var operatorOfflineMessageEnabled: Bool?
        public var operatorInviteToChatEnabled: Bool?
        public var operatorChatEnabled: Bool?
        public var operatorChatsAvailable: Bool?
        public var operatorSites: [Site]
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
            public var siteID: Int64?
            /// Without a scheme.
            public var siteDomainName: String?
            public init(siteID: Int64? = nil, siteDomainName: String? = nil) {
                self.siteID = siteID
                self.siteDomainName = siteDomainName
            }
        }
    }
}
