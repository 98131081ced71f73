import Foundation
import TestSupport
import Testing

/// `.watch` in the REPL and `employees.watch` in a script, on a churning demo account at a terminal.
@Suite(.serialized) struct WatchSessionTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture(environment: ["EMPSH_DEMO_CHURN": "40"]) }

    @Test func replWatchRedrawsAndMarksWhatChanged() throws {
        let session = try fixture.start()
        session.send(".watch 1 employees.all{filter = F.status:eq \"available\", fields = {\"id\", \"full_name\"}}\r")
        try session.expect("Every 1s: employees.all")
        try session.expect("rows)")
        let redraw = try session.expect("Every 1s: employees.all")
        let second = try session.expect("rows)")
        let lines = strippingANSI(second).replacingOccurrences(of: "\r", with: "").split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("Δ") })
        let marked = lines.filter { $0.hasPrefix("+ ") || $0.hasPrefix("× ") || $0.hasPrefix("~ ") }
        #expect(!marked.isEmpty, "\(second)")
        // A row that went is marked ×, never with the rule's "-".
        #expect(!lines.contains { $0.hasPrefix("- ") && !$0.allSatisfy { $0 == "-" || $0 == " " } }, "\(second)")
        #expect(redraw.contains("\u{1B}[H\u{1B}[2J"))
        session.send("\u{3}")
        try session.expect("interrupted")
        try session.expect("empsh> ")
        try session.converse("1 + 1 ⇒ 2")
        #expect(try session.quit() == 0)
    }

    /// A chart, a count_by and a group_by redraw on each run; changed counts are marked.
    @Test func replWatchRedrawsChartsAndAggregates() throws {
        let session = try fixture.start()
        session.send(".watch 1 employees.all{}:count_by(\"status\"):chart()\r")
        try session.expect("Every 1s: employees.all{}:count_by")
        let chart = try session.expect("Every 1s: employees.all{}:count_by")
        #expect(chart.contains("█") && chart.contains("available"), "\(chart)")
        #expect(!strippingANSI(chart).contains("\nnil"), "\(chart)")
        session.send("\u{3}")
        try session.expect("empsh> ")
        session.send(".watch 1 employees.all{}:group_by(\"status\")\r")
        try session.expect("Every 1s: employees.all{}:group_by")
        try session.expect("rows)")
        var changed = false
        for _ in 0..<4 where !changed {
            try session.expect("Every 1s: employees.all{}:group_by")
            let frame = strippingANSI(try session.expect("rows)")).replacingOccurrences(of: "\r", with: "")
            let lines = frame.split(separator: "\n")
            #expect(lines.contains { $0.hasPrefix("Δ") && $0.contains("key") && $0.contains("count") }, "\(frame)")
            changed = lines.contains { $0.hasPrefix("~ ") && $0.contains("[") }
        }
        #expect(changed)
        session.send("\u{3}")
        try session.expect("empsh> ")
        #expect(try session.quit() == 0)
    }

    @Test func watchReportsRealChangesFromAChurningServer() throws {
        let server = try LocalServe(extra: ["--churn", "30"])
        let code = """
            for change in employees.watch{ fields = {"status"}, every = 1 } do
              print(change.poll, #change.added, #change.changed)
              if change.poll == 3 then break end
            end
            """
        let result = try runEmpsh(["--url", server.url, "--token", server.token, "-e", code])
        #expect(result.status == 0, "\(result.stderr)")
        let polls = result.stdout.split(separator: "\n").map { $0.split(separator: "\t").compactMap { Int($0) } }
        #expect(polls.count == 3)
        #expect(polls.first == [1, 120, 0])
        #expect(polls.dropFirst().allSatisfy { $0.count == 3 && $0[1] == 0 && $0[2] > 0 }, "\(result.stdout)")
        #expect(result.stderr.contains("watch: each poll costs 1 point, 60 a minute of the account's 120"))
    }

    @Test func ctrlCStopsAWatchingScriptCleanly() throws {
        let directory = try makeTemporaryDirectory()
        let script = directory.appendingPathComponent("w.lua")
        try """
        for change in employees.watch{ fields = {"status"}, every = 0.5 } do
          print("poll " .. change.poll .. " changed " .. #change.changed)
        end
        """.write(to: script, atomically: true, encoding: .utf8)
        let session = try fixture.launch([script.path])
        try session.expect("watch: each poll costs 1 point")
        try session.expect("poll 1 changed 0")
        try session.expect("poll 2 changed ")
        session.send("\u{3}")
        try session.expect("interrupted")
        #expect(try session.waitForExit() == 130)
    }
}
