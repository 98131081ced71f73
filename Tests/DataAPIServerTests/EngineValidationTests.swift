import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// Every error row of spec §2–§5 and §7 for `get.employees` params: mnemonic, code, field and value.
@Suite struct EngineValidationTests {
    let engine = makeEngine(FilterFixture.employees)

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let params: JSONObject
        let mnemonic: String
        let code: Int64
        let field: String?
        let value: JSON?
        var testDescription: String { name }
    }

    static func condition(_ field: String, _ op: String, _ value: JSON? = nil) -> JSONObject {
        var c: JSONObject = ["field": .string(field), "operator": .string(op)]
        if let value { c["value"] = value }
        return ["filter": .object(c)]
    }

    static func c(_ name: String, _ params: JSONObject, _ mnemonic: String, _ code: Int64 = -32602, field: String?, value: JSON? = nil) -> Case {
        Case(name: name, params: params, mnemonic: mnemonic, code: code, field: field, value: value)
    }

    static let cases: [Case] = [
        c("unknown param", ["colour": .string("red")], "unexpected_parameters", field: "colour"),
        c("filter on unknown field", condition("salary", "=", .int(1)), "unexpected_parameters", field: "filter.field", value: .string("salary")),
        c(
            "filter on patronymic", condition("patronymic", "=", .string("И")), "filter_prohibited", field: "filter.field",
            value: .string("patronymic")),
        c("filter on operator", condition("operator", "is_null"), "filter_prohibited", field: "filter.field", value: .string("operator")),
        c("like on a number", condition("id", "like", .string("1%")), "invalid_parameter_value", field: "filter.operator", value: .string("like")),
        c(
            "regexp on a Boolean", condition("calls_available", "regexp", .string("t")), "invalid_parameter_value", field: "filter.operator",
            value: .string("regexp")),
        c(
            "jsquery on a scalar", condition("first_name", "jsquery", .string("$ = 1")), "invalid_parameter_value", field: "filter.operator",
            value: .string("jsquery")),
        c(
            "overlap on a string", condition("email", "overlap", .array([.string("a")])), "invalid_parameter_value", field: "filter.operator",
            value: .string("overlap")),
        c("< on an object", condition("coach", "<", .int(1)), "invalid_parameter_value", field: "filter.operator", value: .string("<")),
        c("like on an array", condition("groups", "like", .string("%")), "invalid_parameter_value", field: "filter.operator", value: .string("like")),
        c("unknown operator", condition("id", "~~", .int(1)), "invalid_parameter_value", field: "filter.operator", value: .string("~~")),
        c("string for a number", condition("id", "=", .string("1")), "data_type_error", field: "filter.value", value: .string("1")),
        c("number for a string", condition("first_name", "=", .int(1)), "data_type_error", field: "filter.value", value: .int(1)),
        c("number for a Boolean", condition("calls_available", "=", .int(1)), "data_type_error", field: "filter.value", value: .int(1)),
        c(
            "object compared to a value", condition("coach", "=", .object(["coach_id": .int(1)])), "data_type_error", field: "filter.value",
            value: .object(["coach_id": .int(1)])),
        c("null with <", condition("id", "<", .null), "data_type_error", field: "filter.value", value: .null),
        c(
            "in element of the wrong type", condition("id", "in", .array([.int(1), .string("2")])), "data_type_error", field: "filter.value[1]",
            value: .string("2")),
        c("in with a scalar", condition("id", "in", .int(1)), "data_type_error", field: "filter.value", value: .int(1)),
        c("like with a number", condition("first_name", "like", .int(1)), "data_type_error", field: "filter.value", value: .int(1)),
        c("is_null with a value", condition("email", "is_null", .bool(true)), "data_type_error", field: "filter.value", value: .bool(true)),
        c(
            "overlap element not a string", condition("allowed_in_call_types", "overlap", .array([.int(1)])), "data_type_error",
            field: "filter.value[0]", value: .int(1)),
        c(
            "enum value outside the set", condition("status", "=", .string("asleep")), "invalid_parameter_value", field: "filter.value",
            value: .string("asleep")),
        c(
            "enum in-list outside the set", condition("call_recording", "in", .array([.string("all"), .string("both")])),
            "invalid_parameter_value", field: "filter.value[1]", value: .string("both")),
        c(
            "overlap outside the set", condition("allowed_out_call_types", "overlap", .array([.string("mobile")])), "invalid_parameter_value",
            field: "filter.value[0]", value: .string("mobile")),
        c("bad regexp", condition("email", "regexp", .string("[a-")), "invalid_parameter_value", field: "filter.value", value: .string("[a-")),
        c(
            "bad like pattern", condition("email", "like", .string("abc\\")), "invalid_parameter_value", field: "filter.value",
            value: .string("abc\\")),
        c(
            "bad jsquery", condition("groups", "jsquery", .string("#.group_id = ")), "invalid_parameter_value", field: "filter.value",
            value: .string("#.group_id = ")),
        c(
            "nested error path",
            [
                "filter": json(
                    [
                        "filters": [
                            ["field": "id", "operator": "=", "value": 1] as KeyValuePairs<String, Any>,
                            ["field": "status", "operator": "=", "value": 5] as KeyValuePairs<String, Any>,
                        ], "condition": "or",
                    ] as KeyValuePairs<String, Any>)
            ], "data_type_error", field: "filter.filters[1].value", value: .int(5)),
        c(
            "sort by id", ["sort": json([["field": "id"] as KeyValuePairs<String, Any>])], "sort_prohibited", field: "sort[0].field",
            value: .string("id")),
        c(
            "sort by email",
            ["sort": json([["field": "last_name"] as KeyValuePairs<String, Any>, ["field": "email"] as KeyValuePairs<String, Any>])],
            "sort_prohibited", field: "sort[1].field", value: .string("email")),
        c(
            "sort by unknown", ["sort": json([["field": "age"] as KeyValuePairs<String, Any>])], "unexpected_parameters", field: "sort[0].field",
            value: .string("age")),
        c(
            "bad order", ["sort": json([["field": "last_name", "order": "up"] as KeyValuePairs<String, Any>])], "invalid_parameter_value",
            field: "sort[0].order", value: .string("up")),
        c("unknown field in fields", ["fields": json(["id", "salary"])], "unexpected_parameters", field: "fields[1]", value: .string("salary")),
        c("limit too large", ["limit": .int(10_001)], "invalid_parameter_value", field: "limit", value: .int(10_001)),
        c("limit negative", ["limit": .int(-1)], "invalid_parameter_value", field: "limit", value: .int(-1)),
        c("limit fractional", ["limit": .double(1.5)], "invalid_parameter_value", field: "limit", value: .double(1.5)),
        c("limit a string", ["limit": .string("10")], "data_type_error", field: "limit", value: .string("10")),
        c("offset too large", ["offset": .int(100_001)], "invalid_parameter_value", field: "offset", value: .int(100_001)),
        c("offset negative", ["offset": .int(-5)], "invalid_parameter_value", field: "offset", value: .int(-5)),
        c("offset fractional", ["offset": .double(0.5)], "invalid_parameter_value", field: "offset", value: .double(0.5)),
    ]

    @Test(arguments: cases)
    func errorRow(_ c: Case) throws {
        let reply = engine.employees(c.params)
        #expect(reply.result == nil)
        #expect(reply.mnemonic == c.mnemonic, "\(reply.json.encodedString())")
        #expect(reply.code == c.code)
        #expect(reply.field == c.field)
        #expect(reply.error?["data"]?["value"] == c.value)
        #expect(reply.id == .int(1))
    }

    @Test(
        "A combination the documentation does not list is -32602 naming the operator",
        arguments: [
            ("calls_available", "<", JSON.bool(true)), ("calls_available", ">=", .bool(false)), ("calls_available", "like", .string("t%")),
            ("id", "like", .string("1%")), ("groups", "<", .int(1)), ("allowed_in_call_types", "regexp", .string("x")),
            ("coach", "overlap", .array([.string("x")])), ("full_name", "overlap", .array([.string("x")])), ("status", "jsquery", .string("$ = 1")),
        ])
    func undocumentedCombinations(field: String, op: String, value: JSON) {
        let reply = engine.employees(Self.condition(field, op, value))
        #expect(reply.code == -32602 && reply.mnemonic == "invalid_parameter_value", "\(field) \(op)")
        #expect(reply.field == "filter.operator", "\(field) \(op)")
        #expect(reply.message?.contains("not applicable to field \(field)") == true, "\(reply.message ?? "")")
    }

    @Test func missingAccessToken() {
        let reply = engine.call("get.employees", ["limit": .int(1)])
        #expect(reply.mnemonic == "required_parameter_missed")
        #expect(reply.code == -32602)
        #expect(reply.field == "access_token")
    }

    @Test func errorsAfterAuthCarryLimitsMetadata() throws {
        let reply = engine.employees(["limit": .int(-1)])
        let limits = try #require(reply.error?["data"]?["metadata"]?["limits"])
        #expect(limits["day_remaining"] == limits["day_limit"])  // validation failures are not charged
    }

    @Test func errorMessagesSayWhereItBroke() {
        #expect(engine.employees(Self.condition("groups", "jsquery", .string("#.group_id = "))).message?.contains("at 13") == true)
        #expect(engine.employees(Self.condition("email", "regexp", .string("(a"))).message?.hasPrefix("invalid regular expression: ") == true)
    }

    @Test func nullDefaultsAndLimitZero() {
        let reply = engine.employees(["limit": .int(0)])
        #expect(reply.rows.isEmpty)
        #expect(reply.totalItems == 4)
        let nulls = engine.employees(["limit": .null, "offset": .null, "filter": .null, "sort": .null, "fields": .null])
        #expect(nulls.ids == [1, 2, 3, 4])
    }
}
