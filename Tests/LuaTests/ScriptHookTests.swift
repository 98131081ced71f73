import Lua
import Testing

/// `debug.sethook` for scripts: their hooks run as under lua5.4, behind the limit hook, which
/// no script can remove (instruction limits here; `--timeout` and Ctrl-C in `TimeoutTests`).
@Suite struct ScriptHookTests {
    @Test func aLineHookSeesEveryLineAndGethookReturnsIt() throws {
        let lua = try LuaState()
        let results = try lua.run(
            """
            local lines = {}
            local function hook(event, line) lines[#lines + 1] = event .. ":" .. line end
            debug.sethook(hook, "l")
            local a = 1
            local b = 2
            local f, mask, count = debug.gethook()
            debug.sethook()
            return table.concat(lines, " "), f == hook, mask, count, debug.gethook()
            """, name: "=hook")
        #expect(results[0] == "line:4 line:5 line:6 line:7")
        #expect(Array(results[1...]) == [true, "l", 0, .nil])
    }

    @Test func callReturnAndCountEventsAsInLua() throws {
        let lua = try LuaState()
        let results = try lua.run(
            """
            local calls, returns, counts = 0, 0, 0
            local function f() return 1 end
            debug.sethook(function(event)
              if event == "call" then calls = calls + 1 elseif event == "return" then returns = returns + 1 end
            end, "cr")
            for i = 1, 10 do f() end
            debug.sethook()
            debug.sethook(function(event) counts = counts + 1 end, "", 7)
            for i = 1, 7000 do end
            debug.sethook()
            return calls, returns, counts
            """, name: "=events")
        // 10 calls of f, and sethook's own call (its return is after the hook is gone; its call before).
        #expect(results[0] == 11 && results[1] == 11)
        // What lua5.4 prints for the same loop: the hook function's own instructions count too.
        #expect(results[2] == 2334, "\(results)")
    }

    @Test func aHookCannotLiftTheInstructionLimit() throws {
        let lua = try LuaState()
        lua.limits = LuaLimits(instructions: 200_000)
        for code in [
            "local n = 0 debug.sethook(function() n = n + 1 end, 'l') while true do end",
            "debug.sethook(function() end, '', 1) while true do end",
            "debug.sethook() while true do end",
            "coroutine.wrap(function() debug.sethook(function() end, 'crl', 5) while true do end end)()",
            "local co = coroutine.create(function() while true do end end) debug.sethook(co) coroutine.resume(co) error(select(2, coroutine.resume(co)))",
        ] {
            let error = #expect(throws: LuaError.self) { try lua.run(code, name: "=t") }
            #expect(error?.message.contains("instruction limit exceeded") == true, "\(code): \(String(describing: error))")
        }
    }

    @Test func aHookSetInOneRunStaysForTheNext() throws {
        let lua = try LuaState()
        try lua.run("lines = 0 debug.sethook(function() lines = lines + 1 end, 'l')", name: "=one")
        let results = try lua.run("local a = 1\nlocal b = 2\nreturn lines", name: "=two")
        guard case .integer(let lines) = results.first else {
            Issue.record("\(results)")
            return
        }
        #expect(lines >= 2)
    }

    @Test func warnIsOffUntilOnAsInLua() throws {
        let lua = try LuaState()
        // No output to check here without capturing stderr (see CLIScriptTests): warn must not fail.
        #expect(try lua.run("warn('@on') warn('a', 'b') warn('@off') warn('c') return 1", name: "=w") == [1])
    }
}
