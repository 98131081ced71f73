import Lua
import Testing

@Suite struct ValueTests {
    @Test(arguments: [
        LuaValue.integer(9_007_199_254_740_993),  // 2^53 + 1
        .integer(Int64.min), .integer(Int64.max), .integer(0), .integer(-1),
    ])
    func integersRoundTripExactly(_ value: LuaValue) throws {
        let lua = try LuaState()
        let results = try lua.run("local x = ... return x, math.type(x)", name: "=t", arguments: [value])
        #expect(results == [value, .string("integer")])
    }

    @Test func luaComputedExtremesReachSwiftExactly() throws {
        let lua = try LuaState()
        let results = try lua.run("return 2^53 | 0 + 1, math.mininteger, math.maxinteger", name: "=t")
        #expect(results == [.integer(9_007_199_254_740_993), .integer(Int64.min), .integer(Int64.max)])
    }

    @Test func floatsStayFloats() throws {
        let lua = try LuaState()
        let results = try lua.run("local x = ... return x, math.type(x), 3 / 2", name: "=t", arguments: [.number(1.0)])
        #expect(results == [.number(1.0), .string("float"), .number(1.5)])
        #expect(results[0] != .integer(1))
    }

    @Test func stringsAreBytesWithNulAndCyrillic() throws {
        let lua = try LuaState()
        let bytes: [UInt8] = [0x61, 0x00, 0x62] + Array("Привет, мир".utf8) + [0xff, 0x00]
        let results = try lua.run("local s = ... return s, #s, s:sub(2, 2) == '\\0'", name: "=t", arguments: [.string(bytes)])
        #expect(results == [.string(bytes), .integer(Int64(bytes.count)), .boolean(true)])
        let text = try lua.run("return 'Щука\\0ёж'", name: "=t")
        #expect(text == [.string(Array("Щука\u{0}ёж".utf8))])
    }

    @Test func tablesRoundTrip() throws {
        let lua = try LuaState()
        let table: LuaValue = .table([
            "name": "Иван", "list": .array([1, 2.5, "x", true]), "nested": .table(["k": .table([:])]),
        ])
        let results = try lua.run(
            "local t = ... return t, #t.list, t.list[2], t.nested.k ~= nil", name: "=t", arguments: [table])
        #expect(results == [table, 4, 2.5, true])
    }

    @Test func cyclicTableIsAnErrorNotACrash() throws {
        let lua = try LuaState()
        #expect(throws: LuaRaise.self) { try lua.run("local t = {} t.self = t return t", name: "=t") }
        #expect(try lua.run("return 1", name: "=t") == [1])
    }

    @Test func functionsAndUserdataAreOpaque() throws {
        let lua = try LuaState()
        let results = try lua.run("return print, io.stdout", name: "=t")
        #expect(results == [.opaque(typeName: "function"), .opaque(typeName: "userdata")])
    }

    @Test func globalsSetAndRead() throws {
        let lua = try LuaState()
        try lua.setGlobal("answer", 42)
        #expect(try lua.global("answer") == 42)
        #expect(try lua.run("return answer + 1", name: "=t") == [43])
    }
}
