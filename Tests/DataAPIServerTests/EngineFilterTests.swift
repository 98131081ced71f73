import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// Four hand-made records: 1 and 2 complete, 3 mostly null/empty, 4 with Latin names.
enum FilterFixture {
    static let employees: [Employee] = [
        Employee(
            id: 1, firstName: "Анна", lastName: "Иванова", patronymic: "Петровна", fullName: "Иванова Анна Петровна",
            status: .available, allowedInCallTypes: [.internal, .external], allowedOutCallTypes: [.internal],
            email: "anna@example.ru", callRecording: .all, callsAvailable: true, scheduleID: 10, scheduleName: "Дневной",
            coach: .init(coachID: 2, coachFullName: "Петров Борис", coachAlwaysEnabled: true),
            groups: [.init(groupID: 5, groupName: "Продажи")],
            phoneNumbers: [.init(phoneNumber: "79161234567", channelsCount: 1, dialTime: 60, status: .active)],
            extension: .init(extensionPhoneNumber: "101", extensionVoiceMailEnabled: true, extensionQueueEnabled: false)
        ),
        Employee(
            id: 2, firstName: "Борис", lastName: "Петров", fullName: "Петров Борис", status: .onBreak,
            allowedInCallTypes: [.external], email: "boris@example.ru", callRecording: .off, callsAvailable: false,
            scheduleID: 20, scheduleName: "Ночной",
            groups: [.init(groupID: 5, groupName: "Продажи"), .init(groupID: 7, groupName: "Поддержка")],
            phoneNumbers: [.init(phoneNumber: "74955140578...2345", channelsCount: 3, dialTime: 30, status: .inactive)]
        ),
        Employee(id: 3, lastName: "Сидоров"),
        Employee(
            id: 4, firstName: "anna", lastName: "Zed", fullName: "Zed anna", status: .doNotDisturb, allowedInCallTypes: [.internal],
            allowedOutCallTypes: [.external, .internal], email: "zed@example.com", callRecording: .incoming, callsAvailable: true,
            scheduleID: 10, scheduleName: "Дневной"
        ),
    ]
}

@Suite struct EngineFilterTests {
    let engine = makeEngine(FilterFixture.employees)

    struct Case: CustomTestStringConvertible, Sendable {
        let field: String
        let op: String
        let value: JSON?
        let ids: [Int64]
        init(_ field: String, _ op: String, _ value: JSON?, _ ids: [Int64]) {
            (self.field, self.op, self.value, self.ids) = (field, op, value, ids)
        }
        var testDescription: String { "\(field) \(op) \(value?.encodedString() ?? "-")" }
    }

    static let cases: [Case] = [
        // comparisons on numbers, strings, enums, Booleans; null fields never compare
        Case("id", "=", .int(2), [2]),
        Case("id", "!=", .int(2), [1, 3, 4]),
        Case("id", "<", .int(3), [1, 2]),
        Case("id", ">", .double(2.5), [3, 4]),
        Case("id", "<=", .int(2), [1, 2]),
        Case("id", ">=", .int(4), [4]),
        Case("schedule_id", "=", .int(10), [1, 4]),
        Case("schedule_id", "!=", .int(10), [2]),
        Case("schedule_id", "<", .int(100), [1, 2, 4]),
        Case("first_name", "=", .string("Анна"), [1]),
        Case("first_name", "!=", .string("Анна"), [2, 4]),
        Case("status", "=", .string("break"), [2]),
        Case("status", "!=", .string("break"), [1, 4]),
        Case("call_recording", "=", .string("in"), [4]),
        Case("calls_available", "=", .bool(true), [1, 4]),
        Case("calls_available", "!=", .bool(true), [2]),
        // null tests with = / != null and is_null / is_not_null: only scalars are ever null; empty objects
        // and arrays are {} and [] (issue 18: what is_null matches is where a script sees json.null)
        Case("first_name", "=", .null, [3]),
        Case("first_name", "!=", .null, [1, 2, 4]),
        Case("email", "is_null", nil, [3]),
        Case("email", "is_not_null", nil, [1, 2, 4]),
        Case("status", "is_null", nil, [3]),
        Case("calls_available", "is_null", nil, [3]),
        Case("coach", "is_null", nil, []),  // {} is not null (spec §1); `NOT coach_id = *` finds them
        Case("coach", "!=", .null, [1, 2, 3, 4]),
        Case("groups", "=", .null, []),
        Case("extension", "is_not_null", nil, [1, 2, 3, 4]),
        Case("allowed_out_call_types", "is_null", nil, []),
        // the like family: case, wildcards; null never matches, negated or not
        Case("first_name", "like", .string("Анн_"), [1]),
        Case("first_name", "like", .string("анн%"), []),
        Case("first_name", "ilike", .string("анн%"), [1]),
        Case("first_name", "ilike", .string("ANNA"), [4]),
        Case("full_name", "like", .string("%Анна%"), [1]),
        Case("first_name", "not_like", .string("Анн%"), [2, 4]),
        Case("first_name", "not_ilike", .string("анн%"), [2, 4]),
        Case("email", "like", .string("%.ru"), [1, 2]),
        // regexp (POSIX ERE, anywhere in the value)
        Case("email", "regexp", .string("^[a-b]"), [1, 2]),
        Case("email", "regexp", .string("\\.com$"), [4]),
        Case("last_name", "regexp", .string("^Пет"), [2]),
        // in / not_in
        Case("id", "in", .array([.int(1), .int(3), .int(99)]), [1, 3]),
        Case("id", "not_in", .array([.int(1), .int(3)]), [2, 4]),
        Case("status", "in", .array([.string("available"), .string("break")]), [1, 2]),
        Case("status", "not_in", .array([.string("available")]), [2, 4]),
        Case("schedule_id", "not_in", .array([.int(20)]), [1, 4]),
        Case("first_name", "in", .array([]), []),
        // overlap on arrays of enums
        Case("allowed_in_call_types", "overlap", .array([.string("internal")]), [1, 4]),
        Case("allowed_in_call_types", "not_overlap", .array([.string("internal")]), [2, 3]),
        Case("allowed_out_call_types", "overlap", .array([.string("external"), .string("internal")]), [1, 4]),
        // jsquery on object and array fields (an empty object is {})
        Case("groups", "jsquery", .string("#.group_id = 7"), [2]),
        Case("groups", "jsquery", .string("#(group_id = 5 AND group_name = \"Продажи\")"), [1, 2]),
        Case("coach", "jsquery", .string("coach_id = 2"), [1]),
        Case("coach", "jsquery", .string("NOT coach_id = *"), [2, 3, 4]),
        Case("extension", "jsquery", .string("extension_phone_number = \"101\""), [1]),
        Case("phone_numbers", "jsquery", .string("#.channels_count > 1"), [2]),
        Case("allowed_in_call_types", "jsquery", .string("# = \"external\""), [1, 2]),
        Case("allowed_out_call_types", "jsquery", .string("$ @> [\"internal\", \"external\"]"), [4]),
    ]

    @Test(arguments: cases)
    func operatorSelectsExactlyTheExpectedRecords(_ c: Case) {
        var condition: JSONObject = ["field": .string(c.field), "operator": .string(c.op)]
        if let value = c.value { condition["value"] = value }
        let reply = engine.employees(["filter": .object(condition)])
        #expect(reply.error == nil, "\(reply.json.encodedString())")
        #expect(reply.ids == c.ids)
        #expect(reply.totalItems == Int64(c.ids.count))
    }

    @Test func groupsCombineWithAndAndOrNested() {
        let filter = json(
            [
                "filters": [
                    ["field": "schedule_id", "operator": "=", "value": 10] as KeyValuePairs<String, Any>,
                    [
                        "filters": [
                            ["field": "status", "operator": "=", "value": "break"] as KeyValuePairs<String, Any>,
                            ["field": "first_name", "operator": "ilike", "value": "ANNA"] as KeyValuePairs<String, Any>,
                        ],
                        "condition": "or",
                    ] as KeyValuePairs<String, Any>,
                ],
                "condition": "and",
            ] as KeyValuePairs<String, Any>)
        #expect(engine.employees(["filter": filter]).ids == [4])
        let either = json(
            [
                "filters": [
                    ["field": "id", "operator": "=", "value": 1] as KeyValuePairs<String, Any>,
                    ["field": "id", "operator": "=", "value": 3] as KeyValuePairs<String, Any>,
                ],
                "condition": "or",
            ] as KeyValuePairs<String, Any>)
        #expect(engine.employees(["filter": either]).ids == [1, 3])
    }
}
