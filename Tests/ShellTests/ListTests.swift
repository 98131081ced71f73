import Lua
import Testing

@testable import Shell

/// Rows shaped like `get.employees` records: Cyrillic names, `json.null`, nested operator sites.
let employeeRows = #"""
    local null = json.null
    rows = List.new{
      { id = 1, first_name = "Иван", last_name = "Иванов", patronymic = "Петрович", full_name = "Иванов Иван",
        status = "available", groups = { { group_id = 3, group_name = "Продажи" } },
        operator = { operator_login = "ivanov", operator_sites = {
          { site_id = 1, site_domain_name = "shop.ru" }, { site_id = 2, site_domain_name = "blog.ru" } } } },
      { id = 2, first_name = "Анна", last_name = "Петрова", patronymic = null, full_name = "Петрова Анна",
        status = "break", groups = {}, operator = {} },
      { id = 3, first_name = "Пётр", last_name = "Сидоров", patronymic = null, full_name = "Сидоров Пётр",
        status = "available", groups = { { group_id = 3, group_name = "Продажи" }, { group_id = 5, group_name = "Склад" } },
        operator = { operator_login = "sidorov", operator_sites = { { site_id = 1, site_domain_name = "shop.ru" } } } },
      { id = 4, first_name = "Борис", last_name = null, patronymic = "Ильич", full_name = "Ёлкин Борис",
        status = "not_at_work", groups = {}, operator = null },
    }
    """#

@Suite struct ListTests {
    func harness() throws -> PreludeHarness {
        let harness = try PreludeHarness()
        try harness.run(employeeRows)
        return harness
    }

    /// The ids of the list a chunk returns, as "1,2,3".
    func ids(_ harness: PreludeHarness, _ code: String) throws -> String {
        try harness.text("local l = (function() \(code) end)() return table.concat(l:pluck('id'), ',')")
    }

    @Test func whereTakesAFunctionOrEqualities() throws {
        let h = try harness()
        #expect(try ids(h, "return rows:where(function(e) return e.id > 2 end)") == "3,4")
        #expect(try ids(h, #"return rows:where{status = "available"}"#) == "1,3")
        #expect(try ids(h, "return rows:where{patronymic = json.null}") == "2,3")
        #expect(try ids(h, #"return rows:where{["operator.operator_login"] = "sidorov", status = "available"}"#) == "3")
        #expect(try ids(h, #"return rows:where{status = "nope"}"#) == "")
    }

    @Test func listsAreSequences() throws {
        let h = try harness()
        #expect(try h.text("local n = 0 for i, e in ipairs(rows) do n = n + i end return #rows .. ' ' .. rows:count() .. ' ' .. n") == "4 4 10")
        #expect(
            try h.text("local s = {} rows:each(function(e, i) s[#s + 1] = i .. e.first_name end) return table.concat(s, ' ')")
                == "1Иван 2Анна 3Пётр 4Борис")
        #expect(try h.text("return tostring(rows) .. '; ' .. tostring(List.new{})") == "list of 4 rows; list of 0 rows")
    }

    @Test func mapFirstAndPluck() throws {
        let h = try harness()
        #expect(
            try h.text("return table.concat(rows:map(function(e) if e.last_name ~= json.null then return e.last_name end end), ',')")
                == "Иванов,Петрова,Сидоров")
        #expect(
            try h.text("return rows:first().full_name .. ' ' .. #rows:first(2) .. ' ' .. #rows:first(10) .. ' ' .. tostring(List.new{}:first())")
                == "Иванов Иван 2 4 nil")
        #expect(try h.text("local p = rows:pluck('last_name') return #p .. tostring(p[4] == json.null)") == "4true")
        #expect(
            try h.text("return table.concat(rows:pluck('operator.operator_sites.1.site_domain_name'):map(tostring), ',')")
                == "shop.ru,null,shop.ru,null")
    }

    @Test func groupByKeepsFirstAppearanceOrder() throws {
        let h = try harness()
        #expect(
            try h.text(
                #"""
                local g = rows:group_by("status")
                local out = {}
                for i, grp in ipairs(g) do out[i] = grp.key .. "=" .. table.concat(grp.rows:pluck("id"), "+") end
                return #g .. " " .. table.concat(out, " ")
                """#) == "3 available=1+3 break=2 not_at_work=4")
        #expect(
            try h.json(#"return rows:group_by("operator.operator_login"):count()"#)
                == #"[{"count":1,"key":"ivanov"},{"count":2,"key":null},{"count":1,"key":"sidorov"}]"#)
        #expect(
            try h.text(
                #"""
                local s = {}
                rows:group_by(function(e) return #e.groups end):each(function(k, r) s[#s + 1] = k .. ":" .. #r end)
                return table.concat(s, " ") .. " " .. table.concat(rows:group_by("status"):map(function(k, r) return k end), ",")
                """#) == "1:1 0:2 2:1 available,break,not_at_work")
    }

    @Test func countBySortsByCountThenKey() throws {
        let h = try harness()
        #expect(
            try h.json(#"return rows:count_by("status")"#)
                == #"[{"count":2,"key":"available"},{"count":1,"key":"break"},{"count":1,"key":"not_at_work"}]"#)
        #expect(
            try h.json(#"return rows:count_by("patronymic")"#)
                == #"[{"count":2,"key":null},{"count":1,"key":"Ильич"},{"count":1,"key":"Петрович"}]"#)
    }

    @Test func sortByIsStableWithNullsLast() throws {
        let h = try harness()
        #expect(try ids(h, #"return rows:sort_by("last_name")"#) == "1,2,3,4")
        #expect(try ids(h, #"return rows:sort_by("-last_name")"#) == "3,2,1,4")
        #expect(try ids(h, #"return rows:sort_by("patronymic")"#) == "4,1,2,3")
        #expect(try ids(h, #"return rows:sort_by("-patronymic")"#) == "1,4,2,3")
        #expect(try ids(h, #"return rows:sort_by{"status", "-id"}"#) == "3,1,2,4")
        #expect(try ids(h, #"return rows:sort_by("status")"#) == "1,3,2,4")
        #expect(try ids(h, "return rows:sort_by(function(e) return -#e.groups end)") == "3,1,2,4")
    }

    @Test func unnestGivesOneRowPerSite() throws {
        let h = try harness()
        #expect(
            try h.text(
                #"""
                local u = rows:unnest("operator.operator_sites")
                local out = {}
                for i, e in ipairs(u) do out[i] = e.id .. "@" .. e.site_domain_name .. "#" .. e.site_id end
                return table.concat(out, " ") .. " " .. tostring(rows[1].site_id)
                """#) == "1@shop.ru#1 1@blog.ru#2 3@shop.ru#1 nil")
        #expect(
            try h.json(#"return rows:unnest("operator.operator_sites"):count_by("site_domain_name")"#)
                == #"[{"count":2,"key":"shop.ru"},{"count":1,"key":"blog.ru"}]"#)
        #expect(try h.text(#"return table.concat(rows:unnest("groups"):pluck("group_name"), ",")"#) == "Продажи,Продажи,Склад")
    }

    /// An element key that the row also has loses neither value: the element's goes under the path.
    @Test func unnestKeepsRowKeysThatElementsShare() throws {
        let h = try PreludeHarness()
        #expect(
            try h.text(
                #"""
                local rows = List.new{ { id = 7, status = "break", phone_numbers = {
                    { phone_number = "74950000001", status = "active" }, { phone_number = "74950000002", status = "inactive" } } } }
                local out = {}
                for i, e in ipairs(rows:unnest("phone_numbers")) do
                  out[i] = e.id .. " " .. e.status .. " " .. e["phone_numbers.status"] .. " " .. e.phone_number .. " " .. tostring(e["phone_numbers.phone_number"])
                end
                return table.concat(out, "; ")
                """#) == "7 break active 74950000001 nil; 7 break inactive 74950000002 nil")
    }

    @Test func toJSONAndCSV() throws {
        let h = try harness()
        #expect(
            try h.text(#"return rows:where{id = 2}:to_json()"#)
                == #"[{"first_name":"Анна","full_name":"Петрова Анна","groups":{},"id":2,"last_name":"Петрова","operator":{},"patronymic":null,"status":"break"}]"#
        )
        #expect(try h.text("return List.new{}:to_json()") == "[]")
        #expect(
            try h.text(#"return rows:first(2):to_csv{"id", "full_name", "patronymic", "groups"}"#)
                == "id,full_name,patronymic,groups\r\n1,Иванов Иван,Петрович,\"[{\"\"group_id\"\":3,\"\"group_name\"\":\"\"Продажи\"\"}]\"\r\n2,Петрова Анна,,{}\r\n"
        )
    }

    static let lineErrors: [(String, String)] = [
        ("rows:where(5)", "chunk:3: where expects a function or a table of field = value, got 5"),
        ("rows:map()", "chunk:3: map expects a function, got nil"),
        ("rows:group_by(5)", "chunk:3: group_by expects a field name, a dotted path or a function, got 5"),
        ("rows:sort_by{}", "chunk:3: sort_by expects at least one key"),
        ("rows:first(-1)", "chunk:3: first expects a count"),
        ("rows:unnest(3)", "chunk:3: unnest expects a dotted path"),
        ("rows:show(5)", "chunk:3: show expects a list of columns, got 5"),
        ("rows:render(nil, 'xml')", #"chunk:3: render: unknown format "xml"; formats: table, json, csv, ndjson, line"#),
        ("List.new(5)", "chunk:3: List.new expects a table of rows, got 5"),
    ]

    @Test(arguments: lineErrors)
    func badArgumentsNameTheCallingLine(code: String, prefix: String) throws {
        let h = try harness()
        let message = h.error("local a = 1\nlocal b = 2\nlocal c = \(code)\n")
        #expect(message?.hasPrefix(prefix) == true, "\(message ?? "no error")")
    }
}
