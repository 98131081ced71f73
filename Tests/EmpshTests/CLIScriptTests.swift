import Foundation
import TestSupport
import Testing

@Suite struct CLIScriptTests {
    @Test(arguments: [
        ("os.execute('true')", "os.execute is disabled by --safe"),
        ("io.open('x.txt', 'w')", "io.open in mode 'w' is disabled by --safe"),
        ("io.open('x.txt', 'a+')", "io.open in mode 'a+' is disabled by --safe"),
        ("debug.getinfo(1)", "debug.getinfo is disabled by --safe"),
        ("io.popen('ls')", "io.popen is disabled by --safe"),
        ("os.remove('x.txt')", "os.remove is disabled by --safe"),
        ("package.loadlib('x', 'y')", "package.loadlib is disabled by --safe"),
        ("io.output('x.txt')", "io.output to a file is disabled by --safe"),
    ])
    func safeRefuses(code: String, message: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try runEmpsh(["--safe", "-e", code], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("(command line):1: " + message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.txt").path))
    }

    @Test func safeStillReadsAndRequires() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "x".write(to: dir.appendingPathComponent("x.txt"), atomically: true, encoding: .utf8)
        let result = try runEmpsh(
            ["--safe", "-e", "print(#package.searchers, io.open('x.txt', 'r') ~= nil, employees.count{} > 0)"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2\ttrue\ttrue\n")
    }

    @Test func withoutSafeTheseWork() throws {
        let result = try runEmpsh(["-e", "print(type(debug.getinfo(1)), os.execute('true'))"])
        #expect(result.stdout.hasPrefix("table\ttrue"))
    }

    @Test func standardInputIsAScript() throws {
        let result = try runEmpsh(["extra"], stdin: "print('from stdin', ...)\n", environment: [:])
        // With a script name, that is the script; stdin as the script needs "-" or no arguments.
        #expect(result.status == 2)
        let plain = try runEmpsh([], stdin: "print('from stdin')\nprint(arg[0])\n")
        #expect(plain.status == 0, "\(plain.stderr)")
        #expect(plain.stdout == "from stdin\n-\n")
        let dash = try runEmpsh(["-", "a", "b"], stdin: "print(...)\n")
        #expect(dash.stdout == "a\tb\n")
        let failing = try runEmpsh([], stdin: "\n\nerror('third')\n")
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("stdin:3: third"))
    }

    @Test func requireIntoAGlobal() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lua"), withIntermediateDirectories: true)
        try "return { greet = function(n) return 'hi ' .. n end }".write(
            to: dir.appendingPathComponent("lua/team.lua"), atomically: true, encoding: .utf8)
        let result = try runEmpsh(["-l", "team", "-l", "t2=team", "-e", "print(team.greet('a'), t2 == team)"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "hi a\ttrue\n")
        let missing = try runEmpsh(["-l", "nope", "-e", "print(1)"], directory: dir.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("module 'nope' not found"))
        #expect(missing.stdout.isEmpty)
    }

    @Test func interactiveAfterExecuteReadsStandardInput() throws {
        let result = try runEmpsh(["-e", "x = 5", "-i"], stdin: "x * 2\nlocal y = x + 1\ny\n.mode json\n.quit\nprint('not reached')\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("10\n"))
        #expect(result.stdout.contains("6\n"))
        #expect(!result.stdout.contains("not reached"))
        #expect(result.stderr.contains("empsh on the demo account"))
    }

    @Test func timeoutStopsALoopAndExitsOne() throws {
        let started = Date()
        let result = try runEmpsh(["--timeout", "0.3", "-e", "while true do end"], timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("time limit exceeded"))
        #expect(Date().timeIntervalSince(started) < Watchdog.seconds(expecting: 1))
    }

    @Test func shebangScriptWithArgumentsAndExitCode() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("report.lua")
        try
            "#!/usr/bin/env empsh\nlocal n = tonumber(arg[1])\nprint(#employees.all{limit = n, fields = {'id'}})\nif arg[2] then error('asked to fail: ' .. arg[2]) end\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let ok = try runEmpsh([script.path, "4"])
        #expect(ok.status == 0)
        #expect(ok.stdout == "4\n")
        let failing = try runEmpsh([script.path, "2", "now"])
        #expect(failing.status == 1)
        #expect(failing.stdout == "2\n")
        #expect(failing.stderr.contains("report.lua:4: asked to fail: now"))
    }
}

@Suite struct SafeRequireTests {
    @Test func safeRequireRefusesBytecodeAndLoadsText() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "return 'text ran'\n".write(to: dir.appendingPathComponent("good.lua"), atomically: true, encoding: .utf8)
        let dump = try runEmpsh(["-e", "io.write(string.dump(function() return 'bytecode ran' end))"])
        try Data(dump.stdout.utf8).write(to: dir.appendingPathComponent("evil.lua"))
        let code = "package.path = './?.lua;' .. package.path print(require 'good') print(pcall(require, 'evil'))"
        let safe = try runEmpsh(["--safe", "-e", code], directory: dir.path)
        #expect(safe.stdout.hasPrefix("text ran"), "\(safe.stderr)")
        #expect(safe.stdout.contains("attempt to load a binary chunk"))
        #expect(!safe.stdout.contains("bytecode ran"))
    }
}
