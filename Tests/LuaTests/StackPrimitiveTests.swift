import Lua
import Testing

/// The primitives named after Lua's manual that bindings build values with.
@Suite struct StackPrimitiveTests {
    @Test func pushlstringKeepsEveryByte() throws {
        let lua = try LuaState()
        let bytes: [UInt8] = [0x61, 0x00, 0x62, 0xD0, 0x96]
        bytes.withUnsafeBytes { lua.stack.pushlstring($0) }
        #expect(lua.stack.tobytes(-1) == bytes)
        lua.stack.pushlstring(UnsafeRawBufferPointer(start: nil, count: 0))
        #expect(lua.stack.tobytes(-1) == [])
        lua.stack.pop(2)
    }

    @Test("forEachElement visits t[1]…t[n] up to the first nil, leaves the stack as it was, and stops on a throw")
    func forEachElementWalksTheArrayPart() throws {
        let lua = try LuaState()
        let stack = lua.stack
        _ = try lua.run("t = {10, 20, 30, nil, 50}", name: "=t")
        _ = stack.getglobal("t")
        let top = stack.gettop()
        var seen: [Int64] = []
        stack.forEachElement(of: -1) { position in seen.append(stack.tointeger(-1) ?? -Int64(position)) }
        #expect(seen == [10, 20, 30])
        #expect(stack.gettop() == top)
        struct Stop: Error {}
        #expect(throws: Stop.self) { try stack.forEachElement(of: -1) { position in if position == 2 { throw Stop() } } }
        #expect(stack.gettop() == top)
        stack.pop()
    }

    @Test func lightUserdataWithTheSameAddressAreEqual() throws {
        let lua = try LuaState()
        lua.stack.pushlightuserdata(nil)
        lua.stack.setglobal("sentinel")
        lua.setGlobal("another") { stack in
            stack.pushlightuserdata(nil)
            return 1
        }
        let results = try lua.run("return type(sentinel), sentinel == another()", name: "=t")
        #expect(results == [.string("userdata"), .boolean(true)])
    }

    @Test func registryHoldsValuesByName() throws {
        let lua = try LuaState()
        let stack = lua.stack
        #expect(stack.getregistry("test.value") == .nil)
        stack.pop()
        stack.pushinteger(42)
        stack.setregistry("test.value")
        #expect(stack.getregistry("test.value") == .number)
        #expect(stack.tointeger(-1) == 42)
        stack.pop()
        #expect(stack.newmetatable("test.meta"))
        stack.pop()
        #expect(!stack.newmetatable("test.meta"))
        stack.pop()
        #expect(stack.getregistry("test.meta") == .table)
        stack.pop()
        #expect(stack.gettop() == 0)
    }

    @Test func createtableAndRawAccessBuildATable() throws {
        let lua = try LuaState()
        let stack = lua.stack
        #expect(stack.checkstack(10))
        stack.createtable(narr: 2, nrec: 1)
        stack.pushboolean(true)
        stack.rawseti(-2, 1)
        stack.pushnumber(2.5)
        stack.rawseti(-2, 2)
        stack.pushstring("k")
        stack.pushinteger(7)
        stack.rawset(-3)
        stack.setglobal("t")
        let results = try lua.run("return #t, t[1], t[2], t.k", name: "=t")
        #expect(results == [.integer(2), .boolean(true), .number(2.5), .integer(7)])
    }
}
