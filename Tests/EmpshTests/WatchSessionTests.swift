import Foundation
import Testing
import TestSupport

/// `employees.watch` in a script, against a churning server and on a churning demo account at a terminal.
@Suite(.serialized) struct WatchSessionTests {
    let state: URL

    init() throws {
        state = try makeTemporaryDirectory()
    }

    func start(_ arguments: [String] = []) throws -> PTYSession {
        let session = try PTYSession(
            arguments, environment: ["XDG_STATE_HOME": state.path, "HOME": state.path, "EMPSH_DEMO_CHURN": "40"])
        return session
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
        let session = try start([script.path])
        try session.expect("watch: each poll costs 1 point")
        try session.expect("poll 1 changed 0")
        try session.expect("poll 2 changed ")
        session.send("\u{3}")
        try session.expect("interrupted")
        #expect(try session.waitForExit() == 130)
    }
}
