import DataAPIClient
import DataAPIContract
import DataAPIServer
import Foundation
import Lua
import Testing

@Suite struct EmployeesBindingTests {
    @Test func pageIsOneCallAsTheAPIAnswersIt() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            """
            local p = employees.page{ filter = F.status:eq "available", sort = {"last_name"},
                                      fields = {"id", "full_name", "email"}, limit = 50 }
            return p.total, #p.data, p.data[1].full_name, p.data[1].status, p.metadata.limits ~= nil
            """)
        let available = fixture.company.filter { $0.status == .available }
        let first = available.min { ($0.lastName ?? "", $0.id) < ($1.lastName ?? "", $1.id) }
        #expect(results[0] == .integer(Int64(available.count)))
        #expect(results[1] == .integer(Int64(min(50, available.count))))
        #expect(results[2].text == first?.fullName)
        #expect(results[3] == .nil)  // not among the fields asked for
        #expect(results[4] == true)
        #expect(fixture.transport.employeeParams.count == 1)
        let params = fixture.transport.employeeParams[0]
        #expect(
            JSON.object(params).encodedString()
                == #"{"limit":50,"filter":{"field":"status","operator":"=","value":"available"},"sort":[{"field":"last_name","order":"asc"}],"fields":["id","full_name","email"]}"#
        )
    }

    @Test func countCostsOneCallWhenTheServerCanFilter() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(#"return employees.count{ filter = F.full_name:like "%Иван%" }"#)
        #expect(results[0] == .integer(Int64(fixture.company.filter { $0.fullName?.contains("Иван") == true }.count)))
        #expect(fixture.transport.employeeParams.count == 1)
    }

    @Test func localFilterOnPatronymicSendsOnlyTheRest() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            """
            local rows = employees.all{ filter = F.patronymic:like "%ович" & F.status:ne "not_at_work",
                                        fields = {"full_name"} }
            local keys = {}
            for k in pairs(rows[1]) do keys[#keys + 1] = k end
            return #rows, table.concat(keys, ",")
            """)
        let expected = fixture.company.filter { ($0.patronymic ?? "").hasSuffix("ович") && $0.status != nil && $0.status != .notAtWork }
        #expect(results[0] == .integer(Int64(expected.count)))
        #expect(results[1].text == "full_name")  // id and patronymic were fetched for the plan, then removed
        let sent = try #require(fixture.transport.employeeParams.first)
        #expect(sent["filter"] == JSON.object(["field": .string("status"), "operator": .string("!="), "value": .string("not_at_work")]))
        #expect(sent["fields"] == .array([.string("full_name"), .string("id"), .string("patronymic")]))
    }

    @Test func eachAndAllAgreeAcrossManyPages() throws {
        let fixture = try ShellFixture(employees: 1000, pageSize: 64)
        let results = try fixture.run(
            """
            local seen, n = {}, 0
            for e in employees.each{ fields = {"id"}, page_size = 64 } do
                assert(not seen[e.id], "duplicate " .. e.id); seen[e.id] = true; n = n + 1
            end
            local all = employees.all{ fields = {"id"}, page_size = 64 }
            return n, #all, all[1].id < all[#all].id
            """)
        #expect(results == [1000, 1000, true])
        #expect(fixture.transport.employeeParams.count == 2 * 16)
        let statistics = fixture.shell.backend.statistics
        #expect(statistics.points == 32 && statistics.pages == 32 && statistics.rows == 2000)
    }

    @Test func eachHandsOutLargePagesInBatchesInOrder() throws {
        let fixture = try ShellFixture(employees: 2345)
        let results = try fixture.run(
            """
            local all = employees.all{ fields = {"id", "groups"}, page_size = 1000 }
            local n, same = 0, true
            local it = employees.each{ fields = {"id", "groups"}, page_size = 1000 }
            for e in it do
                n = n + 1
                same = same and e.id == all[n].id and #e.groups == #all[n].groups
                if n == 777 then break end  -- mid-batch, mid-page
            end
            for e in it do n = n + 1; same = same and e.id == all[n].id end
            return #all, n, same
            """)
        #expect(results == [2345, 2345, true])
    }

    /// Rows already handed out by `each` are garbage: the Lua heap during the loop stays far below what
    /// the whole result takes, whatever the total.
    @Test func eachKeepsOnlyABatchOfRowsAlive() throws {
        let fixture = try ShellFixture(employees: 12000)
        let results = try fixture.run(
            """
            local peak, n = 0, 0
            for e in employees.each{} do
                n = n + 1
                if n % 1000 == 0 then collectgarbage(); peak = math.max(peak, collectgarbage("count")) end
            end
            collectgarbage()
            local base = collectgarbage("count")
            local all = employees.all{}
            collectgarbage()
            return n, (peak - base) / (collectgarbage("count") - base)
            """)
        #expect(results[0] == 12000)
        guard case .number(let share) = results[1] else {
            Issue.record("\(results)")
            return
        }
        #expect(share < 0.1, "each held \(share) of the whole result's heap")
    }

    @Test func eachFetchesOnlyAFewPagesAheadOfTheReader() throws {
        let fixture = try ShellFixture(employees: 1000)
        try fixture.run(#"next_row = employees.each{ fields = {"id"}, page_size = 10 } for i = 1, 5 do next_row() end"#)
        Thread.sleep(forTimeInterval: 0.5)
        let early = fixture.transport.employeeParams.count
        #expect(early >= 1 && early <= 12, "\(early) of 100 pages were fetched while the reader had taken 5 rows")
        let results = try fixture.run("local n = 5 for e in next_row do n = n + 1 end return n")
        #expect(results == [1000])
        #expect(fixture.transport.employeeParams.count == 100)
    }

    @Test func anErrorInsideEachNamesTheLoopsLine() throws {
        let fixture = try ShellFixture(employees: 10, dayLimit: 0)
        let results = try fixture.run(
            """
            local ok, err = pcall(function()
                for e in employees.each{} do end
            end)
            return ok, tostring(err), err.mnemonic
            """)
        #expect(results[0] == false)
        #expect(results[1].text?.hasPrefix("test:2: ") == true, "\(results[1])")
        #expect(results[2].text != nil)
    }

    @Test func limitStopsFetchingEarly() throws {
        let fixture = try ShellFixture(employees: 1000)
        let results = try fixture.run(#"return #employees.all{ limit = 10, offset = 5, fields = {"id"} }"#)
        #expect(results == [10])
        #expect(fixture.transport.employeeParams.map { $0["limit"] } == [.int(10)])
    }

    @Test func explainShowsTheSplitPagesAndPoints() throws {
        let fixture = try ShellFixture(employees: 2500)
        let results = try fixture.run(
            #"return employees.explain{ filter = F.patronymic:eq "Петрович" & F.status:eq "available", page_size = 100 }"#)
        let text = try #require(results.first?.text)
        let available = fixture.company.filter { $0.status == .available }.count
        let pages = (available + 99) / 100
        #expect(text.contains(#"server: {"filter":{"field":"status","operator":"=","value":"available"}"#), "\(text)")
        #expect(text.contains(#"local filter: {"field":"patronymic","operator":"=","value":"Петрович"}"#), "\(text)")
        #expect(text.contains("pages: \(pages) (\(available) rows at 100 a page)"), "\(text)")
        #expect(text.contains("points: \(pages) (1 a page)"), "\(text)")
        #expect(fixture.transport.employeeParams.count == 1)  // the count
    }

    @Test("A local regexp (on patronymic, which the API cannot filter) runs the server's engine under the same bound")
    func localRegexpIsBoundedLikeTheServer() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            #"""
            local n = #employees.all{ filter = F.patronymic:regexp "^[А-ЯЁ][а-яё]+вич$" }
            local ok, err = pcall(function()
                return employees.all{ filter = F.patronymic:regexp [[^((\w*)*)*\d$]] }
            end)
            return n, ok, err.mnemonic, err.field
            """#)
        #expect(results.first.map { $0 != .integer(0) } == true, "Cyrillic classes match per character: \(results)")
        #expect(results.dropFirst().map { $0 } == [.boolean(false), "invalid_parameter_value", "filter.value"], "\(results)")
    }

    @Test func serverErrorsArriveAsTablesWithTheScriptLine() throws {
        let fixture = try ShellFixture()
        let results = try fixture.run(
            """
            local ok, err = pcall(function() return employees.page{ filter = {field = "operator", operator = "is_null"} } end)
            return ok, err.mnemonic, err.code, err.field, tostring(err)
            """)
        #expect(results[0] == false)
        #expect(results[1].text == "filter_prohibited")
        #expect(results[2] == .integer(-32602))
        #expect(results[3].text == "filter.field")
        #expect(results[4].text?.hasPrefix("test:1: filter_prohibited:") == true)
    }

    @Test(arguments: [
        (#"employees.all{ fields = {"id", 5} }"#, "fields[2] must be a field name"),
        (#"employees.all{ fields = {"nosuch"} }"#, "valid fields: id, first_name"),
        (#"employees.all{ sort = {"nosuch"} }"#, "unknown field 'nosuch'"),
        (#"employees.all{ filter = {field = "status", value = "x"} }"#, "operator"),
        (#"employees.all{ filter = 42 }"#, "filter must be a table"),
        (#"employees.all{ limit = "ten" }"#, "limit must be an integer"),
        (#"employees.all{ limits = 5 }"#, "unknown option 'limits'"),
        (#"employees.all{ page_size = 20000 }"#, "page_size must be 1 to 10000"),
        (#"api.call(5)"#, "expected a method name"),
    ])
    func badInputFromLuaIsAClearError(code: String, expected: String) throws {
        let fixture = try ShellFixture(employees: 10)
        let error = #expect(throws: LuaError.self) { try fixture.run("local x = 1\n" + code) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
        #expect(error?.message.contains("test:2:") == true, "\(error?.message ?? "")")
    }

    /// `count` and `all` (and `each`, `explain`) follow one rule for `offset`: the API's 0…100 000,
    /// checked before any call, whether the offset runs on the server or after a local filter.
    @Test(arguments: ["all", "count", "each", "explain"])
    func offsetPastTheAPIRangeIsOneErrorForEveryFunction(function: String) throws {
        let fixture = try ShellFixture(employees: 10)
        for filter in ["", #"filter = F.patronymic:eq "Петрович", "#] {
            let error = #expect(throws: LuaError.self) { try fixture.run("return employees.\(function){ \(filter)offset = 100001 }") }
            #expect(error?.message.contains("offset must be between 0 and 100000, not 100001") == true, "\(error?.message ?? "")")
        }
        #expect(fixture.transport.employeeParams.isEmpty)
    }

    @Test func offsetAtTheEndOfTheRangeAnswersNothingEverywhere() throws {
        let fixture = try ShellFixture(employees: 10)
        let results = try fixture.run("return employees.count{ offset = 100000 }, #employees.all{ offset = 100000 }")
        #expect(results == [0, 0])
    }

    @Test func apiCallIsTheRawEscapeHatch() throws {
        let fixture = try ShellFixture(employees: 10)
        let results = try fixture.run(
            #"local r = api.call("get.employees", {limit = 2, fields = {"id"}}) return #r.data, r.metadata.total_items"#)
        #expect(results == [2, 10])
        let login = try fixture.run(#"local r = api.call("login.user", {login = "demo", password = "demo"}) return #r.data.access_token > 0"#)
        #expect(login == [true])
    }
}
