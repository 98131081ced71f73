import DataAPIContract
import DataAPIServer
import EmployeeQuery
import Lua
import Testing

@testable import Shell

/// The `F` builders take what the client can evaluate; what the documented table leaves out runs on the
/// client through the planner (issue 19), and null means one thing to a filter and to a script (issue 18).
@Suite struct DocumentedOperatorsTests {
    /// `F.last_name:lt "М"` works for users: the server is not asked to run it, the rows are the right ones.
    @Test func orderOnAStringRunsLocally() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            #"""
            local rows = employees.all{ filter = F.last_name:lt "М" & F.status:eq "available", fields = {"last_name"} }
            local n, bad = #rows, 0
            for _, e in ipairs(rows) do if not (e.last_name < "М") then bad = bad + 1 end end
            return n, bad
            """#)
        let expected = fixture.company.filter {
            ($0.lastName.map { Array($0.utf8).lexicographicallyPrecedes(Array("М".utf8)) } ?? false) && $0.status == .available
        }
        #expect(results == [.integer(Int64(expected.count)), .integer(0)])
        #expect(expected.count > 0)
        // The server got only the documented part.
        for params in fixture.transport.employeeParams {
            #expect(params["filter"] == Filter.condition("status", .equal, .string("available")).json)
        }
    }

    @Test func planSendsOnlyTheDocumentedOperators() throws {
        let cases: [(Filter, Bool)] = [
            (.condition("last_name", .less, .string("М")), false),
            (.condition("status", .like, .string("do%")), false),
            (.condition("calls_available", .in, .array([.bool(true)])), false),
            (.condition("last_name", .like, .string("И%")), true),
            (.condition("status", .in, .array([.string("break")])), true),
            (.condition("id", .less, .int(5)), true),
        ]
        for (filter, onServer) in cases {
            let plan = try QueryPlanner.plan(filter: filter)
            #expect((plan.serverQuery.filter != nil) == onServer, "\(filter.json.encodedString())")
            #expect((plan.localFilter != nil) == !onServer)
        }
        // The builders offer the local table: the documented one and the rest, which the planner keeps local.
        let harness = try PreludeHarness()
        #expect(try harness.json(#"return F.status:gt "break""#) == #"{"field":"status","operator":">","value":"break"}"#)
        #expect(try harness.json(#"return F.calls_available:in_{true}"#) == #"{"field":"calls_available","operator":"in","value":[true]}"#)
    }

    /// `--types` says which builders run on the client, from the same table; the Lua checker of hand-written
    /// filters takes its null rule from Swift.
    @Test func typesAndNormalizeReadTheTables() throws {
        let types = LuaTypes.definitions
        #expect(types.contains("---Runs on the client: the API's operator table has no `<` for a string.\n"))
        #expect(types.contains("---Runs on the client: the API's operator table has no `in` for a boolean.\n"))
        #expect(!types.contains("has no `=` for"))
        let harness = try PreludeHarness()
        #expect(
            try harness.json(#"return F.normalize{field = "coach", operator = "=", value = json.null}"#)
                == #"{"field":"coach","operator":"=","value":null}"#)
    }

    /// On the demo's real rows, `F.x:is_null()` matches exactly the rows whose `x` a script sees as `json.null`,
    /// for every field (an employee without a coach has `coach = {}`, which is not null).
    @Test func isNullMatchesWhatAScriptSeesAsNull() throws {
        let fixture = try ShellFixture()
        for field in EmployeeField.allCases {
            let results = try fixture.run(
                """
                local all = employees.all{}
                local seen, nulls = {}, 0
                for _, e in ipairs(all) do if e.\(field.rawValue) == json.null then seen[e.id] = true nulls = nulls + 1 end end
                local matched = employees.all{ filter = F.\(field.rawValue):is_null() }
                local same = #matched == nulls
                for _, e in ipairs(matched) do same = same and seen[e.id] == true end
                local notnull = employees.count{ filter = F.\(field.rawValue):is_not_null() }
                return same, nulls, notnull + nulls == #all
                """)
            #expect(results.first == .boolean(true), "\(field.rawValue)")
            #expect(results.last == .boolean(true), "\(field.rawValue)")
            if field == .coach || field == .groups { #expect(results[1] == .integer(0)) }
        }
        // The employee with nothing has {} and [] where others have values, and no null there.
        let empty = DemoCompany.Awkward.emptyEverythingIndex
        let shapes = try fixture.run(
            "local e = employees.all{}[\(empty + 1)] return json.encode(e.coach), json.encode(e.groups), e.schedule_id == json.null")
        #expect(shapes.map(\.text) == ["{}", "[]", nil] && shapes.last == .boolean(true))
    }

    /// A comparison of `json.null` with a number or a string is false, as the filters' null semantics say.
    @Test func orderingWithNullIsFalse() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            #"""
            local n = json.null
            local rows = employees.all{}:where(function(e) return e.schedule_id > 3 end)
            local expected = employees.count{ filter = F.schedule_id:gt(3) }
            return n > 30, n < 30, 30 <= n, n >= "a", #rows == expected, n == json.null, tostring(n):sub(1, 8)
            """#)
        #expect(Array(results.prefix(6)) == [.boolean(false), .boolean(false), .boolean(false), .boolean(false), .boolean(true), .boolean(true)])
        #expect(results.last?.text == "userdata")
    }
}
