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

    @Test func groupByGivesAListOfKeyCountRows() throws {
        let h = try harness()
        #expect(
            try h.text(
                #"""
                local g = rows:group_by("status")
                local out = {}
                for i, grp in ipairs(g) do out[i] = grp.key .. "=" .. grp.count .. ":" .. table.concat(grp.rows:pluck("id"), "+") end
                return tostring(g) .. " " .. table.concat(out, " ")
                """#) == "list of 3 rows available=2:1+3 break=1:2 not_at_work=1:4")
        // Every list method works on it, and map and each get the rows the REPL shows.
        let sorted = #"return table.concat(rows:group_by("status"):sort_by{"-count", "key"}:pluck("key"), ",")"#
        #expect(try h.text(sorted) == "available,break,not_at_work")
        let kept = #"return table.concat(rows:group_by("status"):where(function(g) return g.count > 1 end):pluck("key"), ",")"#
        #expect(try h.text(kept) == "available")
        #expect(
            try h.text(#"return table.concat(rows:group_by("status"):map(function(g, i) return i .. g.key .. #g.rows end), ",")"#)
                == "1available2,2break1,3not_at_work1")
        #expect(try h.text(#"local n = 0 rows:group_by("status"):each(function(g) n = n + g.count end) return tostring(n)"#) == "4")
        #expect(try h.text(#"return tostring(rows:group_by("status"):count())"#) == "3")
        #expect(
            try h.text(#"return rows:group_by("operator.operator_login"):render({"key", "count"}, "csv")"#)
                == "key,count\r\nivanov,1\r\n,2\r\nsidorov,1\r\n")
        #expect(
            try h.text(
                #"""
                local s = {}
                for _, g in ipairs(rows:group_by(function(e) return #e.groups end)) do s[#s + 1] = g.key .. ":" .. g.count end
                return table.concat(s, " ")
                """#)
                == "1:1 0:2 2:1")
        // The rows of a group are a list too.
        #expect(try h.text(#"return table.concat(rows:group_by("status")[1].rows:where{id = 3}:pluck("full_name"), ",")"#) == "Сидоров Пётр")
    }

    /// Several keys: each under its own name, nulls as json.null (one group), in order of first appearance.
    @Test func groupByAndCountBySeveralKeys() throws {
        let h = try harness()
        #expect(
            try h.text(
                #"""
                local out = {}
                for i, g in ipairs(rows:group_by{"status", "patronymic"}) do
                  out[i] = g.status .. "/" .. tostring(g.patronymic) .. "=" .. g.count .. ":" .. table.concat(g.rows:pluck("id"), "+")
                    .. tostring(g.key)
                end
                return table.concat(out, " ")
                """#) == "available/Петрович=1:1nil break/null=1:2nil available/null=1:3nil not_at_work/Ильич=1:4nil")
        #expect(
            try h.json(#"return rows:count_by{"status", "operator.operator_login"}"#)
                == #"[{"count":1,"operator.operator_login":"ivanov","status":"available"},"#
                + #"{"count":1,"operator.operator_login":"sidorov","status":"available"},"#
                + #"{"count":1,"operator.operator_login":null,"status":"break"},{"count":1,"operator.operator_login":null,"status":"not_at_work"}]"#)
        #expect(try h.text(#"return #rows:count_by{"status"} .. rows:count_by{"status"}[1].key"#) == "3available")
        #expect(h.error(#"rows:group_by{"status", "status"}"#)?.contains(#"group_by: key "status" is given twice"#) == true)
        #expect(h.error("rows:count_by{}")?.contains("count_by expects at least one key") == true)
    }

    @Test func countBySortsByCountThenKey() throws {
        let h = try harness()
        #expect(
            try h.json(#"return rows:count_by("status")"#)
                == #"[{"count":2,"key":"available"},{"count":1,"key":"break"},{"count":1,"key":"not_at_work"}]"#)
        #expect(
            try h.json(#"return rows:count_by("patronymic")"#)
                == #"[{"count":2,"key":null},{"count":1,"key":"Ильич"},{"count":1,"key":"Петрович"}]"#)
        #expect(try h.text("return tostring(rows:count_by(function() return 0/0 end)[1].count)") == "4")
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
                local u = rows:unnest("operator.operator_sites", {drop_empty = true})
                local out = {}
                for i, e in ipairs(u) do out[i] = e.id .. "@" .. e.site_domain_name .. "#" .. e.site_id end
                return table.concat(out, " ") .. " " .. tostring(rows[1].site_id)
                """#) == "1@shop.ru#1 1@blog.ru#2 3@shop.ru#1 nil")
        #expect(
            try h.json(#"return rows:unnest("operator.operator_sites"):count_by("site_domain_name")"#)
                == #"[{"count":2,"key":"shop.ru"},{"count":2,"key":null},{"count":1,"key":"blog.ru"}]"#)
        #expect(
            try h.text(#"return table.concat(rows:unnest("groups", {drop_empty = true}):pluck("group_name"), ",")"#) == "Продажи,Продажи,Склад")
    }

    /// Employees without a group (`groups = {}`) or an operator (`operator = {}` or null) stay, once,
    /// with the elements' keys null, as pandas' explode keeps them; drop_empty leaves them out.
    @Test func unnestKeepsRowsWhoseArrayIsEmptyOrNull() throws {
        let h = try harness()
        let nulls = #"""
            local out = {}
            for i, e in ipairs(u) do
              out[i] = e.id .. ":" .. tostring(e.group_id == json.null and "null" or e.group_id) .. ":" .. tostring(e.group_name == json.null and "null" or e.group_name)
            end
            return table.concat(out, " ")
            """#
        let everyone = "1:3:Продажи 2:null:null 3:3:Продажи 3:5:Склад 4:null:null"
        #expect(try h.text(#"local u = rows:unnest("groups")"# + "\n" + nulls) == everyone)
        #expect(try h.text(#"local u = rows:unnest("groups", {drop_empty = false})"# + "\n" + nulls) == everyone)
        #expect(try ids(h, #"return rows:unnest("groups", {drop_empty = true})"#) == "1,3,3")
        #expect(try ids(h, #"return rows:unnest("operator.operator_sites")"#) == "1,1,2,3,4")
        #expect(
            try h.text(
                #"""
                local e = rows:unnest("operator.operator_sites")[3]
                return e.id .. tostring(e.site_id == json.null) .. tostring(e.site_domain_name == json.null)
                """#)
                == "2truetrue")
        // No row has an element: the keys come from the field catalogue.
        #expect(
            try h.text(
                #"""
                local e = List.new{ { id = 9, groups = {} } }:unnest("groups")[1]
                return tostring(e.group_id == json.null) .. tostring(e.group_name == json.null)
                """#)
                == "truetrue")
        // Arrays of strings: the value goes under the path's name, null for an empty array.
        #expect(
            try h.text(
                #"""
                local u = List.new{ { id = 1, allowed_in_call_types = { "internal", "external" } }, { id = 2, allowed_in_call_types = {} } }
                  :unnest("allowed_in_call_types")
                return table.concat(u:map(function(e) return e.id .. "=" .. tostring(e.allowed_in_call_types == json.null and "null" or e.allowed_in_call_types) end), " ")
                """#) == "1=internal 1=external 2=null")
        let typo = h.error(#"rows:unnest("groups", {drop_emtpy = true})"#)
        #expect(typo?.contains(#"unnest: unknown option "drop_emtpy"; did you mean "drop_empty"?"#) == true)
        #expect(h.error(#"rows:unnest("groups", {drop_empty = 1})"#)?.contains("unnest: drop_empty expects true or false, got 1") == true)
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
        ("rows:unnest('groups', 5)", "chunk:3: unnest expects options such as {drop_empty = true}, got 5"),
        ("rows:count_by{}", "chunk:3: count_by expects at least one key"),
        ("rows:wher(print)", "chunk:3: list:wher does not exist; did you mean list:where?"),
        ("rows:frist()", "chunk:3: list:frist does not exist; did you mean list:first?"),
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
