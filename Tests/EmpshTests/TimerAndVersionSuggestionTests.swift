import Foundation
import TestSupport
import Testing

/// `.timer` counts the points a line really spent, and a mistyped `--version` is named.
@Suite struct TimerAndVersionSuggestionTests {
    /// The `.timer` lines of a REPL run, in order.
    private func timerLines(_ stderr: String) -> [String] {
        stderr.components(separatedBy: "\n").filter { $0.hasPrefix("time ") }
    }

    @Test func theTimerCountsPointsSpentNotRepliesFromTheCache() throws {
        let lines = [
            ".cache on", ".timer on", "a = employees.all{fields = {\"id\"}}", "b = employees.all{fields = {\"id\"}}",
            "n = employees.count{}", "#a + #b",
        ]
        let result = try runEmpsh(["-i"], stdin: lines.joined(separator: "\n") + "\n")
        #expect(result.status == 0, "\(result.stderr)")
        let timed = timerLines(result.stderr)
        try #require(timed.count == 4, "\(result.stderr)")
        // The first fetch is a call; the same one again is answered from the cache: no point.
        #expect(timed[0].contains("; 1 points (1 calls), 1 pages, 250 rows"), "\(timed[0])")
        #expect(timed[1].contains("; 0 points (1 calls), 1 pages, 250 rows"), "\(timed[1])")
        #expect(timed[2].contains("; 1 points (1 calls), 0 pages, 0 rows"), "\(timed[2])")
        #expect(timed[3].contains("; 0 points (0 calls)"), "\(timed[3])")
        #expect(result.stdout.contains("500"))
    }

    @Test func aMistypedVersionOptionNamesIt() throws {
        for typed in ["--verison", "--versoin", "--vresion"] {
            let result = try runEmpsh([typed])
            #expect(result.status == 2)
            #expect(result.stderr.contains("Unknown option '\(typed)'. Did you mean '--version'?"), "\(result.stderr)")
        }
    }
}
