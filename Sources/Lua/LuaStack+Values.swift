import CLuaShim

extension LuaStack {
    /// The deepest table nesting `push`/`read` follow; deeper (or cyclic) tables are an error.
    public static let maxTableDepth = 200

    /// Pushes a value (tables recursively).
    /// - Throws: `LuaRaise.message` when the stack cannot grow or a table nests too deep.
    public func push(_ value: LuaValue) throws {
        try push(value, depth: 0)
    }

    private func push(_ value: LuaValue, depth: Int) throws {
        guard checkstack(3) else { throw LuaRaise.message("stack overflow") }
        switch value {
        case .nil, .opaque: pushnil()
        case .boolean(let b): pushboolean(b)
        case .integer(let i): pushinteger(i)
        case .number(let d): pushnumber(d)
        case .string(let bytes): bytes.withUnsafeBytes { pushbytes($0) }
        case .table(let table):
            guard depth < Self.maxTableDepth else { throw LuaRaise.message("table nested too deep") }
            createtable(narr: 0, nrec: Int32(clamping: table.count))
            for (key, item) in table {
                // Keys Lua cannot hold again (nil, NaN, a function or userdata copied out as opaque) are skipped.
                switch key {
                case .nil, .opaque: continue
                case .number(let n) where n.isNaN: continue
                default: break
                }
                try push(key, depth: depth + 1)
                try push(item, depth: depth + 1)
                rawset(-3)
            }
        }
    }

    /// Copies the value at `index` out of Lua (tables recursively, raw: no metamethods run).
    /// - Throws: `LuaRaise.message` for a table nested deeper than `maxTableDepth` or cyclic.
    public func read(_ index: Int32) throws -> LuaValue {
        try read(absindex(index), depth: 0)
    }

    private func read(_ index: Int32, depth: Int) throws -> LuaValue {
        switch type(index) {
        case .none, .nil: return .nil
        case .boolean: return .boolean(toboolean(index))
        case .number:
            if isinteger(index) { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case .string: return .string(tobytes(index) ?? [])
        case .table:
            guard depth < Self.maxTableDepth else { throw LuaRaise.message("table nested too deep (or cyclic)") }
            guard checkstack(3) else { throw LuaRaise.message("stack overflow") }
            var table: [LuaValue: LuaValue] = [:]
            pushnil()
            while next(index) {
                let top = gettop()
                do {
                    table[try read(top - 1, depth: depth + 1)] = try read(top, depth: depth + 1)
                } catch {
                    pop(2)
                    throw error
                }
                pop()
            }
            return .table(table)
        default:
            return .opaque(typeName: typename(index))
        }
    }
}
