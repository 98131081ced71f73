import DataAPIContract
import EmployeeQuery
import Lua
import Testing

@testable import Shell

/// A filter written in the API's shape is checked once, in Swift (`FilterCheck`: the contract's decoder
/// and the client's `FilterCompiler`), and its errors read as `FilterErrorText` renders the `DataAPIError`.
@Suite struct FilterCheckTests {
    /// One case per error shape the checker gives (mnemonic and member), with the whole text a script sees.
    static let shapes: [(String, String)] = [
        // data_type_error
        ("42", "filter: a filter must be a table, got 42"),
        (#""статус""#, #"filter: a filter must be a table, got "статус""#),
        ("nil", "filter: a filter must be a table, got nil"),
        ("json.null", "filter: a filter must be a table, got json.null"),
        (#"{{field = "id", operator = "=", value = 1}}"#, #"filter: a list of filters needs a group: {filters = {...}, condition = "and"}"#),
        (#"{filters = 5, condition = "and"}"#, "filter.filters: expected a non-empty list of filters, got 5"),
        (#"{filters = {42}, condition = "and"}"#, "filter.filters[1]: a filter must be a table, got 42"),
        (#"{field = 5, operator = "=", value = 1}"#, "filter.field: missing field name (a string), got 5"),
        (
            #"{field = "id", operator = true, value = 1}"#,
            "filter.operator: unknown operator true; one of = != < <= > >= like ilike not_like not_ilike regexp jsquery in not_in overlap not_overlap is_null is_not_null"
        ),
        (#"{field = "id", operator = "=", value = "1"}"#, #"filter (id =) expects a number, got "1""#),
        (#"{field = "calls_available", operator = "=", value = "да"}"#, #"filter (calls_available =) expects true or false, got "да""#),
        (#"{field = "full_name", operator = "=", value = 7.5}"#, "filter (full_name =) expects a string, got 7.5"),
        (#"{field = "id", operator = "in", value = {1, "два"}}"#, #"filter (id in) (item 2) expects a number, got "два""#),
        (#"{field = "status", operator = "in", value = "break"}"#, #"filter (status in) expects a list such as {"available"}, got "break""#),
        (#"{field = "full_name", operator = "like", value = 5}"#, "filter (full_name like) expects a pattern (a string), got 5"),
        (#"{field = "groups", operator = "jsquery", value = {}}"#, "filter (groups jsquery) expects a jsquery expression (a string), got a table"),
        (#"{field = "patronymic", operator = "is_null", value = "Петрович"}"#, #"filter (patronymic is_null) takes no value, got "Петрович""#),
        (#"{field = "groups", operator = "=", value = 3}"#, "filter (groups =): operator = does not apply to groups (array of objects)"),
        (#"{field = "id", operator = "<", value = json.null}"#, "filter (id <) cannot compare with null"),
        (#"{field = "id", operator = "<"}"#, "filter (id <) needs a value (for a null test use :is_null())"),
        (
            #"{field = "allowed_in_call_types", operator = "overlap", value = {5}}"#,
            #"filter (allowed_in_call_types overlap) (item 1): 5 is not a valid allowed_in_call_types; valid values: "internal", "external""#
        ),
        // invalid_parameter_value
        (#"{filters = {}, condition = "and"}"#, "filter.filters: expected a non-empty list of filters, got a table"),
        (#"{filters = {{field = "id", operator = "=", value = 1}}}"#, #"filter.condition: expected "and" or "or", got nil"#),
        (#"{filters = {{field = "id", operator = "=", value = 1}}, condition = "и"}"#, #"filter.condition: expected "and" or "or", got "и""#),
        (#"{operator = "=", value = 1}"#, "filter.field: missing field name (a string), got nil"),
        (
            #"{field = "id", value = 1}"#,
            "filter.operator: missing operator; one of = != < <= > >= like ilike not_like not_ilike regexp jsquery in not_in overlap not_overlap is_null is_not_null"
        ),
        (#"{field = "id", operator = "≈", value = 1}"#, #"filter.operator: unknown operator "≈"; one of = != <"#),
        (#"{field = "id", operator = "like", value = "1%"}"#, "filter (id like): operator like does not apply to id (number)"),
        (
            #"{field = "status", operator = "=", value = "перерыв"}"#,
            #"filter (status =): "перерыв" is not a valid status; valid values: "available", "break", "do_not_disturb", "not_at_workplace", "not_at_work", "unknown""#
        ),
        (
            #"{field = "status", operator = "not_in", value = {"break", "availble"}}"#,
            #"filter (status not_in) (item 2): "availble" is not a valid status; did you mean "available"? valid values: "available", "break""#
        ),
        (
            #"{field = "first_name", operator = "regexp", value = "(Иван"}"#,
            "filter (first_name regexp): invalid regular expression: parentheses () not balanced"
        ),
        (#"{field = "last_name", operator = "like", value = "Иван\\"}"#, "filter (last_name like): Invalid like pattern:"),
        (#"{field = "groups", operator = "jsquery", value = "group_name = "}"#, "filter (groups jsquery): Invalid jsquery:"),
        // unexpected_parameters
        (#"{field = "id", op = "=", value = 1}"#, #"filter: unexpected key "op" (a condition has field, operator and value)"#),
        (#"{field = "id", operator = "=", value = 1, [1] = 2}"#, "filter: unexpected key 1 (a condition has field, operator and value)"),
        (
            #"{filters = {{field = "id", operator = "=", value = 1}}, condition = "or", ["поле"] = 1}"#,
            #"filter: unexpected key "поле" in a group (a group has filters and condition)"#
        ),
        (#"{field = "nosuch", operator = "=", value = 1}"#, #"filter.field: unknown field "nosuch"; fields: id, first_name, last_name, patronymic,"#),
        (
            #"{field = "frist_name", operator = "=", value = "Иван"}"#,
            #"filter.field: unknown field "frist_name"; did you mean "first_name"? fields: id,"#
        ),
        // required_parameter_missed: in Lua a missing value is nil, not null
        (#"{field = "id", operator = "="}"#, "filter (id =) needs a value (for a null test use :is_null())"),
        (#"{field = "email", operator = "!=", value = nil}"#, "filter (email !=) needs a value (for a null test use :is_null())"),
    ]

    @Test(arguments: shapes)
    func eachErrorShapeHasItsText(table: String, prefix: String) throws {
        let harness = try PreludeHarness()
        let text = try harness.text("local ok, err = F.try_normalize(\(table)) return ok == nil and err or 'accepted'")
        #expect(text.hasPrefix(prefix), "\(text)")
        // F.normalize raises the same text, naming the script's line.
        #expect(harness.error("\nlocal f = F.normalize(\(table))") == "chunk:2: " + text)
    }

    /// What JSON cannot hold is named by its Lua path: functions, userdata, NaN, infinity, cycles.
    @Test func valuesJSONCannotHoldAreNamed() throws {
        let harness = try PreludeHarness()
        let cases: [(String, String)] = [
            (#"{field = "id", operator = "=", value = print}"#, "filter.value is a function, which JSON cannot hold"),
            (
                #"{filters = {F.id:eq(1), {field = "full_name", operator = "like", value = function() return "Иван%" end}}, condition = "or"}"#,
                "filter.filters[2].value is a function, which JSON cannot hold"
            ),
            (#"{field = "id", operator = "in", value = {1, io.stdout}}"#, "filter.value[2] is a userdata, which JSON cannot hold"),
            (#"{field = "id", operator = "<", value = math.huge}"#, "filter.value is inf, which JSON cannot hold"),
        ]
        for (table, expected) in cases {
            #expect(try harness.text("return select(2, F.try_normalize(\(table)))") == expected)
        }
        let cycle = try harness.text("local t = {condition = 'and'} t.filters = {t} return select(2, F.try_normalize(t))")
        #expect(cycle.hasPrefix("filter.filters[1].filters[1]") && cycle.hasSuffix("… nests deeper than 200 levels (a cycle?)"))
        #expect(cycle.count < 120, "\(cycle)")
        // A side of & is checked as "operand".
        #expect(
            harness.error(#"local c = F.id:eq(1) & {field = "id", operator = "=", value = print}"#)
                == "chunk:1: operand.value is a function, which JSON cannot hold")
    }

    /// Groups three deep, the error in the second member of the second group: the path counts from 1.
    @Test func nestedErrorsNameTheirPathFromOne() throws {
        let harness = try PreludeHarness()
        let table = #"""
            {condition = "or", filters = {
              {field = "status", operator = "=", value = "available"},
              {condition = "and", filters = {
                {field = "id", operator = ">", value = 10},
                {condition = "or", filters = {
                  {field = "full_name", operator = "like", value = "Иван%"},
                  {field = "status", operator = "in", value = {"break", "перерыв"}},
                }},
              }},
            }}
            """#
        #expect(
            try harness.text("return select(2, F.try_normalize(\(table)))")
                == #"filter.filters[2].filters[2].filters[2] (status in) (item 2): "перерыв" is not a valid status; valid values: "available", "break", "do_not_disturb", "not_at_workplace", "not_at_work", "unknown""#
        )
        // The API's own path for the same error is 0-based.
        let error = #expect(throws: DataAPIError.self) { try FilterCheck.check(try JSON(parsing: Self.nestedJSON)) }
        #expect(error?.field == "filter.filters[1].filters[1].filters[1].value[1]")
    }

    static let nestedJSON = #"""
        {"condition":"or","filters":[{"field":"status","operator":"=","value":"available"},
         {"condition":"and","filters":[{"field":"id","operator":">","value":10},
          {"condition":"or","filters":[{"field":"full_name","operator":"like","value":"Иван%"},
           {"field":"status","operator":"in","value":["break","перерыв"]}]}]}]}
        """#

    /// A valid table comes back checked, in the API's shape, as a condition `&`, `|`, `~` and `tostring` work on;
    /// `{}` where a list is expected is the empty list, and `F.id:in_{}` runs as a filter that matches nothing.
    @Test func checkedCopiesAreConditions() throws {
        let harness = try PreludeHarness()
        #expect(
            try harness.text(
                #"return tostring(~F.normalize{filters = {{field = "full_name", operator = "like", value = "Иван%"}, {field = "id", operator = "in", value = {}}}, condition = "and"})"#
            ) == #"full_name not_like "Иван%" or id not_in {}"#)
        #expect(try harness.json(#"return F.normalize{field = "id", operator = "in", value = {}}"#) == #"{"field":"id","operator":"in","value":{}}"#)
        let filter = try FilterCheck.check(FilterCheck.luaShape(try JSON(parsing: #"{"field":"id","operator":"in","value":{}}"#)))
        #expect(filter == .condition("id", .in, .array([])))
    }

    /// A query's `filter =` goes through the same checker (the text after the function's name); `F.id:in_{}`
    /// matches nothing rather than failing.
    @Test func queriesUseTheSameChecker() throws {
        let fixture = try ShellFixture(employees: 10)
        let results = try fixture.run(
            #"""
            local function try(f, options) local ok, err = pcall(f, options) return ok and "accepted" or tostring(err) end
            local bad = {filters = {F.id:gt(0), {field = "full_name", operator = "like", value = function() end}}, condition = "and"}
            return #employees.all{filter = F.id:in_{}}, try(employees.all, {filter = bad}),
              try(employees.count, {filter = {field = "status", operator = "=", value = "перерыв"}}),
              try(employees.all, {filter = {field = "id", operator = "="}})
            """#)
        try #require(results.count == 4)
        #expect(results[0] == .integer(0))
        #expect(results[1].text?.hasSuffix("employees.all: filter.filters[2].value is a function, which JSON cannot hold") == true)
        let status = #"employees.count: filter (status =): "перерыв" is not a valid status; valid values: "available", "break","#
        #expect(results[2].text?.contains(status) == true)
        #expect(results[3].text?.hasSuffix("employees.all: filter (id =) needs a value (for a null test use :is_null())") == true)
    }

    /// Every text `F.try_normalize` gives is the renderer's text of the `DataAPIError` the Swift checker
    /// throws on the same filter: Lua adds no check and no text of its own.
    @Test(arguments: malformed)
    func luaTextsAreTheRenderedErrors(json: String) throws {
        let harness = try PreludeHarness()
        let parsed = try JSON(parsing: json)
        let error = #expect(throws: DataAPIError.self) { try FilterCheck.check(FilterCheck.luaShape(parsed)) }
        let lua = try harness.text("local ok, err = F.try_normalize(json.decode[==[\(json)]==]) return ok == nil and err or 'accepted'")
        #expect(lua == error.map { FilterErrorText.render($0, in: parsed, root: "filter") })
    }

    /// Thirty-four malformed filters, as JSON.
    static let malformed: [String] = [
        "42", #""status""#, #"[{"field":"id","operator":"=","value":1}]"#,
        #"{"field":"id","op":"=","value":1}"#, #"{"field":"id","operator":"=","value":1,"extra":true}"#,
        #"{"filters":[{"field":"id","operator":"=","value":1}],"condition":"and","x":1}"#,
        #"{"filters":5,"condition":"and"}"#, #"{"filters":[],"condition":"and"}"#,
        #"{"filters":[{"field":"id","operator":"=","value":1}]}"#,
        #"{"filters":[{"field":"id","operator":"=","value":1}],"condition":"xor"}"#,
        #"{"filters":[{"field":"id","operator":"=","value":1}],"condition":5}"#, #"{"filters":[1],"condition":"or"}"#,
        #"{"operator":"=","value":1}"#, #"{"field":5,"operator":"=","value":1}"#, #"{"field":"id","value":1}"#,
        #"{"field":"id","operator":"~","value":1}"#, #"{"field":"id","operator":null,"value":1}"#,
        #"{"field":"nosuch","operator":"=","value":1}"#, #"{"field":"id","operator":"like","value":"1%"}"#,
        #"{"field":"id","operator":"=","value":"1"}"#, #"{"field":"status","operator":"=","value":"перерыв"}"#,
        #"{"field":"status","operator":"in","value":["break","перерыв"]}"#, #"{"field":"id","operator":"in","value":5}"#,
        #"{"field":"id","operator":"in","value":[1,"2"]}"#, #"{"field":"first_name","operator":"like","value":5}"#,
        #"{"field":"first_name","operator":"regexp","value":"(Иван"}"#, #"{"field":"groups","operator":"jsquery","value":"group_id = "}"#,
        #"{"field":"groups","operator":"=","value":3}"#, #"{"field":"email","operator":"is_null","value":"x"}"#,
        #"{"field":"allowed_in_call_types","operator":"overlap","value":["mobile"]}"#, #"{"field":"id","operator":"<","value":null}"#,
        #"{"field":"calls_available","operator":"=","value":"да"}"#, #"{"field":"first_name","operator":"like","value":"Иван\\"}"#,
        #"{"filters":[{"field":"id","operator":"=","value":1},{"filters":[{"field":"id","operator":"=","value":2},"#
            + #"{"field":"full_name","operator":"ilike","value":["Иван%"]}],"condition":"and"}],"condition":"or"}"#,
    ]

    /// The server (`Query.decode` and `EmployeesRequest`, `FilterCompiler` with the filterable fields and
    /// the documented table) and the client's checker refuse the same malformed filters with the same
    /// error: one checker.
    @Test(arguments: malformed)
    func serverAndClientRefuseTheSameFilters(json: String) throws {
        let parsed = try JSON(parsing: json)
        let client = #expect(throws: DataAPIError.self) { try FilterCheck.check(parsed) }
        let server = #expect(throws: DataAPIError.self) { try Self.serverCheck(parsed) }
        #expect(client?.mnemonic == server?.mnemonic, "\(json)")
        #expect(client?.field == server?.field, "\(json)")
        #expect(client?.value == server?.value, "\(json)")
    }

    /// Where they differ, by design: fields the API cannot filter and operators only the client evaluates run
    /// locally; in Lua `=` without a value is refused (the API reads it as null).
    @Test func theDifferencesAreTheDocumentedOnes() throws {
        let local = [
            #"{"field":"patronymic","operator":"=","value":"Петрович"}"#, #"{"field":"status","operator":"like","value":"b%"}"#,
            #"{"field":"calls_available","operator":"in","value":[true]}"#,
        ]
        for json in local {
            let parsed = try JSON(parsing: json)
            #expect(throws: Never.self) { try FilterCheck.check(parsed) }
            let server = #expect(throws: DataAPIError.self) { try Self.serverCheck(parsed) }
            #expect(server?.mnemonic == .filterProhibited || server?.field == "filter.operator", "\(json)")
        }
        // A null filter is no filter to the API; a script that asks to check one gets an error.
        #expect(throws: Never.self) { try Self.serverCheck(.null) }
        #expect(throws: DataAPIError.self) { try FilterCheck.check(.null) }
        let bare = try JSON(parsing: #"{"field":"id","operator":"="}"#)
        #expect(throws: Never.self) { try Self.serverCheck(bare) }
        let error = #expect(throws: DataAPIError.self) { try FilterCheck.check(bare) }
        #expect(error?.mnemonic == .requiredParameterMissed && error?.field == "filter.value")
    }

    private static func serverCheck(_ filter: JSON) throws {
        let decoded = try Query.decode(params: ["access_token": .string("t"), "filter": filter])
        _ = try EmployeesRequest(decoded.query)
    }
}
