import Testing

@testable import Shell

/// `list:chart`, groups' `chart`, and the bar chart itself.
@Suite struct ChartTests {
    @Test func barsAreProportionalWithEighthBlocks() {
        let text = BarChart(width: 30).render(labels: ["a", "bb", "Ёж"], values: [16, 8, 1], valueTexts: ["16", "8", "1"])
        // 30 − label 2 − 2 spaces − 1 − value 2 = 23 columns for the longest bar.
        #expect(
            text == """
                a   ███████████████████████ 16
                bb  ███████████▌ 8
                Ёж  █▌ 1

                """)
    }

    @Test func zeroAndNegativeValuesDrawNoBar() {
        #expect(BarChart.eighths(0, of: 10, in: 20) == 0)
        #expect(BarChart.eighths(-3, of: 10, in: 20) == 0)
        #expect(BarChart.eighths(5, of: 0, in: 20) == 0)
        #expect(BarChart.eighths(10, of: 10, in: 20) == 160)
        #expect(BarChart(width: 20).render(labels: ["x"], values: [0], valueTexts: ["0"]) == "x  0\n")
    }

    @Test func wideLabelsAlignByDisplayWidth() {
        let text = BarChart(width: 40).render(labels: ["王秀英", "e\u{301}x"], values: [2, 1], valueTexts: ["2", "1"])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
        #expect(DisplayWidth.of(String(lines[0].prefix { $0 != "█" })) == DisplayWidth.of(String(lines[1].prefix { $0 != "█" })))
    }

    @Test func listChartTakesALabelAndAValue() throws {
        let h = try PreludeHarness(terminalWidth: 24)
        let text = try h.written("List.new{ { n = 'x', v = 4 }, { n = 'y', v = 2.5 } }:chart('n', 'v')")
        #expect(text == "x  " + String(repeating: "█", count: 17) + " 4\ny  " + String(repeating: "█", count: 10) + "▋ 2.5\n")
    }

    @Test func countByAndGroupByChartWithoutArguments() throws {
        let h = try PreludeHarness(terminalWidth: 20)
        let rows = "List.new{ { s = 'a' }, { s = 'b' }, { s = 'a' }, {} }"
        #expect(try h.written("\(rows):count_by('s'):chart()") == "a       ██████████ 2\nb       █████ 1\n(null)  █████ 1\n")
        #expect(try h.written("\(rows):group_by('s'):chart()") == "a       ██████████ 2\nb       █████ 1\n(null)  █████ 1\n")
        // Still after other list methods, and by several keys with one label per row.
        let kept = try h.written("\(rows):group_by('s'):where(function(g) return g.count > 1 end):chart()")
        #expect(kept.hasPrefix("a  █") && kept.hasSuffix("█ 2\n") && !kept.dropLast().contains("\n"), "\(kept)")
        let two = "List.new{ { s = 'a', g = 'Продажи' }, { s = 'a', g = 'Продажи' }, { s = 'b' } }"
        let lines = try h.written("\(two):count_by{'s', 'g'}:chart()").split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("a / Про") && lines[0].hasSuffix(" 2"), "\(lines)")
        #expect(lines.count == 2 && lines[1].hasPrefix("b / (nu") && lines[1].hasSuffix(" 1"), "\(lines)")
    }

    @Test func dataFormatsPrintTheNumbers() throws {
        let h = try PreludeHarness(format: .csv)
        #expect(try h.written("List.new{ { s = 'a' }, { s = 'a' } }:count_by('s'):chart()") == "key,count\r\na,2\r\n")
        h.output.format = .json
        #expect(try h.written("List.new{ { n = 'x', v = 4 } }:chart('n', 'v')") == #"[{"n":"x","v":4}]"# + "\n")
    }

    @Test func chartRefusesWhatItCannotDraw() throws {
        let h = try PreludeHarness()
        #expect(h.error("List.new{ { a = 1 } }:chart()")?.contains("chart expects a label and a value") == true)
        #expect(h.error("List.new{ { a = 'x' } }:chart('a', 'a')")?.contains("the value of row 1 must be a number") == true)
    }
}
