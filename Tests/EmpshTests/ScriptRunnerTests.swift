import Foundation
import TestSupport
import Testing

@Suite struct ScriptRunnerTests {
    @Test func executePrintsResult() throws {
        let result = try runEmpsh(["-e", "print(1+1)"])
        #expect(result.status == 0)
        #expect(result.stdout == "2\n")
    }

    @Test func scriptErrorExitsOneWithMessageOnStderr() throws {
        let result = try runEmpsh(["-e", "error(\"boom\")"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("(command line):1: boom"))
        #expect(result.stderr.contains("stack traceback"))
        #expect(result.stdout.isEmpty)
    }

    @Test func missingScriptIsAUsageError() throws {
        let result = try runEmpsh(["no/such/file.lua"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no/such/file.lua"))
    }

    @Test func unknownFlagIsAUsageError() throws {
        let result = try runEmpsh(["--no-such-flag"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-flag"))
    }

    @Test func scriptGetsArgumentsAndShebangIsSkipped() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("args.lua")
        try """
        #!/usr/bin/env empsh
        print(arg[0], arg[1], arg[2], #arg, select('#', ...))
        error("line three")
        """.write(to: script, atomically: true, encoding: .utf8)
        let result = try runEmpsh([script.path, "first", "-x"])
        #expect(result.stdout == "\(script.path)\tfirst\t-x\t2\t2\n")
        #expect(result.status == 1)
        #expect(result.stderr.contains("args.lua:3: line three"))
    }

    @Test func runsAsAShebangInterpreter() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("hello")
        try "#!\(empshBinaryPath())\nprint('hello ' .. arg[1])\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        let process = Process()
        process.executableURL = script
        process.arguments = ["мир"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: output, as: UTF8.self) == "hello мир\n")
    }

    @Test func timeoutStopsAnEndlessLoop() throws {
        let result = try runEmpsh(["--timeout", "0.5", "-e", "while true do end"], timeout: 20)
        #expect(result.status == 1)
        #expect(result.stderr.contains("time limit exceeded"))
    }
}
