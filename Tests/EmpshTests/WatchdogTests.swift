import Foundation
import TestSupport
import Testing

/// `--timeout S` ends every run within S + 1 s, also when neither the hook nor Swift can stop it
/// (one long C call, a finalizer: Lua runs finalizers with hooks off); the watchdog then ends the
/// process with 124 and says why. Ctrl-C gets the same bound.
@Suite struct WatchdogTests {
    /// Every run under `--timeout 1` ends within the limit plus one second. What no check can stop (one
    /// long C call; a finalizer, which Lua runs with hooks off) is ended by the watchdog with 124. Long
    /// work on the Swift side (encoding, decoding, reading rows to render) checks the limit itself, so the
    /// run ends as the script's own "time limit exceeded" (exit 1) well before that; shared subtables make
    /// each such call long without Lua instructions.
    @Test(arguments: [
        ("local s = string.rep('a', 20000); s:find('.-.-.-b')", true),
        ("setmetatable({}, {__gc = function() while true do end end}); collectgarbage()", true),
        ("g = setmetatable({}, {__gc = function() while true do end end})", true),
        ("coroutine.wrap(function() setmetatable({}, {__gc = function() while true do end end}); collectgarbage() end)()", true),
        ("local ok = pcall(string.rep, 'x', 1e9, 'y'); local s = string.rep('a', 20000); print(pcall(s.find, s, '.-.-.-b'))", true),
        ("employees.all{limit = 3}:map(function() local s = string.rep('a', 20000); s:find('.-.-.-b') end)", true),
        ("local t = {} for i = 1, 40 do t = {t, t} end local s = json.encode(t)", false),
        ("local t = {} for i = 1, 40 do t = {t, t} end print(pcall(json.encode, t)) while true do end", false),
        ("local s = '[' .. string.rep('[[],{}],', 4e6) .. '[]]' local v = json.decode(s) v = json.decode(s) v = json.decode(s)", false),
        ("local row = {a = 1, b = 'x'} local rows = {} for i = 1, 3e6 do rows[i] = row end empsh.render(rows) empsh.render(rows)", false),
    ])
    func aRunEndsWithinItsLimit(code: String, byWatchdog: Bool) throws {
        let started = Date()
        let result = try runEmpsh(["--timeout", "1", "-e", code], timeout: 40)
        let elapsed = Date().timeIntervalSince(started)
        #expect(result.signal == nil && result.status == (byWatchdog ? 124 : 1), "\(code): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("past its time limit") == byWatchdog, "\(result.stderr)")
        #expect(byWatchdog || result.stderr.contains("time limit exceeded"), "\(result.stderr)")
        // The exit status and message tell which mechanism ended the run; the time is only a watchdog.
        #expect(elapsed < Watchdog.seconds(expecting: byWatchdog ? 2 + 0.5 : 1 + 0.5), "\(code): \(elapsed) s")
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
        let run = try Self.interrupt("local t = {} for i = 1, 40 do t = {t, t} end print('started'); io.stdout:flush(); json.encode(t)")
        #expect(run.exited && run.status == 130, "\(run.status): \(run.stderr)")
        #expect(run.secondsAfterCtrlC < Watchdog.seconds(expecting: 0.3))
        #expect(!run.stderr.contains("did not stop after Ctrl-C"), "\(run.stderr)")
    }

    @Test func ctrlCDuringALongCCallEndsWithinASecond() throws {
        let run = try Self.interrupt("print('started'); io.stdout:flush(); local s = string.rep('a', 20000); s:find('.-.-.-b')")
        #expect(run.exited && run.status == 124)
        #expect(run.secondsAfterCtrlC < Watchdog.seconds(expecting: 1.1))
        #expect(run.stderr.contains("did not stop after Ctrl-C"), "\(run.stderr)")
    }

    /// Runs `empsh -e code`, which prints a line when it starts its long part, and sends it SIGINT a
    /// moment after that line; a run still alive 20 s later is terminated.
    private static func interrupt(_ code: String) throws -> (exited: Bool, status: Int32, stderr: String, secondsAfterCtrlC: Double) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = ["-e", code]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        _ = try out.fileHandleForReading.read(upToCount: 8)
        usleep(250_000)
        let sent = Date()
        kill(process.processIdentifier, SIGINT)
        let killer = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 20, execute: killer)
        process.waitUntilExit()
        killer.cancel()
        let elapsed = Date().timeIntervalSince(sent)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (process.terminationReason == .exit, process.terminationStatus, stderr, elapsed)
    }
}
