import CLuaShim

extension LuaStack {
    /// Compiles a chunk (text only, never bytecode) and pushes it as a function.
    /// - Parameters:
    ///   - code: the source bytes.
    ///   - name: the chunk name, e.g. `@script.lua` or `=(command line)`.
    /// - Throws: `LuaError` of kind `.syntax`, incomplete when the chunk ended early (`<eof>`).
    public func load(_ code: some Collection<UInt8>, name: String) throws {
        var bytes = Array(code)
        if bytes.isEmpty { bytes = [0x20] }
        let status = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { empsh_loadbuffer(L, $0.baseAddress, $0.count, name) }
        }
        guard status == LUA_OK else { throw popError(status: status, traceback: false) }
    }

    /// Compiles text and pushes it as a function.
    /// - Throws: `LuaError` of kind `.syntax`.
    public func load(_ code: String, name: String) throws { try load(Array(code.utf8), name: name) }

    /// Loads a precompiled chunk (`lua_dump`'s bytes, never text) and pushes it as a function. For
    /// the host's own chunks only: Lua does not check bytecode, so it must come from a trusted build.
    /// - Parameters:
    ///   - bytecode: the dumped chunk; it carries its own chunk name unless it was stripped.
    ///   - name: the name load errors carry.
    /// - Throws: `LuaError` of kind `.syntax` for bytes this Lua cannot read (another version's).
    public func load(bytecode: [UInt8], name: String) throws {
        let status = bytecode.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(L, $0.baseAddress, $0.count, name, "b") }
        }
        guard status == LUA_OK else { throw popError(status: status, traceback: false) }
    }

    /// Calls the function below `arguments` values on the stack, under a message handler that
    /// keeps the error object and takes a traceback, and leaves its results on the stack.
    /// - Parameters:
    ///   - arguments: how many arguments are on top of the function.
    ///   - results: how many results to keep (`nil`, the default: all of them).
    /// - Returns: how many results were pushed.
    /// - Throws: `LuaError` with the traceback; the function and arguments are gone.
    @discardableResult
    public func call(arguments: Int32, results: Int32? = nil) throws -> Int32 {
        let base = gettop() - arguments - 1
        checkstack(2)
        lua_pushcclosure(L, empsh_msghandler, 0)
        insert(base + 1)
        let status = empsh_pcall(L, arguments, results ?? LUA_MULTRET, base + 1)
        if status != LUA_OK {
            let error = popError(status: status, traceback: true)
            remove(base + 1)
            throw error
        }
        remove(base + 1)
        return gettop() - base
    }

    /// Pops the error object of a failed load or call into a `LuaError`.
    func popError(status: Int32, traceback: Bool) -> LuaError {
        let value = (try? read(-1)) ?? .string("(error object could not be read)")
        // The origin first: errorText may run __tostring through a top-level pcall, which clears the
        // record of which limit stopped the call.
        let source: LuaError.Origin = status == LUA_ERRRUN ? origin(ofErrorAt: -1) : .code
        let message = status == LUA_ERRRUN ? errorText(at: -1) : LuaError.text(of: value)
        pop()
        let kind: LuaError.Kind
        switch status {
        case LUA_ERRSYNTAX: kind = .syntax(incomplete: value.text?.hasSuffix("<eof>") ?? false)
        case LUA_ERRMEM: kind = .memory
        case LUA_ERRERR: kind = .handler
        default: kind = .runtime
        }
        var trace: String?
        if traceback, kind == .runtime {
            rawgetfield(empsh_registryindex(), "empsh.traceback")
            trace = tostring(-1)
            pop()
            pushnil()
            rawsetfield(empsh_registryindex(), "empsh.traceback")
        }
        return LuaError(kind: kind, value: value, traceback: trace, origin: source, message: message)
    }
}
