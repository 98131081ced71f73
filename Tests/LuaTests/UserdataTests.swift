import Lua
import Testing

final class Counter {
    var count = 0
    static let metatable = "test.Counter"
}

@Suite struct UserdataTests {
    @Test func swiftObjectAsUserdataWithMethods() throws {
        let lua = try LuaState()
        let counter = Counter()
        lua.stack.push(object: counter, metatable: Counter.metatable) { stack in
            stack.createtable()
            stack.setfunction(-1, "bump") { stack in
                guard let counter = stack.object(1, metatable: Counter.metatable, as: Counter.self) else {
                    throw LuaRaise.message("bump: expected a Counter")
                }
                counter.count += Int(stack.tointeger(2) ?? 1)
                stack.pushinteger(Int64(counter.count))
                return 1
            }
            stack.rawsetfield(-2, "__index")
        }
        lua.stack.setglobal("c")
        let results = try lua.run("c:bump(2) return c:bump(), pcall(c.bump, {})", name: "=t")
        #expect(results[0] == 3)
        #expect(results[1] == false)
        #expect(results[2].text?.hasSuffix("bump: expected a Counter") == true)
        #expect(counter.count == 3)
    }

    @Test func userdataIsReleasedByGC() throws {
        weak var weakCounter: Counter?
        let lua = try LuaState()
        do {
            let counter = Counter()
            weakCounter = counter
            lua.stack.push(object: counter, metatable: Counter.metatable) { _ in }
            lua.stack.pop()
        }
        #expect(weakCounter != nil)
        _ = try lua.run("collectgarbage() collectgarbage()", name: "=gc")
        #expect(weakCounter == nil)
    }
}
