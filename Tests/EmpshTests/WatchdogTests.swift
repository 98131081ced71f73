import Foundation
import TestSupport
import Testing

/// `--timeout S` ends every run within S + 1 s, also when neither the hook nor Swift can stop it
/// (one long C call, a finalizer: Lua runs finalizers with hooks off); the watchdog then ends the
/// process with 124 and says why. Ctrl-C gets the same bound.
@Suite struct WatchdogTests {
    @Test(arguments: [
        "local s = string.rep('a', 20000); s:find('.-.-.-b')",
        "setmetatable({}, {__gc = function() while true do end end}); collectgarbage()",
        "g = setmetatable({}, {__gc = function() while true do end end})",
        "coroutine.wrap(function() setmetatable({}, {__gc = function() while true do end end}); collectgarbage() end)()",
        "local ok = pcall(string.rep, 'x', 1e9, 'y'); local s = string.rep('a', 20000); print(pcall(s.find, s, '.-.-.-b'))",
        "employees.all{limit = 3}:map(function() local s = string.rep('a', 20000); s:find('.-.-.-b') end)",
    ])
    func aRunThatCannotBeStoppedEndsAtTheLimitPlusOne(code: String) throws {
        let started = Date()
        let result = try runEmpsh(["--timeout", "1", "-e", code], timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.signal == nil && result.status == 124, "\(code): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("past its time limit"), "\(result.stderr)")
        #expect(elapsed < 1 + 1 + 1.5, "\(code): \(elapsed) s")
    }

    /// Long work on the Swift side (encoding, decoding, reading rows to render) checks the limit itself:
    /// the run ends with the script's "time limit exceeded" and exit 1, within the limit plus a
    /// fraction, not through the watchdog. Shared subtables make each call long without Lua instructions.
    @Test(arguments: [
        "local t = {} for i = 1, 40 do t = {t, t} end local s = json.encode(t)",
        "local t = {} for i = 1, 40 do t = {t, t} end print(pcall(json.encode, t)) while true do end",
        "local s = '[' .. string.rep('[[],{}],', 4e6) .. '[]]' local v = json.decode(s) v = json.decode(s) v = json.decode(s)",
        "local row = {a = 1, b = 'x'} local rows = {} for i = 1, 3e6 do rows[i] = row end empsh.render(rows) empsh.render(rows)",
    ])
    func longHostWorkStopsCleanlyAtTheLimit(code: String) throws {
        let started = Date()
        let result = try runEmpsh(["--timeout", "1", "-e", code], timeout: 30)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.signal == nil && result.status == 1, "\(code): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"), "\(result.stderr)")
        #expect(!result.stderr.contains("past its time limit"), "\(result.stderr)")
        #expect(elapsed < 1 + 1, "\(code): \(elapsed) s")
    }

    @Test func aRunThatStopsInTimeIsNotTouched() throws {
        let result = try runEmpsh(["--timeout", "1", "-e", "for i = 1, 3 do print(i) end"], timeout: 30)
        #expect(result.status == 0)
        let slow = try runEmpsh(["--timeout", "0.5", "-e", "while true do end"], timeout: 30)
        #expect(slow.status == 1, "\(slow.stderr)")
    }

    /// Ctrl-C during long Swift work (encoding a huge value) ends the run as an interrupt (130), through the
    /// work's own check rather than the watchdog.
    @Test func ctrlCDuringLongHostWorkIsAnInterrupt() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = ["-e", "local t = {} for i = 1, 40 do t = {t, t} end print('started'); io.stdout:flush(); json.encode(t)"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = try out.fileHandleForReading.read(upToCount: 8)
        usleep(300_000)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 15, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit && process.terminationStatus == 130, "\(process.terminationStatus): \(stderr)")
        #expect(Date().timeIntervalSince(sent) < 1)
        #expect(!stderr.contains("did not stop after Ctrl-C"), "\(stderr)")
    }

    @Test func ctrlCDuringALongCCallEndsWithinASecond() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = ["-e", "print('started'); io.stdout:flush(); local s = string.rep('a', 20000); s:find('.-.-.-b')"]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = try out.fileHandleForReading.read(upToCount: 8)
        usleep(200_000)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 15, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        #expect(process.terminationReason == .exit && process.terminationStatus == 124)
        #expect(Date().timeIntervalSince(sent) < 2.5)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(stderr.contains("did not stop after Ctrl-C"), "\(stderr)")
    }
}
