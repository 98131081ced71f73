import DataAPIContract
import Foundation
import TestSupport
import Testing

/// What a person sees at a 100-column terminal, and what a pipe gets.
@Suite(.serialized) struct TerminalOutputTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture(environment: [:]) }
    /// The lines shown, without the terminal's carriage returns and colours.
    static func lines(_ shown: String) -> [String] {
        strippingANSI(shown).replacingOccurrences(of: "\r", with: "").split(separator: "\n").map(String.init)
    }

    /// Terminal columns of a line, counting each scalar as the tests' fixtures need (no wide text here
    /// but Cyrillic, which is one column per letter).
    static func columns(_ line: String) -> Int { line.count }

    @Test func fullRowsFitA100ColumnTerminalInTheVerticalLayout() throws {
        let session = try fixture.start()
        session.send("employees.all{limit = 3}\r")
        let shown = strippingANSI(try session.expect("(3 rows)"))
        let lines = Self.lines(shown).dropFirst()
        #expect(lines.allSatisfy { Self.columns($0) <= 100 }, "\(lines.filter { Self.columns($0) > 100 })")
        #expect(shown.contains("-[ 1 ]-"))
        #expect(shown.contains("-[ 3 ]-"))
        for field in EmployeeField.allCases { #expect(shown.contains("\n" + field.rawValue + " "), "\(field.rawValue)") }
        #expect(try session.quit() == 0)
    }

    @Test func narrowColumnsStayATableAndModeLineIsVertical() throws {
        let session = try fixture.start()
        session.send("employees.all{limit = 2, fields = {\"id\", \"full_name\", \"status\"}}\r")
        let table = strippingANSI(try session.expect("(2 rows)"))
        #expect(table.contains("full_name"))
        #expect(table.contains("----"))
        session.send(".mode line\r")
        try session.expect("empsh> ")
        session.send("employees.all{limit = 1, fields = {\"id\", \"full_name\"}}\r")
        let record = strippingANSI(try session.expect("(1 row)"))
        #expect(record.contains("-[ 1 ]-"))
        #expect(record.contains("\nid         1"))
        #expect(try session.quit() == 0)
    }

    @Test func countByChartsProportionalBars() throws {
        let session = try fixture.start()
        session.send("employees.all{}:count_by(\"status\"):chart(); print('done')\r")
        let shown = try session.expect("done\r\n")
        let bars = Self.lines(shown).filter { $0.contains("█") }
        #expect(bars.count >= 3, "\(shown)")
        #expect(bars.allSatisfy { Self.columns($0) <= 100 })
        let eighths = ["▏": 1, "▎": 2, "▍": 3, "▌": 4, "▋": 5, "▊": 6, "▉": 7] as [Character: Int]
        let measured: [(length: Int, value: Int)] = bars.map { line in
            let length = line.reduce(0) { $0 + ($1 == "█" ? 8 : eighths[$1] ?? 0) }
            return (length, Int(line.split(separator: " ").last ?? "") ?? -1)
        }
        let top = try #require(measured.first)
        #expect(top.length > 8 * 50)
        for bar in measured {
            let expected = Double(bar.value) / Double(top.value) * Double(top.length)
            #expect(abs(Double(bar.length) - expected) <= 1, "\(bar)")
        }
        #expect(try session.quit() == 0)
    }

    @Test func formatLineOnTheCommandLine() throws {
        let result = try runEmpsh(["--format", "line", "-e", "employees.all{limit = 1, fields = {'id', 'groups'}}:show()"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("-[ 1 ]"))
        #expect(result.stdout.contains("\ngroups  ["))
        #expect(result.stdout.hasSuffix("(1 row)\n"))
    }

    @Test func pipedOutputKeepsTheWholeTable() throws {
        let result = try runEmpsh(["-e", "employees.all{limit = 3}:show()"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Self.lines(result.stdout)
        #expect(lines.contains { Self.columns($0) > 100 })
        #expect(lines[1].hasPrefix("--"))
        #expect(!result.stdout.contains("\u{1B}"))
        #expect(result.stdout.hasSuffix("(3 rows)\n"))
    }
}
