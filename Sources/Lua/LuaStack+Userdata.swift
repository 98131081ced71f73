import CLuaShim

extension LuaStack {
    /// Pushes a Swift object as a full userdata whose metatable is registered under
    /// `metatable`; the object is retained until Lua collects the userdata.
    /// - Parameters:
    ///   - object: the object to expose.
    ///   - metatable: the registry name of the type's metatable.
    ///   - setUp: called once per state, with the new metatable on top, to add
    ///     `__index`, `__tostring` and other metamethods (`__gc` is already set).
    public func push(object: AnyObject, metatable: String, setUp: (LuaStack) -> Void) {
        _ = LuaTrampoline.installed
        checkstack(4)
        let box = Unmanaged.passRetained(object).toOpaque()
        if empsh_pushobject(L, box, metatable) != 0 {
            pushvalue(-2)
            setUp(self)
            pop()
            remove(-2)
        }
    }

    /// The Swift object of type `T` held by the userdata at `index` when its metatable is
    /// `metatable`, or `nil`.
    public func object<T: AnyObject>(_ index: Int32, metatable: String, as type: T.Type = T.self) -> T? {
        guard let slot = luaL_testudata(L, index, metatable) else { return nil }
        guard let box = slot.assumingMemoryBound(to: UnsafeMutableRawPointer?.self).pointee else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(box).takeUnretainedValue() as? T
    }
}

extension LuaStack {
    /// The pseudo-index of the registry (`LUA_REGISTRYINDEX`), the table where host state lives.
    @inlinable public static var registryindex: Int32 { empsh_registryindex() }

    /// Pushes `registry[name]` (a metatable made by `newmetatable`, say); raw, never raises.
    /// - Parameter name: The registry key.
    /// - Returns: The type of the value pushed (`.nil` when there is none).
    @discardableResult public func getregistry(_ name: String) -> LuaType {
        rawgetfield(Self.registryindex, name)
    }

    /// Pops the top value into `registry[name]`; raw, never raises.
    /// - Parameter name: The registry key.
    public func setregistry(_ name: String) {
        rawsetfield(Self.registryindex, name)
    }
}

extension LuaStack {
    /// Pushes the metatable registered as `name`, making it (with `__name`) when absent.
    /// - Returns: whether it was made now.
    @discardableResult public func newmetatable(_ name: String) -> Bool { luaL_newmetatable(L, name) != 0 }
}

extension LuaStack {
    /// Pops the top value into the registry and returns its reference (`luaL_ref`).
    public func ref() -> Int32 { luaL_ref(L, Self.registryindex) }
    /// Pushes the value of a registry reference.
    public func getref(_ ref: Int32) { _ = lua_rawgeti(L, Self.registryindex, lua_Integer(ref)) }
    /// Frees a registry reference (`luaL_unref`).
    public func unref(_ ref: Int32) { luaL_unref(L, Self.registryindex, ref) }
}
