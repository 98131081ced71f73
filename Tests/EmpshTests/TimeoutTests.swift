import Foundation
import TestSupport
import Testing

/// `--timeout` bounds the time spent waiting on the network too, not only Lua instructions.
@Suite struct TimeoutTests {
    /// A server that accepts connections and never answers; its port is printed first.
    static let silentServer = """
        import socket, sys, time
        s = socket.socket(); s.bind(("127.0.0.1", 0)); s.listen(16)
        print(s.getsockname()[1], flush=True)
        held, end = [], time.time() + 60
        s.settimeout(0.5)
        while time.time() < end:
            try: held.append(s.accept()[0])
            except OSError: pass
        """

    /// Starts `silentServer`, runs `body` with its port, and stops the server.
    static func withSilentServer<Result>(_ body: (Int) throws -> Result) throws -> Result {
        let server = processOnPath(["python3", "-c", silentServer])
        let out = Pipe()
        server.standardOutput = out
        try server.run()
        defer { server.terminate() }
        let line = String(decoding: out.fileHandleForReading.availableData, as: UTF8.self)
        return try body(try #require(Int(line.trimmingCharacters(in: .whitespacesAndNewlines))))
    }

    @Test(arguments: ["print(employees.count{})", "for e in employees.each{} do end", "employees.all{}"])
    func timeoutStopsAWaitForASilentServer(code: String) throws {
        var start = Date()
        let result = try Self.withSilentServer { port in
            start = Date()
            return try runEmpsh(["--timeout", "1", "--url", "http://127.0.0.1:\(port)/v2.0", "--token", "k", "-e", code], timeout: 40)
        }
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"))
        #expect(Date().timeIntervalSince(start) < Watchdog.seconds(expecting: 1.5))
    }

    /// Like Redis's script timeout: once `--timeout` has passed, `pcall` cannot swallow it. A
    /// fetch the deadline stops raises, and so does every API call after it, and a run that
    /// returns past a caught limit still fails (exit 1, nothing after it runs).
    @Test(arguments: [
        "local ok, e = pcall(employees.count, {}) print('went on', ok, e)",
        "pcall(employees.all, {}) print('went on')",
        "local ok = pcall(employees.all, {}) local ok2 = pcall(employees.count, {}) print('went on', ok, ok2)",
        "return pcall(employees.count, {})",
    ])
    func aScriptCannotCatchATimeoutDuringAFetch(code: String) throws {
        let result = try Self.withSilentServer { port in
            try runEmpsh(["--timeout", "1", "--url", "http://127.0.0.1:\(port)/v2.0", "-e", code], environment: ["EMPSH_TOKEN": "k"], timeout: 30)
        }
        #expect(result.status == 1, "\(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"))
        #expect(!result.stdout.contains("went on"), "\(result.stdout)")
    }

    /// A script's own hooks run under `--timeout` (a line hook counts lines), and none lifts it:
    /// a script that sets a hook, on the main thread or a coroutine, then loops for ever, still
    /// ends at its time limit with exit 1 (not by the watchdog).
    @Test(arguments: [
        "local n = 0 debug.sethook(function() n = n + 1 end, 'l') while true do end",
        "debug.sethook(function() end, 'crl', 1) while true do local x = {} end",
        "debug.sethook() while true do end",
        "coroutine.wrap(function() debug.sethook(function() end, 'l') while true do end end)()",
        "local co = coroutine.create(function() while true do end end) debug.sethook(co, function() end, 'l') coroutine.resume(co) error(select(2, coroutine.resume(co)))",
        "debug.sethook(function() pcall(function() end) end, 'l') while true do pcall(function() while true do end end) end",
    ])
    func aScriptHookCannotLiftTheTimeout(code: String) throws {
        let result = try runEmpsh(["--timeout", "0.5", "-e", code], timeout: 60)
        #expect(result.status == 1, "\(code): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"), "\(result.stderr)")
        #expect(!result.stderr.contains("watchdog"), "\(result.stderr)")
    }

    @Test func aLineHookCountsLinesUnderATimeout() throws {
        let code = """
            local lines = 0
            debug.sethook(function(event, line) lines = lines + 1 end, "l")
            for i = 1, 3 do
              local x = i
            end
            debug.sethook()
            print(lines, debug.gethook())
            """
        let result = try runEmpsh(["--timeout", "30", "-e", code])
        // The for line 4 times (3 iterations and the exit), its body 3 times, and the sethook line: 8.
        #expect(result.stdout == "8\tnil\n", "\(result.stderr)")
        let lua = try runSystemLua(code)
        #expect(lua == nil || lua == result.stdout)
    }

    /// `list:chart` and the renderers check the deadline in their Swift loops.
    @Test func aLongChartStopsAtTheDeadline() throws {
        let code = """
            local labels, values = {}, {}
            for i = 1, 400000 do labels[i] = "отдел " .. i values[i] = i end
            print(#empsh.chart(labels, values))
            """
        // The chart alone takes several seconds in a debug build: without its checks the
        // watchdog would end the run (124) a second past the deadline.
        let result = try runEmpsh(["--timeout", "2", "-e", code], timeout: 120)
        #expect(result.status == 1 && result.stderr.contains("time limit exceeded"), "\(result.stderr)")
        #expect(!result.stderr.contains("watchdog"), "\(result.stderr)")
    }

    /// What lua5.4 prints for `code`, or nil when it is not installed.
    func runSystemLua(_ code: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: "/usr/bin/lua5.4") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/lua5.4")
        process.arguments = ["-e", code]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
