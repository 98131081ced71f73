import Lua
import Testing

/// A `LuaError`'s origin is the state's record of who raised it, not its text or fields; its
/// message is the object as `lua.c` prints it.
@Suite struct ErrorOriginTests {
    struct HostFailure: LuaPushableError {
        func pushError(onto stack: LuaStack) {
            stack.createtable()
            stack.pushstring("host text")
            stack.rawsetfield(-2, "text")
            _ = stack.getregistry("test.HostError")
            stack.setmetatable(-2)
        }
    }

    func state() throws -> LuaState {
        let lua = try LuaState()
        lua.stack.newmetatable("test.HostError")
        try lua.stack.load("return (...).text", name: "=t")
        lua.stack.rawsetfield(-2, "__tostring")
        lua.stack.registerHostErrorMetatable("test.HostError")
        lua.stack.pop()
        lua.setGlobal("hostfail") { _ in throw HostFailure() }
        lua.setGlobal("relay") { stack in
            stack.pushvalue(1)
            try stack.call(arguments: 0, results: 0)
            return 0
        }
        return lua
    }

    @Test(arguments: [
        "hostfail()", "local ok, e = pcall(hostfail); error(e)", "coroutine.wrap(hostfail)()", "relay(hostfail)",
        "relay(function() relay(hostfail) end)",
    ])
    func hostErrorsKeepTheirOrigin(code: String) throws {
        let lua = try state()
        let error = #expect(throws: LuaError.self) { try lua.run(code, name: "=t") }
        #expect(error?.origin == .host("test.HostError"), "\(code)")
        #expect(error?.message == "host text")
    }

    @Test(arguments: [
        "error({text = 'host text'})", "error('host text')",
        "local ok, e = pcall(hostfail); local t = {}; for k, v in pairs(e) do t[k] = v end; error(t)",
        "local ok, e = pcall(hostfail); error(setmetatable({}, getmetatable(e)))", "error(setmetatable({}, {__name = 'test.HostError'}))",
    ])
    func lookalikesAreTheCodesOwn(code: String) throws {
        let lua = try state()
        let error = #expect(throws: LuaError.self) { try lua.run(code, name: "=t") }
        #expect(error?.origin == .code, "\(code)")
    }

    @Test func theMetatableIsProtected() throws {
        let lua = try state()
        let results = try lua.run("local ok, e = pcall(hostfail) return getmetatable(e), pcall(setmetatable, e, nil)", name: "=t")
        #expect(results[0] == .string("test.HostError"))
        #expect(results[1] == .boolean(false))
    }

    @Test func limitsAreRecordedAsTheirOrigin() throws {
        let lua = try state()
        lua.limits = LuaLimits(instructions: 10_000)
        let counted = #expect(throws: LuaError.self) { try lua.run("while true do pcall(error, 'x') end", name: "=t") }
        #expect(counted?.origin == .instructionLimit)
        lua.limits = LuaLimits(timeout: 0.05)
        let timed = #expect(throws: LuaError.self) { try lua.run("local ok = pcall(function() while true do end end) error('mine')", name: "=t") }
        #expect(timed?.origin == .timeLimit)
        lua.limits = .none
        let plain = #expect(throws: LuaError.self) { try lua.run("error('time limit exceeded', 0)", name: "=t") }
        #expect(plain?.origin == .code)
    }
}
