import Foundation
import TestSupport
import Testing

/// `--memory MB` caps the Lua heap, rows a fetch builds included: past it, "not enough memory"
/// and exit 1, never the OOM killer. `debug.sethook` cannot switch the limits off: a script's hook
/// runs behind the limit hook.
@Suite struct MemoryLimitTests {
    @Test(arguments: [
        "local t = {} for i = 1, 1e9 do t[i] = {i} end",
        "local s = 'x' for i = 1, 40 do s = s .. s end",
        "local t = {} for i = 1, 1e9 do t[#t + 1] = tostring(i) .. string.rep('y', 100) end",
        "print(#string.rep('x', 1e9))",
        "local t = {} for i = 1, 1e9 do t[i] = json.decode('[1,2,3,{\"a\":[4,5]}]') end",
        "local ok = pcall(function() local t = {} for i = 1, 1e9 do t[i] = {} end end); local t = {} for i = 1, 1e9 do t[i] = {i} end",
        "local all = {} for i = 1, 1000 do all[i] = employees.all{} end",
    ])
    func aHeapBombStopsCleanly(code: String) throws {
        let result = try runEmpsh(["--memory", "48", "-e", code], environment: ["EMPSH_DEMO_EMPLOYEES": "3000"], timeout: 60)
        #expect(result.signal == nil && result.status == 1, "\(code): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains("not enough memory"), "\(code): \(result.stderr)")
    }

    @Test func aFetchLargerThanTheCapStopsWhileItIsBuilt() throws {
        let result = try runEmpsh(["--memory", "8", "-e", "print(#employees.all{})"], environment: ["EMPSH_DEMO_EMPLOYEES": "20000"], timeout: 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("not enough memory"))
    }

    @Test(arguments: ["debug.sethook()", "debug.sethook(function() end, '', 0)", "debug.sethook(coroutine.create(print))"])
    func debugSethookCannotRemoveTheLimits(code: String) throws {
        let started = Date()
        let result = try runEmpsh(
            [
                "--timeout", "1", "-e",
                "pcall(function() \(code) end); coroutine.wrap(function() pcall(function() \(code) end); while true do end end)()",
            ], timeout: 40)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"))
        #expect(Date().timeIntervalSince(started) < Watchdog.seconds(expecting: 1.5))
        // Scripts may set and remove their own hooks (ScriptHookTests); the limits stay underneath.
        let direct = try runEmpsh(["-e", code])
        #expect(direct.status == 0, "\(direct.stderr)")
    }
}
