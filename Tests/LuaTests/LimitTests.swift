import Foundation
import Lua
import Testing

@Suite struct LimitTests {
    @Test func instructionLimitStopsAnEndlessLoopCatchably() throws {
        let lua = try LuaState()
        lua.limits = LuaLimits(instructions: 1_000_000)
        let error = #expect(throws: LuaError.self) { try lua.run("while true do end", name: "=loop") }
        #expect(error?.message.contains("instruction limit exceeded") == true)
        // Inside pcall it is an error value, but the call that caught it fails all the same
        // (as Redis does with a script's timeout): no script goes on past a limit.
        for code in ["return pcall(function() while true do end end)", "local ok, e = pcall(function() while true do end end) return e"] {
            let caught = #expect(throws: LuaError.self) { try lua.run(code, name: "=t") }
            #expect(caught?.message.contains("instruction limit exceeded") == true, "\(code)")
            #expect(caught?.origin == .instructionLimit)
        }
        // Each top-level call gets a fresh budget: the state is still usable.
        #expect(try lua.run("local s = 0 for i = 1, 1000 do s = s + i end return s", name: "=t") == [500_500])
    }

    @Test func pcallCannotSwallowTheLimitAndGoOn() throws {
        let lua = try LuaState()
        lua.limits = LuaLimits(instructions: 500_000)
        #expect(throws: LuaError.self) {
            try lua.run("while true do pcall(function() while true do end end) end", name: "=t")
        }
    }

    @Test func timeLimitStopsAnEndlessLoop() throws {
        let lua = try LuaState()
        lua.limits = LuaLimits(timeout: 0.2)
        let error = #expect(throws: LuaError.self) { try lua.run("while true do end", name: "=t") }
        #expect(error?.message.contains("time limit exceeded") == true)
        #expect(try lua.run("return 7", name: "=t") == [7])
    }

    /// The state's allocator serves small blocks from size classes and large ones from malloc: blocks that
    /// grow and shrink across the boundary keep their contents, and the count Lua reports comes back
    /// to where it was once the garbage is collected.
    @Test func blocksThatMoveBetweenSizeClassesKeepTheirContents() throws {
        let lua = try LuaState()
        let script = """
            collectgarbage(); collectgarbage()
            local before = collectgarbage("count")
            for round = 1, 3 do
                local t = {}
                for i = 1, 5000 do t[i] = string.rep(string.char(65 + i % 26), i % 300) end
                for i = 1, 5000 do assert(#t[i] == i % 300 and t[i]:sub(1, 1) == (i % 300 > 0 and string.char(65 + i % 26) or "")) end
                local h = {}
                for i = 1, 3000 do h["key" .. i] = i end
                for i = 1, 3000, 2 do h["key" .. i] = nil end
                for i = 2, 3000, 2 do assert(h["key" .. i] == i) end
                local parts = {}
                for i = 1, 200 do parts[i] = tostring(i) end
                assert(#table.concat(parts, ",") == 691)
                collectgarbage()
            end
            t = nil
            collectgarbage(); collectgarbage()
            return collectgarbage("count") - before
            """
        let growth = try lua.run(script, name: "=alloc")
        guard case .number(let kilobytes)? = growth.first else {
            Issue.record("\(growth)")
            return
        }
        #expect(kilobytes < 64, "\(kilobytes) KB still counted after collection")
    }

    @Test func memoryCapStopsAGrowingTableCatchably() throws {
        let lua = try LuaState(memoryLimit: 32 << 20)
        let script = """
            local t = {}
            local ok, err = pcall(function()
                local i = 0
                while true do i = i + 1; t[i] = string.rep("x", 65536) .. i end
            end)
            t = nil
            collectgarbage()
            return ok, err
            """
        let results = try lua.run(script, name: "=grow")
        #expect(results.first == false)
        #expect(results.last?.text?.contains("not enough memory") == true)
        #expect(lua.memoryUsed < 32 << 20)
        // Still usable, and the same error outside pcall is a LuaError, not a crash.
        #expect(try lua.run("return #string.rep('y', 1000)", name: "=t") == [1000])
        let error = #expect(throws: LuaError.self) {
            try lua.run("local t = {} for i = 1, 1e9 do t[i] = string.rep('z', 65536) .. i end", name: "=grow")
        }
        #expect(error?.kind == .memory)
    }

    @Test func memoryCapAlsoHoldsForMemoryMadeBySwift() throws {
        let lua = try LuaState(memoryLimit: 8 << 20)
        lua.setGlobal("big") { stack in
            stack.pushstring(String(repeating: "a", count: 16 << 20))
            return 1
        }
        let results = try lua.run("return pcall(big)", name: "=t")
        #expect(results.first == false)
        #expect(results.last?.text?.contains("not enough memory") == true)
    }

    @Test func interruptStopsRunningCode() throws {
        let lua = try LuaState()
        lua.limits = LuaLimits(timeout: 20)  // a safety net: the test must not hang if interrupt fails
        let stop = lua.stopHandle
        let thread = Thread {
            Thread.sleep(forTimeInterval: 0.1)
            stop.interrupt()
        }
        thread.start()
        let error = #expect(throws: LuaError.self) { try lua.run("while true do end", name: "=t") }
        #expect(error?.message.contains("interrupted!") == true)
        #expect(try lua.run("return 1", name: "=t") == [1])
    }
}
