import Lua

/// The global `json`: `encode`, `decode`, `null`, and `array`/`object` to mark a table's kind.
///
/// ```lua
/// json.encode{a = json.null, b = json.array{}}   --> {"a":null,"b":[]}
/// json.decode('{"x":[]}').x                       --> an empty table that encodes as []
/// ```
enum JSONModule {
    /// Installs `json` as a global.
    static func install(in stack: LuaStack) {
        // The marker metatables of empty arrays and objects, made once, found by name.
        stack.newmetatable(LuaJSONDecoder.arrayMarker)
        stack.pop()
        stack.newmetatable(LuaJSONDecoder.objectMarker)
        stack.pop()

        installNullOrdering(in: stack)
        stack.createtable(narr: 0, nrec: 6)
        stack.pushlightuserdata(nil)
        stack.rawsetfield(-2, "null")
        stack.setfunction(-1, "encode", encode)
        stack.setfunction(-1, "decode", decode)
        stack.setfunction(-1, "array") { stack in try mark(stack, LuaJSONDecoder.arrayMarker, "json.array") }
        stack.setfunction(-1, "object") { stack in try mark(stack, LuaJSONDecoder.objectMarker, "json.object") }
        stack.setglobal("json")
    }

    /// `json.null` compared by order with anything (`json.null > 30`, `"a" <= json.null`) is `false`, as
    /// the filters' null semantics say (a null fails every comparison), instead of Lua's "attempt to
    /// compare number with userdata": a `where` over rows with a null field keeps the same rows a
    /// server-side filter would. `json.null` is Lua's light userdata, whose metatable is shared by every
    /// light userdata; only `__lt` and `__le` are set, so printing and equality are unchanged.
    private static func installNullOrdering(in stack: LuaStack) {
        stack.pushlightuserdata(nil)
        stack.createtable(narr: 0, nrec: 2)
        for name in ["__lt", "__le"] {
            stack.setfunction(-1, name) { stack in
                stack.pushboolean(false)
                return 1
            }
        }
        stack.setmetatable(-2)
        stack.pop()
    }

    /// `json.encode(value [, {indent = true}])` → string.
    static func encode(_ stack: LuaStack) throws -> Int32 {
        var indent = false
        if stack.type(2) == .table {
            stack.rawgetfield(2, "indent")
            indent = stack.toboolean(-1)
            stack.pop()
        }
        var encoder = LuaJSONEncoder(stack: stack, indent: indent)
        try encoder.encode(1)
        encoder.bytes.withUnsafeBytes { stack.pushbytes($0) }
        return 1
    }

    /// `json.decode(text)` → value.
    static func decode(_ stack: LuaStack) throws -> Int32 {
        guard stack.type(1) == .string else {
            throw LuaRaise.message("json.decode: expected a string, got \(stack.typename(1))")
        }
        try stack.withBytes(1) { try LuaJSONDecoder.push($0, onto: stack) }
        return 1
    }

    /// `json.array(t)` / `json.object(t)`: sets the marker metatable on `t` (a new table when
    /// absent) and returns it.
    private static func mark(_ stack: LuaStack, _ marker: String, _ name: String) throws -> Int32 {
        switch stack.type(1) {
        case .none, .nil: stack.createtable()
        case .table: stack.pushvalue(1)
        default: throw LuaRaise.message("\(name): expected a table, got \(stack.typename(1))")
        }
        stack.getregistry(marker)
        stack.setmetatable(-2)
        return 1
    }
}
