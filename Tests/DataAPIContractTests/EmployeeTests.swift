import DataAPIContract
import TestSupport
import Testing

@Suite struct EmployeeTests {
    @Test func emptyRecordEncodesNullsEmptyArraysAndEmptyObjectsInSeedOrder() {
        let text = String(decoding: Employee(id: 1).encoded(), as: UTF8.self)
        #expect(
            text == #"{"id":1,"first_name":null,"last_name":null,"patronymic":null,"full_name":null,"email":null,"#
                + #""status":null,"allowed_in_call_types":[],"allowed_out_call_types":[],"groups":[],"call_recording":null,"#
                + #""calls_available":null,"schedule_id":null,"schedule_name":null,"coach":{},"phone_numbers":[],"extension":{},"#
                + #""operator":{}}"#)
    }

    @Test func fullRecordEncodesNestedObjectsInSeedOrder() {
        let text = String(decoding: Employee.full.encoded(fields: [.operator, .phoneNumbers, .coach]), as: UTF8.self)
        #expect(
            text == #"{"coach":{"coach_id":2,"coach_full_name":"Coach","coach_always_enabled":false},"#
                + #""phone_numbers":[{"phone_number":"74955140578...2345","channels_count":1,"dial_time":60,"status":"active"}],"#
                + #""operator":{"operator_login":"op","operator_display_name":"Op","operator_position_id":5,"#
                + #""operator_position_name":"Senior","operator_offline_message_enabled":true,"operator_invite_to_chat_enabled":false,"#
                + #""operator_chat_enabled":true,"operator_chats_available":null,"#
                + #""operator_sites":[{"site_id":1,"site_domain_name":"example.com"}]}}"#)
    }

    @Test func projectionWritesInCanonicalOrder() {
        let text = String(decoding: Employee.full.encoded(fields: [.email, .fullName, .id]), as: UTF8.self)
        #expect(text == "{\"id\":9007199254740993,\"full_name\":\"Петров Иван\\u0000\",\"email\":\"ivan@example.com\"}")
    }

    @Test func roundTripsThroughJSON() throws {
        let decoded = try Employee(json: try JSON(parsing: Employee.full.encoded()))
        #expect(decoded == Employee.full)
        #expect(try Employee(json: try JSON(parsing: Employee(id: -1).encoded())) == Employee(id: -1))
    }

    @Test func decodingToleratesMissingNullsEmptyObjectsAndUnknowns() throws {
        let json = try JSON(
            parsing: #"{"id":5,"status":"on_vacation","coach":{},"extension":null,"groups":null,"#
                + #""allowed_in_call_types":["internal","video"],"new_field":{"x":1},"operator":{}}"#)
        let employee = try Employee(json: json)
        #expect(
            employee
                == Employee(
                    id: 5, status: EmployeeStatus(rawValue: "on_vacation"),
                    allowedInCallTypes: [.internal, CallType(rawValue: "video")]))
        #expect(employee.status?.isKnown == false)
        #expect(employee.field(.status) == .string("on_vacation"))
    }

    @Test(arguments: [
        (#"{"id":"1"}"#, "id"),
        (#"{"id":1,"first_name":5}"#, "first_name"),
        (#"{"id":1,"groups":{}}"#, "groups"),
        (#"{"id":1,"allowed_in_call_types":[1]}"#, "allowed_in_call_types[0]"),
        (#"{"id":1,"phone_numbers":[{},{"dial_time":"60"}]}"#, "phone_numbers[1].dial_time"),
        (#"{"id":1,"operator":{"operator_sites":[{"site_id":true}]}}"#, "operator.operator_sites[0].site_id"),
        (#"{"id":1,"coach":[]}"#, "coach"),
        (#"[1]"#, ""),
    ])
    func wrongTypesNameThePath(text: String, field: String) throws {
        let json = try JSON(parsing: text)
        let error = #expect(throws: DataAPIError.self) { try Employee(json: json) }
        #expect(error?.mnemonic == .dataTypeError)
        #expect(error?.code == -32602)
        #expect(error?.field == field)
    }

    @Test func fieldReturnsTopLevelJSON() {
        let employee = Employee.full
        #expect(employee.field(.id) == .int(9_007_199_254_740_993))
        #expect(employee.field(.allowedInCallTypes) == .array([.string("internal"), .string("external")]))
        #expect(employee.field(.groups) == .array([.object(["group_id": .int(3), "group_name": .string("Sales")])]))
        #expect(employee.field(.extension)["extension_phone_number"] == .string("101"))
        #expect(Employee(id: 1).field(.coach) == .object([:]))
        #expect(Employee(id: 1).field(.patronymic) == .null)
        #expect(employee.field(named: "calls_available") == .bool(true))
        #expect(employee.field(named: "nope") == nil)
    }
}
