import DataAPIClient
import DataAPIContract
import DataAPIServer
import EmployeeQuery
import Lua
import Testing

@testable import Shell

/// A Lua state with the prelude installed, the bindings' `json` (its `null`, `decode`, `array`) and, as
/// `json.encode`, a canonical encoder (object keys sorted) so tests can compare tables as JSON text.
struct PreludeHarness {
    let lua: LuaState
    let output: OutputSettings

    static let jsonStub = #"""
        local null = json.null
        -- The list tests print nulls as "null", as the stub this harness once had did.
        debug.getmetatable(null).__tostring = function() return "null" end
        local function enc(v, out)
          if v == null then out[#out + 1] = "null"
          elseif type(v) == "table" then
            if #v > 0 then
              out[#out + 1] = "["
              for i, x in ipairs(v) do if i > 1 then out[#out + 1] = "," end enc(x, out) end
              out[#out + 1] = "]"
            else
              local keys = {}
              for k in pairs(v) do keys[#keys + 1] = k end
              table.sort(keys)
              out[#out + 1] = "{"
              for i, k in ipairs(keys) do
                if i > 1 then out[#out + 1] = "," end
                enc(k, out); out[#out + 1] = ":"; enc(v[k], out)
              end
              out[#out + 1] = "}"
            end
          elseif type(v) == "string" then
            out[#out + 1] = '"' .. v:gsub('[%c"\\]', function(c)
              return c == '"' and '\\"' or c == "\\" and "\\\\" or ("\\u%04x"):format(c:byte()) end) .. '"'
          elseif math.type(v) == "float" then out[#out + 1] = ("%.17g"):format(v)
          else out[#out + 1] = tostring(v) end
        end
        json.encode = function(v) local out = {}; enc(v, out); return table.concat(out) end
        """#

    init(format: OutputFormat = .table, terminalWidth: Int? = nil) throws {
        lua = try LuaState()
        JSONModule.install(in: lua.stack)
        try lua.run(Self.jsonStub, name: "=json-stub")
        output = OutputSettings(format: format, terminalWidth: { terminalWidth })
        try Prelude.install(in: lua, output: output)
    }

    /// Runs a chunk named `chunk` and returns its first result.
    @discardableResult
    func run(_ code: String) throws -> LuaValue { try lua.run(code, name: "=chunk").first ?? .nil }

    /// Runs a chunk and returns its first result as text.
    func text(_ code: String) throws -> String { try run(code).text ?? "(not a string)" }

    /// The JSON of the chunk's first result, through the stub encoder.
    func json(_ code: String) throws -> String {
        try text("local v = (function() \(code) end)() return json.encode(v)")
    }

    /// The message of the error a chunk raises, or nil when it raises none.
    func error(_ code: String) -> String? {
        do {
            try lua.run(code, name: "=chunk")
            return nil
        } catch let error as LuaError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    /// What a chunk writes through `io.write`, captured.
    func written(_ code: String) throws -> String {
        try text(
            "local out, w = {}, io.write; io.write = function(...) for _, s in ipairs{...} do out[#out + 1] = s end end\n"
                + "local ok, err = pcall(function()\n\(code)\nend); io.write = w; if not ok then error(err, 0) end; return table.concat(out)")
    }
}

@Suite struct FilterTests {
    static let builders: [(String, String)] = [
        (#"F.status:eq "available""#, #"{"field":"status","operator":"=","value":"available"}"#),
        ("F.id:ne(5)", #"{"field":"id","operator":"!=","value":5}"#),
        ("F.id:lt(5)", #"{"field":"id","operator":"<","value":5}"#),
        ("F.schedule_id:le(5)", #"{"field":"schedule_id","operator":"<=","value":5}"#),
        ("F.id:gt(2.5)", #"{"field":"id","operator":">","value":2.5}"#),
        ("F.id:ge(5)", #"{"field":"id","operator":">=","value":5}"#),
        ("F.calls_available:eq(true)", #"{"field":"calls_available","operator":"=","value":true}"#),
        ("F.patronymic:eq(json.null)", #"{"field":"patronymic","operator":"=","value":null}"#),
        (#"F.full_name:like "%Иван%""#, #"{"field":"full_name","operator":"like","value":"%Иван%"}"#),
        (#"F.email:ilike "%@EXAMPLE.ru""#, #"{"field":"email","operator":"ilike","value":"%@EXAMPLE.ru"}"#),
        (#"F.last_name:not_like "А%""#, #"{"field":"last_name","operator":"not_like","value":"А%"}"#),
        (#"F.first_name:not_ilike "а%""#, #"{"field":"first_name","operator":"not_ilike","value":"а%"}"#),
        (#"F.first_name:regexp "^(Анна|Иван)$""#, #"{"field":"first_name","operator":"regexp","value":"^(Анна|Иван)$"}"#),
        ("F.id:in_{1, 2, 3}", #"{"field":"id","operator":"in","value":[1,2,3]}"#),
        (#"F.status:not_in{"break", "unknown"}"#, #"{"field":"status","operator":"not_in","value":["break","unknown"]}"#),
        ("F.patronymic:is_null()", #"{"field":"patronymic","operator":"is_null"}"#),
        ("F.email:is_not_null()", #"{"field":"email","operator":"is_not_null"}"#),
        (#"F.allowed_in_call_types:has "external""#, ##"{"field":"allowed_in_call_types","operator":"jsquery","value":"# = \"external\""}"##),
        (
            #"F.allowed_in_call_types:has{"external", "internal"}"#,
            #"{"field":"allowed_in_call_types","operator":"jsquery","value":"$ @> [\"external\", \"internal\"]"}"#
        ),
        (#"F.allowed_out_call_types:overlap{"internal"}"#, #"{"field":"allowed_out_call_types","operator":"overlap","value":["internal"]}"#),
        (
            #"F.allowed_out_call_types:not_overlap{"external"}"#,
            #"{"field":"allowed_out_call_types","operator":"not_overlap","value":["external"]}"#
        ),
        ("F.groups:has{group_id = 3}", ##"{"field":"groups","operator":"jsquery","value":"#(group_id = 3)"}"##),
        (
            #"F.groups:has{group_name = "Продажи", group_id = 3}"#,
            ##"{"field":"groups","operator":"jsquery","value":"#(group_id = 3 AND group_name = \"Продажи\")"}"##
        ),
        (
            "F.coach:has{coach_always_enabled = true, coach_id = 5}",
            #"{"field":"coach","operator":"jsquery","value":"coach_id = 5 AND coach_always_enabled = true"}"#
        ),
        (
            #"F.operator:has{operator_sites = {site_domain_name = "x.ru"}}"#,
            #"{"field":"operator","operator":"jsquery","value":"operator_sites.#(site_domain_name = \"x.ru\")"}"#
        ),
        (
            #"F.phone_numbers:has{status = "inactive", channels_count = {1, 2}}"#,
            ##"{"field":"phone_numbers","operator":"jsquery","value":"#(channels_count IN (1, 2) AND status = \"inactive\")"}"##
        ),
        ("F.extension:exists()", #"{"field":"extension","operator":"is_not_null"}"#),
        (##"F.groups:jsquery "#.group_id = 5""##, ##"{"field":"groups","operator":"jsquery","value":"#.group_id = 5"}"##),
    ]

    @Test(arguments: builders)
    func builderMakesTheAPITable(lua: String, expected: String) throws {
        let harness = try PreludeHarness()
        #expect(try harness.json("return \(lua)") == expected)
    }

    @Test func jsqueryStringsAreEscaped() throws {
        let harness = try PreludeHarness()
        let value = try harness.text(#"return F.groups:has{group_name = 'a"b\\c' .. "\n"}.value"#)
        #expect(value == ##"#(group_name = "a\"b\\c\n")"##)
        #expect(throws: Never.self) { try JSQuery(value) }
    }

    /// Every jsquery `has` builds parses with the reference server's parser and selects the right values.
    @Test func hasExpressionsMatchWhatTheyShould() throws {
        let harness = try PreludeHarness()
        let cases: [(String, String, Bool)] = [
            (
                #"F.groups:has{group_id = 3, group_name = "Продажи"}"#,
                #"[{"group_id":1,"group_name":"Продажи"},{"group_id":3,"group_name":"Продажи"}]"#, true
            ),
            (
                #"F.groups:has{group_id = 3, group_name = "Продажи"}"#,
                #"[{"group_id":1,"group_name":"Продажи"},{"group_id":3,"group_name":"Склад"}]"#, false
            ),
            (
                #"F.operator:has{operator_sites = {site_domain_name = "x.ru"}}"#,
                #"{"operator_sites":[{"site_id":1,"site_domain_name":"y.ru"},{"site_id":2,"site_domain_name":"x.ru"}]}"#, true
            ),
            (
                #"F.operator:has{operator_sites = {site_domain_name = "x.ru"}}"#, #"{"operator_sites":[{"site_id":1,"site_domain_name":"y.ru"}]}"#,
                false
            ),
            (
                #"F.operator:has{operator_login = "ivan", operator_sites = {site_id = {1, 2}}}"#,
                #"{"operator_login":"ivan","operator_sites":[{"site_id":2}]}"#, true
            ),
            (#"F.allowed_in_call_types:has "external""#, #"["internal","external"]"#, true),
            (#"F.allowed_in_call_types:has "external""#, #"["internal"]"#, false),
            (#"~F.allowed_in_call_types:has "external""#, #"["internal"]"#, true),
            (#"F.coach:has{coach_id = 5, coach_always_enabled = false}"#, #"{"coach_id":5,"coach_always_enabled":false}"#, true),
        ]
        for (lua, json, expected) in cases {
            let source = try harness.text("return (\(lua)).value")
            let query = try JSQuery(source)
            #expect(query.matches(try JSON(parsing: json)) == expected, "\(source) on \(json)")
        }
    }

    @Test func andFlattensIntoOneGroup() throws {
        let harness = try PreludeHarness()
        let json = try harness.json(#"return F.status:eq "available" & F.id:gt(1) & F.email:is_not_null()"#)
        #expect(
            json == #"{"condition":"and","filters":[{"field":"status","operator":"=","value":"available"},"#
                + #"{"field":"id","operator":">","value":1},{"field":"email","operator":"is_not_null"}]}"#)
        let mixed = try harness.json("return (F.id:eq(1) | F.id:eq(2)) & (F.id:eq(3) | F.id:eq(4) | F.id:eq(5))")
        #expect(
            mixed == #"{"condition":"and","filters":[{"condition":"or","filters":[{"field":"id","operator":"=","value":1},"#
                + #"{"field":"id","operator":"=","value":2}]},{"condition":"or","filters":[{"field":"id","operator":"=","value":3},"#
                + #"{"field":"id","operator":"=","value":4},{"field":"id","operator":"=","value":5}]}]}"#)
    }

    @Test func handWrittenTablesCombine() throws {
        let harness = try PreludeHarness()
        let json = try harness.json(#"return F.id:eq(1) | {field = "status", operator = "=", value = "break"}"#)
        #expect(json == #"{"condition":"or","filters":[{"field":"id","operator":"=","value":1},{"field":"status","operator":"=","value":"break"}]}"#)
    }

    static let inversions: [(String, String)] = [
        ("=", "!="), ("!=", "="), ("<", ">="), (">=", "<"), (">", "<="), ("<=", ">"),
        ("like", "not_like"), ("not_like", "like"), ("ilike", "not_ilike"), ("not_ilike", "ilike"),
        ("in", "not_in"), ("not_in", "in"), ("overlap", "not_overlap"), ("not_overlap", "overlap"),
        ("is_null", "is_not_null"), ("is_not_null", "is_null"),
    ]

    @Test(arguments: inversions)
    func notInvertsTheOperator(op: String, inverse: String) throws {
        let harness = try PreludeHarness()
        let value: String
        switch op {
        case "like", "not_like", "ilike", "not_ilike": value = #""%a%""#
        case "in", "not_in": value = #"{"break"}"#
        case "overlap", "not_overlap": value = #"{"internal"}"#
        case "is_null", "is_not_null": value = "nil"
        default: value = #""break""#
        }
        let field = op.contains("overlap") ? "allowed_in_call_types" : "status"
        let result = try harness.text(
            "local c = ~F.normalize{field = \"\(field)\", operator = \"\(op)\", value = \(value)} return c.operator")
        #expect(result == inverse)
    }

    @Test func deMorganInvertsGroups() throws {
        let harness = try PreludeHarness()
        let json = try harness.json(#"return ~(F.status:eq "break" & (F.id:lt(10) | F.groups:has{group_id = 3}))"#)
        #expect(
            json == #"{"condition":"or","filters":[{"field":"status","operator":"!=","value":"break"},"#
                + #"{"condition":"and","filters":[{"field":"id","operator":">=","value":10},"#
                + #"{"field":"groups","operator":"jsquery","value":"NOT (#(group_id = 3))"}]}]}"#)
        #expect(try harness.text("local c = F.id:eq(1) return tostring(~c) .. '; ' .. tostring(~~c)") == "id != 1; id = 1")
    }

    @Test func regexpCannotBeInvertedAndSaysWhatToDo() throws {
        let harness = try PreludeHarness()
        let message = harness.error("local c = F.first_name:regexp \"^И\"\n\nlocal d = ~c")
        #expect(message?.hasPrefix("chunk:3: ~ cannot negate first_name regexp \"^И\"") == true)
        #expect(message?.contains("list:where") == true)
    }

    @Test func tostringIsReadable() throws {
        let harness = try PreludeHarness()
        let text = try harness.text(
            #"return tostring(F.status:eq "available" & (F.id:in_{1, 2} | F.patronymic:is_null()) & F.groups:has{group_id = 3})"#)
        #expect(text == #"status = "available" and (id in {1, 2} or patronymic is null) and groups jsquery #(group_id = 3)"#)
    }

    static let lineErrors: [(String, String)] = [
        ("F.nosuch:eq(1)", "chunk:3: F.nosuch: unknown field; fields: id, first_name, last_name, patronymic, full_name, email, status,"),
        (#"F.id:eq "x""#, #"chunk:3: F.id:eq expects a number, got "x""#),
        (
            #"F.status:eq "nope""#,
            #"chunk:3: F.status:eq: "nope" is not a valid status; valid values: "available", "break", "do_not_disturb", "not_at_workplace", "not_at_work", "unknown""#
        ),
        ("F.groups:has(5)", "chunk:3: F.groups:has expects a table of group_id/group_name values, got 5"),
        ("F.groups:has{group_idd = 5}", #"chunk:3: F.groups:has: "group_idd" is not a key of groups; keys: group_id, group_name"#),
        (#"F.groups:has{group_id = "3"}"#, #"chunk:3: F.groups:has (group_id) expects a number, got "3""#),
        (#"F.id:like "1%""#, "chunk:3: F.id:like does not apply to id (number); use :eq, :ne"),
        (#"F.groups:eq(3)"#, "chunk:3: F.groups:eq does not apply to groups (array of objects); use :has, :exists"),
        (#"F.allowed_in_call_types:has "mobile""#, #"chunk:3: F.allowed_in_call_types:has: "mobile" is not a valid allowed_in_call_types"#),
        (#"F.status.eq("break")"#, "chunk:3: call it with a colon: F.<field>:eq(...)"),
        ("F.id:in_(5)", "chunk:3: F.id:in_ expects a list"),
        (#"F.status:in_{"break", "nope"}"#, #"chunk:3: F.status:in_ (item 2): "nope" is not a valid status"#),
        ("F.id:eq(1) & nil", "chunk:3: cannot combine a condition with nil"),
        ("F.id:eq(1) & {field = \"id\"}", "chunk:3: operand.operator: missing operator; one of = != <"),
    ]

    @Test(arguments: lineErrors)
    func errorsNameTheLineThatBuiltTheCondition(code: String, prefix: String) throws {
        let harness = try PreludeHarness()
        let message = harness.error("local a = 1\nlocal b = 2\nlocal c = \(code)\n")
        #expect(message?.hasPrefix(prefix) == true, "\(message ?? "no error")")
    }

    static let normalizeErrors: [(String, String)] = [
        (#"{field = "status", value = "break"}"#, "chunk:2: filter.operator: missing operator; one of = != < <= > >= like"),
        (#"{field = "nosuch", operator = "=", value = 1}"#, #"chunk:2: filter.field: unknown field "nosuch"; fields: id, first_name"#),
        (#"{field = "id", operator = "~", value = 1}"#, #"chunk:2: filter.operator: unknown operator "~"; one of ="#),
        (#"{field = "id", operator = "=", value = "1"}"#, #"chunk:2: filter (id =) expects a number, got "1""#),
        (#"{filters = {{field = "id", operator = "=", value = 1}}}"#, #"chunk:2: filter.condition: expected "and" or "or", got nil"#),
        (#"{filters = {{field = "id", operator = "="}}, condition = "or"}"#, "chunk:2: filter.filters[1] (id =) needs a value"),
        (#"{filters = {}, condition = "and"}"#, "chunk:2: filter.filters: expected a non-empty list of filters"),
        (#"{{field = "id", operator = "=", value = 1}}"#, "chunk:2: filter: a list of filters needs a group"),
        (#"{field = "id", op = "=", value = 1}"#, #"chunk:2: filter: unexpected key "op""#),
        (#"{field = "patronymic", operator = "is_null", value = 3}"#, "chunk:2: filter (patronymic is_null) takes no value, got 3"),
        ("42", "chunk:2: filter: a filter must be a table, got 42"),
    ]

    @Test(arguments: normalizeErrors)
    func normalizeReportsWhatIsWrong(table: String, prefix: String) throws {
        let harness = try PreludeHarness()
        let message = harness.error("local x = 1\nlocal f = F.normalize(\(table))\n")
        #expect(message?.hasPrefix(prefix) == true, "\(message ?? "no error")")
    }

    @Test func normalizeKeepsTheAPIShapeAndAddsOperators() throws {
        let harness = try PreludeHarness()
        let json = try harness.json(
            #"""
            local f = F.normalize{filters = {{field = "status", operator = "in", value = {"break"}},
              {field = "groups", operator = "jsquery", value = "#.group_id = 3"}}, condition = "or"}
            return f & F.id:eq(1)
            """#)
        #expect(
            json == #"{"condition":"and","filters":[{"condition":"or","filters":[{"field":"status","operator":"in","value":["break"]},"#
                + ##"{"field":"groups","operator":"jsquery","value":"#.group_id = 3"}]},{"field":"id","operator":"=","value":1}]}"##)
        #expect(
            try harness.text(#"local ok, err = F.try_normalize{field = "id"} return tostring(ok) .. " " .. err"#)
                == "nil filter.operator: missing operator; one of = != < <= > >= like ilike not_like not_ilike regexp jsquery in not_in overlap not_overlap is_null is_not_null"
        )
    }

    @Test func catalogueIsExported() throws {
        let harness = try PreludeHarness()
        #expect(try harness.text("return table.concat(empsh.fields.order, ',')") == EmployeeField.allCases.map(\.rawValue).joined(separator: ","))
        #expect(
            try harness.text(
                "local o = empsh.fields.fields.operator return o.kind .. ' ' .. tostring(o.filterable) .. ' ' .. o.nested.fields.operator_sites.kind")
                == "object false object_array")
        #expect(try harness.text("return table.concat(empsh.fields.fields.call_recording.values, ',')") == "all,in,out,off")
    }
}
