import CLuaShim

/// The type of a Lua value on the stack, as `lua_type` reports it.
public enum LuaType: Int32, Sendable {
    case none = -1
    case `nil` = 0
    case boolean, lightuserdata, number, string, table, function, userdata, thread
}

/// A non-owning view of one Lua thread's stack: the primitives of Lua's manual, under their
/// manual names, and the typed push/read API above them.
///
/// Swift functions called from Lua receive one of these for the calling thread. It never
/// raises a Lua error: operations that might run a metamethod are protected and `throw`.
public struct LuaStack {
    /// The `lua_State` of this thread, named `L` as in Lua's manual.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    public let L: OpaquePointer

    /// Wraps a raw thread pointer.
    public init(_ L: OpaquePointer) { self.L = L }

    // MARK: Stack primitives (names from the manual)
    // Inlinable: the bindings that build tables straight from JSON call them once per value.

    @inlinable public func gettop() -> Int32 { lua_gettop(L) }
    @inlinable public func settop(_ index: Int32) { lua_settop(L, index) }
    @inlinable public func pop(_ count: Int32 = 1) { empsh_pop(L, count) }
    @inlinable public func absindex(_ index: Int32) -> Int32 { lua_absindex(L, index) }
    @inlinable public func pushvalue(_ index: Int32) { lua_pushvalue(L, index) }
    @inlinable public func remove(_ index: Int32) { empsh_remove(L, index) }
    @inlinable public func insert(_ index: Int32) { empsh_insert(L, index) }
    /// Makes room for `extra` more values; `false` when the stack cannot grow.
    @inlinable @discardableResult public func checkstack(_ extra: Int32) -> Bool { lua_checkstack(L, extra) != 0 }
    @inlinable public func type(_ index: Int32) -> LuaType { LuaType(rawValue: lua_type(L, index)) ?? .none }
    public func typename(_ index: Int32) -> String { String(cString: lua_typename(L, lua_type(L, index))) }
    @inlinable public func isinteger(_ index: Int32) -> Bool { lua_isinteger(L, index) != 0 }
    @inlinable public func rawlen(_ index: Int32) -> Int { Int(lua_rawlen(L, index)) }
    @inlinable @discardableResult public func rawget(_ index: Int32) -> LuaType { LuaType(rawValue: lua_rawget(L, index)) ?? .none }
    @inlinable @discardableResult public func rawgeti(_ index: Int32, _ n: Int64) -> LuaType { LuaType(rawValue: lua_rawgeti(L, index, n)) ?? .none }
    @inlinable public func rawset(_ index: Int32) { lua_rawset(L, index) }
    @inlinable public func rawseti(_ index: Int32, _ n: Int64) { lua_rawseti(L, index, n) }
    @inlinable public func next(_ index: Int32) -> Bool { lua_next(L, index) != 0 }
    @inlinable public func createtable(narr: Int32 = 0, nrec: Int32 = 0) { lua_createtable(L, narr, nrec) }
    @inlinable public func setmetatable(_ index: Int32) { lua_setmetatable(L, index) }
    @inlinable public func getmetatable(_ index: Int32) -> Bool { lua_getmetatable(L, index) != 0 }
    @inlinable public func pushnil() { lua_pushnil(L) }
    @inlinable public func pushboolean(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    @inlinable public func pushinteger(_ value: Int64) { lua_pushinteger(L, value) }
    @inlinable public func pushnumber(_ value: Double) { lua_pushnumber(L, value) }
    /// Pushes a light userdata: a bare pointer, equal to any other light userdata with the same address.
    @inlinable public func pushlightuserdata(_ pointer: UnsafeMutableRawPointer?) { lua_pushlightuserdata(L, pointer) }
    @inlinable public func toboolean(_ index: Int32) -> Bool { lua_toboolean(L, index) != 0 }
    @inlinable public func touserdata(_ index: Int32) -> UnsafeMutableRawPointer? { lua_touserdata(L, index) }
    @inlinable public func rawequal(_ a: Int32, _ b: Int32) -> Bool { lua_rawequal(L, a, b) != 0 }

    /// Pushes bytes as a Lua string (NUL-safe; Lua copies them).
    @inlinable public func pushlstring(_ bytes: UnsafeRawBufferPointer) {
        _ = lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    }

    /// Pushes bytes as a Lua string; the same as `pushlstring`.
    @inlinable public func pushbytes(_ bytes: UnsafeRawBufferPointer) { pushlstring(bytes) }

    /// Pushes Swift text as a UTF-8 Lua string.
    public func pushstring(_ text: String) {
        var text = text
        text.withUTF8 { pushbytes(UnsafeRawBufferPointer($0)) }
    }

    /// Pushes a global variable's value.
    public func getglobal(_ name: String) -> LuaType {
        empsh_pushglobaltable(L)
        pushstring(name)
        let type = rawget(-2)
        remove(-2)
        return type
    }

    /// Pops a value and stores it as a global variable (raw: no `__newindex`).
    public func setglobal(_ name: String) {
        empsh_pushglobaltable(L)
        pushstring(name)
        pushvalue(-3)
        rawset(-3)
        pop(2)
    }

    /// Raw `t[name] = top`, popping the value; `table` is an index below it.
    public func rawsetfield(_ table: Int32, _ name: String) {
        let table = absindex(table)
        pushstring(name)
        insert(-2)
        rawset(table)
    }

    /// Raw `t[name]`, pushed; returns its type.
    @discardableResult public func rawgetfield(_ table: Int32, _ name: String) -> LuaType {
        let table = absindex(table)
        pushstring(name)
        return rawget(table)
    }

    /// The bytes of the string at `index` (numbers are not converted), or `nil`.
    public func tobytes(_ index: Int32) -> [UInt8]? {
        guard type(index) == .string else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return Array(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// Calls `body` with the bytes of the string at `index` without copying them.
    public func withBytes<R>(_ index: Int32, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard type(index) == .string else { return nil }
        var length = 0
        guard let pointer = lua_tolstring(L, index, &length) else { return nil }
        return try body(UnsafeRawBufferPointer(start: pointer, count: length))
    }

    /// The text of the string at `index` (invalid UTF-8 repaired), or `nil` when it is not a string.
    public func tostring(_ index: Int32) -> String? {
        withBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The integer at `index` (a float with an exact integer value converts), or `nil`.
    public func tointeger(_ index: Int32) -> Int64? {
        guard type(index) == .number else { return nil }
        var ok: Int32 = 0
        let value = lua_tointegerx(L, index, &ok)
        return ok != 0 ? value : nil
    }

    /// The number at `index` as a Double, or `nil` when it is not a number.
    public func tonumber(_ index: Int32) -> Double? {
        guard type(index) == .number else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// Converts any value to text as `tostring` does, running `__tostring`/`__name` under protection.
    /// - Throws: `LuaError` when a `__tostring` metamethod fails.
    public func tostringMeta(_ index: Int32) throws -> String {
        let status = empsh_tolstring_p(L, index)
        defer { pop() }
        if status != LUA_OK { throw LuaError(kind: .runtime, value: try read(-1)) }
        return tostring(-1) ?? ""
    }

    /// `t[k]` with `k` on top (replaced by the value), with metamethods, protected.
    /// - Throws: `LuaError` when an `__index` metamethod fails; the stack then holds nothing new.
    public func gettable(_ table: Int32) throws {
        if empsh_gettable_p(L, table) != LUA_OK {
            let error = LuaError(kind: .runtime, value: (try? read(-1)) ?? .nil)
            pop()
            throw error
        }
    }

    /// Where the currently running Lua function at `level` is, as `chunk:line: ` (or "").
    public func location(level: Int32 = 1) -> String {
        luaL_where(L, level)
        defer { pop() }
        return tostring(-1) ?? ""
    }
}

extension LuaStack {
    /// How many elements `t[1], t[2], …` hold before the first nil, counted by walking them
    /// (raw, no metamethods). Unlike `#t` (a border that may be 2^40 in a sparse table), it is
    /// bounded by what the table really holds, so a loop over it cannot run away.
    public func arrayLength(_ index: Int32) -> Int {
        let table = absindex(index)
        var count = 0
        while rawgeti(table, Int64(count + 1)) != .nil {
            pop()
            count += 1
        }
        pop()
        return count
    }

    /// Calls `body` once for each of `t[1] … t[arrayLength]` (raw reads), with the element pushed on
    /// top of the stack and popped afterwards.
    /// - Parameters:
    ///   - index: The table.
    ///   - body: Receives the element's position, from 1.
    /// - Throws: What `body` throws (the element is popped first).
    public func forEachElement(of index: Int32, _ body: (Int) throws -> Void) rethrows {
        let table = absindex(index)
        for position in stride(from: 1, through: arrayLength(table), by: 1) {
            rawgeti(table, Int64(position))
            defer { pop() }
            try body(position)
        }
    }
}
