import Testing

@testable import Shell

/// Tables that fit a terminal, the vertical layout, and piped output left whole.
@Suite struct FittedOutputTests {
    static let wide = """
        local rows = {}
        for i = 1, 3 do
          rows[i] = { id = 1000 + i, full_name = "Иванов Иван Петрович " .. i, email = "ivanov" .. i .. "@example.com",
                      status = "available", groups = { { group_id = 1, group_name = "Продажи" }, { group_id = 2, group_name = "王秀英" } },
                      coach = { coach_id = 1014, coach_name = "Смирнова Анна Сергеевна" }, note = "e\\u{301}e\\u{301} 😀 long note text here" }
        end
        return List.new(rows)
        """

    func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

    @Test(arguments: [100, 60, 40])
    func noLineIsWiderThanTheTerminal(width: Int) throws {
        let h = try PreludeHarness(terminalWidth: width)
        let text = try h.written("(function() \(Self.wide) end)():show{ 'id', 'full_name', 'email', 'status', 'groups', 'coach', 'note' }")
        for line in lines(text) { #expect(DisplayWidth.of(String(line)) <= width, "\(line)") }
        #expect(text.hasSuffix("(3 rows)\n"))
    }

    @Test func columnsShrinkFairlyWithAnEllipsis() throws {
        let h = try PreludeHarness(terminalWidth: 80)
        let text = try h.written("(function() \(Self.wide) end)():show{ 'id', 'full_name', 'email', 'groups', 'coach' }")
        let shown = lines(text)
        #expect(shown.first == "  id  full_name               email                groups     coach")
        #expect(shown[2] == "1001  Иванов Иван Петрович 1  ivanov1@example.com  [2 items]  {coach_id=1014, …}")
        #expect(shown.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
    }

    @Test func fitCutsTheWidestColumnsToACommonCap() {
        #expect(TableRenderer.fit([4, 30, 30], into: 40) == [4, 18, 18])
        #expect(TableRenderer.fit([4, 10, 30], into: 40) == [4, 10, 26])
        #expect(TableRenderer.fit([4, 10, 30], into: 60) == [4, 10, 30])
        #expect(TableRenderer.fit([20, 20, 20, 20], into: 30) == nil)
    }

    @Test func tooManyColumnsSwitchToTheVerticalLayout() throws {
        let h = try PreludeHarness(terminalWidth: 40)
        let text = try h.written("(function() \(Self.wide) end)():show{ 'id', 'full_name', 'email', 'status', 'groups', 'coach' }")
        let shown = lines(text)
        #expect(shown[0].hasPrefix("-[ 1 ]---"))
        #expect(shown[1] == "id         1001")
        #expect(shown[2] == "full_name  Иванов Иван Петрович 1")
        #expect(shown[5] == "groups     [2 items]")
        #expect(shown[6] == "coach      {coach_id=1014, …}")
        #expect(shown.allSatisfy { DisplayWidth.of(String($0)) <= 40 })
        #expect(text.hasSuffix("(3 rows)\n"))
    }

    @Test func lineFormatIsVerticalAndWholeWhenPiped() throws {
        let h = try PreludeHarness(format: .line)
        let text = try h.written(
            "List.new{ { id = 7, full_name = 'Ёлкин Пётр', groups = { { group_id = 1 } } } }:show{ 'id', 'full_name', 'groups', 'email' }")
        #expect(
            text == """
                -[ 1 ]---------------------
                id         7
                full_name  Ёлкин Пётр
                groups     [{"group_id":1}]
                email
                (1 row)

                """)
    }

    @Test func pipedTablesStayWhole() throws {
        let piped = try PreludeHarness()
        let text = try piped.written("(function() \(Self.wide) end)():show{ 'id', 'full_name', 'email', 'status', 'coach' }")
        #expect(lines(text).contains { DisplayWidth.of(String($0)) > 100 })
        // The full, untruncated table: nested values as whole JSON, nothing cut or summarised.
        #expect(text.contains(#"{"coach_id":1014,"coach_name":"Смирнова"#))
        #expect(!text.contains("…"))
    }

    @Test func groupsFollowTheLineFormat() throws {
        let h = try PreludeHarness(format: .line)
        let text = try h.written("List.new{ { id = 1, s = 'a' } }:group_by('s'):show()")
        #expect(text == "-[ 1 ]-------------------\nkey    a\ncount  1\nrows   [{\"id\":1,\"s\":\"a\"}]\n(1 row)\n")
    }

    @Test func summariesKeepDisplayWidth() {
        let cell = OutputCell.nested(json: #"{"name":"王秀英","x":"e\#u{301}"}"#, items: nil)
        #expect(CellSummary.text(cell, width: 40) == #"{"name":"王秀英","x":"e\#u{301}"}"#)
        #expect(CellSummary.text(cell, width: 20) == "{name=王秀英, x=e\u{301}}")
        #expect(CellSummary.text(cell, width: 16) == "{name=王秀英, …}")
        #expect(CellSummary.text(.nested(json: "[1,2,3,4,5,6,7,8,9]", items: nil), width: 10) == "[9 items]")
    }
}
