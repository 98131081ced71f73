import Lua
import Testing

/// Closing a state runs the finalizers still pending: none may reach a Swift function (whose
/// objects may be gone). (Lua runs finalizers with hooks off, so only the `empsh` watchdog
/// bounds one that loops.)
@Suite struct CloseTests {
    final class Counter { var calls = 0 }

    @Test(arguments: [
        "g = setmetatable({}, {__gc = function() hostcall() end})",
        "g = setmetatable({}, {__gc = function() pcall(hostcall); hostcall() end})",
        "for i = 1, 50 do setmetatable({}, {__gc = function() hostcall() end}) end",
        "g = coroutine.create(function() local x = setmetatable({}, {__gc = function() hostcall() end}) coroutine.yield() end); coroutine.resume(g)",
        "g = setmetatable({}, {__gc = function() for i = 1, 1000 do pcall(hostcall) end end})",
        "g = setmetatable({}, {__gc = function() setmetatable({}, {__gc = function() hostcall() end}) end})",
    ])
    func pendingFinalizersNeverReachSwiftAtClose(code: String) throws {
        let counter = Counter()
        let lua = try LuaState()
        lua.setGlobal("hostcall") { [unowned counter] _ in
            counter.calls += 1
            return 0
        }
        try lua.run(code, name: "=t")
        let before = counter.calls
        lua.close()
        #expect(counter.calls == before, "\(code)")
    }
}
