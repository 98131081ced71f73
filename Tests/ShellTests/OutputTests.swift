import Lua
import Testing

@testable import Shell

@Suite struct OutputTests {
    static let widths: [(String, Int)] = [
        ("abc", 3), ("Иванов", 6), ("Ёлкин", 5), ("王秀英", 6), ("한국어", 6), ("Ａ", 2), ("ｶ", 1),
        ("e\u{301}", 1), ("Nu\u{301}n\u{303}ez", 5), ("\u{301}", 0), ("\u{200B}", 0),
        ("😀", 2), ("🇷🇺", 2), ("👨‍👩‍👧", 2), ("👍🏽", 2), ("❤️", 2), ("❤", 1), ("1️⃣", 2),
    ]

    @Test(arguments: widths)
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func truncationCutsWholeClustersAndAddsAnEllipsis() {
        #expect(DisplayWidth.truncate("Иванов Иван", to: 5) == "Иван…")
        #expect(DisplayWidth.truncate("王秀英", to: 5) == "王秀…")
        #expect(DisplayWidth.truncate("王秀英", to: 4) == "王…")
        #expect(DisplayWidth.truncate("Jose\u{301}e\u{301}x", to: 5) == "Jose\u{301}…")
        #expect(DisplayWidth.truncate("abc", to: 3) == "abc")
    }

    @Test func showAlignsByDisplayWidth() throws {
        let h = try PreludeHarness()
        let text = try h.written(
            #"""
            List.new{
              { id = 7, full_name = "Иванов Иван", status = "available" },
              { id = 12, full_name = "王秀英", status = "break" },
              { id = 105, full_name = "Jose\u{301} Nu\u{301}n\u{303}ez", status = json.null },
            }:show{ "id", "full_name", "status" }
            """#)
        #expect(
            text == """
                 id  full_name    status
                ---  -----------  ---------
                  7  Иванов Иван  available
                 12  王秀英       break
                105  Jose\u{301} Nu\u{301}n\u{303}ez
                (3 rows)

                """)
    }

    @Test func nestedValuesAreCompactJSONOrACount() throws {
        let h = try PreludeHarness()
        let text = try h.text(
            #"""
            return List.new{
              { id = 1, groups = { { group_id = 3, group_name = "Продажи" } }, operator = json.null, ok = true, ratio = 2.5 },
              { id = 2, groups = { { group_id = 3, group_name = "Продажи" }, { group_id = 5, group_name = "Склад" } },
                operator = { operator_login = "x" }, ok = false, ratio = 10 },
            }:render({ "id", "groups", "operator", "ok", "ratio" }, "table")
            """#)
        func l(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: w - s.count) }
        // Piped output: every nested value in full, as compact JSON.
        let groups = #"[{"group_id":3,"group_name":"Продажи"}]"#
        let both = #"[{"group_id":3,"group_name":"Продажи"},{"group_id":5,"group_name":"Склад"}]"#
        let op = #"{"operator_login":"x"}"#
        let w = both.count
        let expected = [
            "id  " + l("groups", w) + "  " + l("operator", 22) + "  " + l("ok", 5) + "  ratio",
            "--  " + String(repeating: "-", count: w) + "  " + String(repeating: "-", count: 22) + "  -----  -----",
            " 1  " + l(groups, w) + "  " + l("", 22) + "  " + l("true", 5) + "    2.5",
            " 2  " + l(both, w) + "  " + l(op, 22) + "  " + l("false", 5) + "     10",
            "(2 rows)", "",
        ].joined(separator: "\n")
        #expect(text == expected)
    }

    @Test func longCellsAreCutAndControlsEscaped() {
        let table = OutputTable(columns: ["name", "note"], rows: [[.text("Иванов Иван"), .text("a\tb\nc")], [.text("王秀英王"), .absent]])
        #expect(
            TableRenderer(maxCellWidth: 5).render(table) == """
                name   note
                -----  -----
                Иван…  a\\tb…
                王秀…
                (2 rows)

                """)
    }

    @Test func csvQuotesPerRFC4180() {
        let table = OutputTable(
            columns: ["a", "b,c"],
            rows: [[.text("x\"y"), .text("line1\nline2")], [.null, .integer(3)], [.boolean(true), .number(0.5)]])
        #expect(CSVWriter().write(table) == "a,\"b,c\"\r\n\"x\"\"y\",\"line1\nline2\"\r\n,3\r\ntrue,0.5\r\n")
    }

    /// A group_by result is a list like any other: show draws its rows {key=, count=, rows=}.
    @Test func groupListsShowTheirRows() throws {
        let h = try PreludeHarness()
        try h.run(employeeRows)
        let text = try h.written(#"rows:group_by("status"):show{ "key", "count" }"#)
        #expect(
            text == """
                key          count
                -----------  -----
                available        2
                break            1
                not_at_work      1
                (3 rows)

                """)
        #expect(
            try h.text(#"return rows:group_by("status"):render({ "key", "count" }, "csv")"#)
                == "key,count\r\navailable,2\r\nbreak,1\r\nnot_at_work,1\r\n")
        #expect(
            try h.text(#"return rows:where{id = 2}:group_by("status"):to_json()"#).hasPrefix(
                #"[{"count":1,"key":"break","rows":[{"first_name":"Анна""#))
    }

    @Test func showFollowsTheShellsFormat() throws {
        let h = try PreludeHarness()
        try h.run(employeeRows)
        h.output.format = .csv
        #expect(try h.written(#"rows:first(1):show{ "id", "full_name" }"#) == "id,full_name\r\n1,Иванов Иван\r\n")
        h.output.format = .ndjson
        #expect(
            try h.written(#"rows:first(2):show{ "id", "patronymic" }"#) == "{\"id\":1,\"patronymic\":\"Петрович\"}\n{\"id\":2,\"patronymic\":null}\n")
        h.output.format = .json
        #expect(
            try h.written(#"rows:first(2):show{ "id", "operator.operator_login" }"#)
                == "[{\"id\":1,\"operator.operator_login\":\"ivanov\"},{\"id\":2}]\n")
        #expect(try h.written("List.new{}:show()") == "[]\n")
        #expect(try h.text(#"return empsh.format("table") .. " " .. empsh.format()"#) == "table table")
        #expect(h.output.format == .table)
        #expect(
            h.error(#"empsh.format("xml")"#)?.hasPrefix(#"chunk:1: unknown output format "xml"; formats: table, json, csv, ndjson, line"#) == true)
    }

    @Test func columnsDefaultToTheCatalogueOrder() throws {
        let h = try PreludeHarness()
        #expect(
            try h.text(#"return List.new{{ zeta = 1, status = "a", id = 2 }, { full_name = "x", count = 3, alpha = 0 }}:to_csv()"#)
                == "count,id,full_name,status,alpha,zeta\r\n,2,,a,,1\r\n3,,x,,0,\r\n")
        #expect(try h.text(#"return List.new{ "a", 2 }:to_csv()"#) == "value\r\na\r\n2\r\n")
        #expect(try h.written("List.new{}:show()") == "(0 rows)\n")
    }
}
