import Foundation
import Lua
import Synchronization
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
        let alive = LiveCounter()
        // Each round trip makes a Swift closure (holding a tracked object) and raises a Swift error through it.
        lua.setGlobal("make") { stack in
            let token = Tracked(alive)
            stack.push { _ in
                _ = token
                throw Boom()
            }
            return 1
        }
        let script = "for i = 1, 100000 do local ok, e = pcall(make()) end collectgarbage() return collectgarbage('count')"
        guard case .number(let first) = try lua.run(script, name: "=t")[0],
            case .number(let second) = try lua.run(script, name: "=t")[0]
        else {
            Issue.record("collectgarbage did not return numbers")
            return
        }
        #expect(abs(second - first) < 64, "Lua memory grew from \(first) KB to \(second) KB")
        #expect(alive.value == 0, "\(alive.value) closures were never freed")
    }

    @Test func closuresAreFreedWhenCollectedOrClosed() throws {
        let alive = LiveCounter()
        let lua = try LuaState()
        for i in 0..<1000 {
            let token = Tracked(alive)
            lua.setGlobal("f\(i % 10)") { _ in
                _ = token
                return 0
            }
        }
        _ = try lua.run("collectgarbage() collectgarbage()", name: "=gc")
        #expect(alive.value == 10)
        lua.close()
        #expect(alive.value == 0)
    }
}

/// Counts live `Tracked` objects (deinit checks, as LuaSwift's DeinitChecker does).
final class LiveCounter: Sendable {
    private let count = Mutex(0)
    var value: Int { count.withLock { $0 } }
    func add(_ delta: Int) { count.withLock { $0 += delta } }
}

final class Tracked {
    let counter: LiveCounter
    init(_ counter: LiveCounter) {
        self.counter = counter
        counter.add(1)
    }
    deinit { counter.add(-1) }
}
