import Foundation
import TestSupport
import Testing

/// `--record FILE` against `empsh serve`, then `--replay FILE` with the server gone.
@Suite(.serialized) struct RecordReplayCLITests {
    static let token = "record-replay-token-4711"

    /// A script that uses every way of calling: page, count, all with a local part, each, explain, api.call.
    static let script = #"""
        local p = employees.page{ filter = F.status:eq "available", sort = {"last_name"}, fields = {"id", "full_name"}, limit = 5 }
        print("page", p.total, #p.data, p.data[1].full_name)
        print("count", employees.count{ filter = F.groups:has{ group_id = 3 } })
        local rows = employees.all{ filter = F.patronymic:like "%вич" & F.status:ne "not_at_work", fields = {"id", "full_name"} }
        print("all", #rows, rows[1] and rows[1].full_name)
        local n = 0
        for e in employees.each{ fields = {"id"}, page_size = 100 } do n = n + 1 end
        print("each", n)
        print(employees.explain{ filter = F.operator:exists() })
        print("raw", #api.call("get.employees", { limit = 3, fields = {"id"} }).data)
        rows:first(3):show()
        """#

    @Test func aRecordedScriptReplaysIdenticallyWithoutTheServer() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("report.lua").path
        let recording = dir.appendingPathComponent("report.ndjson").path
        try Self.script.write(toFile: script, atomically: true, encoding: .utf8)

        let serve = try ServeProcess.start(["--employees", "400", "--token", Self.token])
        let live = try runEmpsh(["--url", serve.url, "--token", Self.token, "--record", recording, script])
        serve.stop()
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout.contains("each\t400"))

        let replayed = try runEmpsh(["--replay", recording, script], environment: ["EMPSH_URL": serve.url])
        #expect(replayed.status == 0, "\(replayed.stderr)")
        #expect(replayed.stdout == live.stdout)
        let text = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(!text.contains(Self.token))
        #expect(!text.contains("access_token"))
        #expect(text.split(separator: "\n").allSatisfy { $0.hasPrefix(#"{"method":"get.employees","params":{"#) })

        // A replay reads, asks for and warns about no secret, and its script sees none in the environment.
        let secretive = try runEmpsh(
            ["--replay", recording, "--token", "cli-secret-1", "-e", #"print(os.getenv("EMPSH_TOKEN"), os.getenv("EMPSH_PASSWORD"))"#],
            environment: ["EMPSH_TOKEN": "env-secret-2", "EMPSH_PASSWORD": "env-secret-3"])
        #expect(secretive.status == 0, "\(secretive.stderr)")
        #expect(secretive.stdout == "nil\tnil\n")
        #expect(!secretive.stderr.contains("--token"), "\(secretive.stderr)")

        // A call the recording does not hold is an API failure (exit 3) that names the call.
        let other = try runEmpsh(["--replay", recording, "-e", "print(employees.count{ filter = F.id:eq(1) })"])
        #expect(other.status == 3)
        #expect(other.stderr.contains("not_recorded"), "\(other.stderr)")
        #expect(other.stderr.contains(#"get.employees {"#) && other.stderr.contains(#""field":"id""#), "\(other.stderr)")
        #expect(other.stderr.contains("is not in the recording \(recording)"), "\(other.stderr)")
    }

    @Test func aSessionLoginIsNeverWritten() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recording = dir.appendingPathComponent("login.ndjson").path
        let serve = try ServeProcess.start(["--employees", "50", "--token", Self.token])
        defer { serve.stop() }
        let live = try runEmpsh([
            "--url", serve.url, "--login", "demo", "--password", "demo", "--record", recording, "-e", "print(employees.count{})",
        ])
        #expect(live.status == 0, "\(live.stderr)")
        let text = try String(contentsOfFile: recording, encoding: .utf8)
        #expect(!text.contains("login.user") && !text.contains("logout.user") && !text.contains("password"))
        #expect(text.split(separator: "\n").count == 1)
        let replayed = try runEmpsh(["--replay", recording, "-e", "print(employees.count{})"])
        #expect(replayed.stdout == live.stdout)
    }

    @Test func recordAndReplayTogetherOrAMissingFileAreUsageErrors() throws {
        let both = try runEmpsh(["--record", "/tmp/x", "--replay", "/tmp/y", "-e", "print(1)"])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--record and --replay cannot be combined"))
        let missing = try runEmpsh(["--replay", "/nonexistent/recording.ndjson", "-e", "print(1)"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the recording /nonexistent/recording.ndjson"), "\(missing.stderr)")
    }
}
