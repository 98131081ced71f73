import TestSupport
import Testing

@testable import Shell

/// Colour: bold headers, dim nulls, watch marks; never without a terminal or with NO_COLOR.
@Suite struct ColorTests {
    static let rows = "List.new{ { id = 1, full_name = 'Ёлкин Пётр', status = 'available' }, { id = 22, status = json.null } }"

    func harness(width: Int?, color: ColorMode, noColor: Bool = false) throws -> PreludeHarness {
        let h = try PreludeHarness(terminalWidth: width)
        h.output.color = color
        h.output.noColor = noColor
        return h
    }

    @Test func headersAreBoldAndNullsDimOnATerminal() throws {
        let h = try harness(width: 80, color: .auto)
        let text = try h.written("\(Self.rows):show{ 'id', 'full_name', 'status' }")
        #expect(text.hasPrefix("\u{1B}[1mid\u{1B}[0m  \u{1B}[1mfull_name\u{1B}[0m   \u{1B}[1mstatus\u{1B}[0m\n"))
        #expect(text.contains("\u{1B}[2mnull\u{1B}[0m"))
        #expect(
            strippingANSI(text) == """
                id  full_name   status
                --  ----------  ---------
                 1  Ёлкин Пётр  available
                22              null
                (2 rows)

                """)
    }

    @Test func noColorWithoutATerminalWithNOCOLORorNever() throws {
        for h in [try harness(width: nil, color: .auto), try harness(width: 80, color: .auto, noColor: true), try harness(width: 80, color: .never)] {
            let text = try h.written("\(Self.rows):show()")
            #expect(!text.contains("\u{1B}"))
            h.output.format = .line
            #expect(!(try h.written("\(Self.rows):show()")).contains("\u{1B}"))
        }
        let always = try harness(width: nil, color: .always)
        #expect(try always.written("\(Self.rows):show()").contains("\u{1B}[1mid"))
    }

    @Test func watchMarksColourRowsAndChangedCells() throws {
        let h = try harness(width: 80, color: .always)
        let text = try h.text(
            """
            return empsh.render(List.new{ { id = 1, status = "break" }, { id = 2, status = "available" }, { id = 3, status = "x" } },
              { "id", "status" }, nil, { "+", { "status" }, "-" })
            """)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[2] == " \u{1B}[32m1\u{1B}[0m  \u{1B}[32mbreak\u{1B}[0m")
        #expect(lines[3] == " 2  \u{1B}[1;33mavailable\u{1B}[0m")
        #expect(lines[4] == " \u{1B}[31m3\u{1B}[0m  \u{1B}[31mx\u{1B}[0m")
    }

    @Test func verticalLayoutHasBoldNamesAndKeepsWidth() throws {
        let h = try harness(width: 30, color: .always)
        h.output.format = .line
        let text = try h.written("\(Self.rows):show{ 'id', 'full_name', 'status' }")
        #expect(text.contains("\u{1B}[1mfull_name\u{1B}[0m  Ёлкин Пётр\n"))
        #expect(text.contains("\u{1B}[1mstatus\u{1B}[0m     \u{1B}[2mnull\u{1B}[0m\n"))
        for line in strippingANSI(text).split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 30) }
    }
}
