import Foundation
import Lua
import Testing

struct Boom: Error, CustomStringConvertible {
    var description: String { "boom from Swift" }
}

@Suite struct ErrorBoundaryTests {
    func stateWithThrower() throws -> LuaState {
        let lua = try LuaState()
        lua.setGlobal("fail") { _ in throw Boom() }
        lua.setGlobal("raise") { _ in throw LuaRaise.value(.table([.string("code"): .integer(7)])) }
        return lua
    }

    @Test func swiftErrorInsidePcallGivesFalseAndMessage() throws {
        let lua = try stateWithThrower()
        let results = try lua.run("local ok, err = pcall(fail) return ok, err", name: "=t")
        #expect(results[0] == .boolean(false))
        #expect(results[1].text == "boom from Swift")
    }

    @Test func swiftErrorOutsidePcallNamesTheScriptLine() throws {
        let lua = try stateWithThrower()
        let error = #expect(throws: LuaError.self) {
            try lua.run("local x = 1\n\nfail()\n", name: "@script.lua")
        }
        #expect(error?.message == "script.lua:3: boom from Swift")
        #expect(error?.kind == .runtime)
        #expect(error?.traceback?.contains("stack traceback") == true)
    }

    @Test func errorValuesPassThroughUnchanged() throws {
        let lua = try stateWithThrower()
        let results = try lua.run("local ok, err = pcall(raise) return type(err), err.code", name: "=t")
        #expect(results == [.string("table"), .integer(7)])
    }

    @Test func luaErrorInsideSwiftCallbackThatCallsLuaUnwindsCleanly() throws {
        let lua = try LuaState()
        // callback(f) calls f from Swift; f raises; the error propagates back through Swift into Lua.
        lua.setGlobal("callback") { stack in
            stack.pushvalue(1)
            try stack.call(arguments: 0, results: 0)
            return 0
        }
        let results = try lua.run(
            """
            local ok, err = pcall(callback, function() error("inner", 0) end)
            local ok2, err2 = pcall(callback, function() error({tag = "x"}) end)
            return ok, err, ok2, err2.tag, collectgarbage("count") > 0
            """, name: "=t")
        #expect(results[0] == .boolean(false))
        #expect(results[1].text == "inner")
        #expect(results[2] == .boolean(false))
        #expect(results[3].text == "x")
        // The state is still usable.
        #expect(try lua.run("return 2 * 21", name: "=t") == [.integer(42)])
    }

    @Test func roundTripsDoNotLeakBoxesOrMemory() throws {
        let lua = try stateWithThrower()
        let script = "for i = 1, 100000 do local ok, e = pcall(fail) end return collectgarbage('count')"
        let before = Lua.LuaState.liveClosureCount
        _ = try lua.run(script, name: "=warm")
        let first = try lua.run(script, name: "=t")[0]
        let second = try lua.run(script, name: "=t")[0]
        guard case .number(let kb1) = first, case .number(let kb2) = second else {
            Issue.record("collectgarbage did not return numbers")
            return
        }
        #expect(abs(kb2 - kb1) < 256, "Lua memory grew from \(kb1) KB to \(kb2) KB")
        #expect(Lua.LuaState.liveClosureCount >= before)
    }

    @Test func closuresAreFreedWhenCollected() throws {
        let before = LuaState.liveClosureCount
        do {
            let lua = try LuaState()
            for i in 0..<1000 { lua.setGlobal("f\(i % 10)") { _ in 0 } }
            _ = try lua.run("collectgarbage() collectgarbage()", name: "=gc")
            #expect(LuaState.liveClosureCount - before <= 10 + 8)
        }
        #expect(LuaState.liveClosureCount - before <= 8)
    }
}
