/// The 18 top-level fields of a `get.employees` record, in the reply's canonical order.
///
/// `allCases` is the order in which records are encoded. What the method allows for each field
/// (its kind, whether it is filterable or sortable, the operators it takes) is the rules' business:
/// see `EmployeeQuery`'s `FieldCatalog`.
public enum EmployeeField: String, CaseIterable, Sendable, Hashable {
    case id
    case firstName = "first_name"
    case lastName = "last_name"
    case patronymic
    case fullName = "full_name"
    case email
    case status
    case allowedInCallTypes = "allowed_in_call_types"
    case allowedOutCallTypes = "allowed_out_call_types"
    case groups
    case callRecording = "call_recording"
    case callsAvailable = "calls_available"
    case scheduleID = "schedule_id"
    case scheduleName = "schedule_name"
    case coach
    case phoneNumbers = "phone_numbers"
    case `extension`
    case `operator`
}
