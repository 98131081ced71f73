import Testing

@testable import Shell

/// `jsquery.match(value, expression)`: the server's jsquery engine on Lua and JSON values.
@Suite("jsquery.match")
struct JSQueryModuleTests {
    let fixture: ShellFixture
    init() throws { fixture = try ShellFixture(employees: 40) }

    func evaluate(_ code: String) throws -> String {
        try fixture.run("return tostring(\(code))").first?.text ?? ""
    }

    @Test(
        "Lua tables, decoded JSON and scalars are matched as the API would match them",
        arguments: [
            (##"jsquery.match({1, 2, 3}, "$ @> [2]")"##, "true"),
            (##"jsquery.match({1, 2, 3}, "# = 4")"##, "false"),
            (##"jsquery.match({coach_id = 17, name = "Пётр"}, "coach_id = 17 AND name = \"Пётр\"")"##, "true"),
            (##"jsquery.match(json.decode('{"groups":[{"group_id":3}]}'), "groups.#.group_id = 3")"##, "true"),
            (##"jsquery.match(json.decode('{"a":null}'), "a = null")"##, "true"),
            (##"jsquery.match("x", "$ = \"x\"")"##, "true"),
            (##"jsquery.match(5, "$ > 4 AND $ IS NUMERIC")"##, "true"),
            (##"jsquery.match({}, "$ IS OBJECT")"##, "true"),
            (##"jsquery.match(json.array{}, "$ IS ARRAY")"##, "true"),
            (##"jsquery.match(nil, "$ = null")"##, "true"),
        ])
    func matches(code: String, expected: String) throws {
        #expect(try evaluate(code) == expected, "\(code)")
    }

    @Test("Rows of employees.all filter locally with the server's answers")
    func agreesWithTheServer() throws {
        let results = try fixture.run(
            #"""
            local id
            for _, e in ipairs(employees.all{}) do if #e.groups > 0 then id = e.groups[1].group_id break end end
            local expr = "#.group_id = " .. id
            local here = employees.all{}:where(function(e) return jsquery.match(e.groups, expr) end)
            local there = employees.all{ filter = F.groups:jsquery(expr) }
            return #here, #there
            """#)
        #expect(results.count == 2 && results[0] == results[1], "\(results)")
        #expect(results.first != .integer(0), "the example matches some rows")
    }

    @Test("Strings the F builders put into jsquery are quoted so that jsquery reads them back unchanged")
    func builderQuoting() throws {
        let results = try fixture.run(
            #"""
            local name = 'a"b\\c\n\t\1/Пётр'
            local cond = F.coach:has{ coach_full_name = name }
            return jsquery.match({ coach_full_name = name }, cond.value), jsquery.match({ coach_full_name = "x" }, cond.value)
            """#)
        #expect(results == [.boolean(true), .boolean(false)], "\(results)")
    }

    @Test(
        "A bad expression or value is a Lua error that says what and where",
        arguments: [
            (##"jsquery.match({}, "a = ")"##, "jsquery.match: syntax error"),
            (##"jsquery.match({}, 5)"##, "jsquery.match: expected a jsquery expression (a string) as argument 2, got number"),
            (##"jsquery.match({f = print}, "f = 1")"##, "jsquery.match: the value cannot be read as JSON"),
        ])
    func errors(code: String, message: String) throws {
        let result = try fixture.run("local ok, err = pcall(function() return \(code) end) return ok, tostring(err)")
        #expect(result.first == .boolean(false))
        #expect(result.last?.text?.contains(message) == true, "\(result)")
    }
}
