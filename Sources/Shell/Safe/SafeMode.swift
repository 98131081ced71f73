import Lua

/// `--safe`: a sandbox no script can leave.
///
/// Every guard is a Swift function that holds what it needs from the moment the state is built
/// (the original C functions, as registry references the script cannot reach without `debug`,
/// and the ``SafeReadPolicy``); none consults a global, a library table or a metatable the
/// script could change. The state gets its own `io`, `os` and `debug` tables and its own `load`,
/// `loadfile`, `dofile`, `package.searchpath` and Lua-file searcher:
///
/// - no file is created, written, truncated, appended, removed or renamed: `io.open` takes
///   only the modes `r` and `rb`; `io.output` takes only `io.stdout` and `io.stderr`;
///   `io.popen`, `io.tmpfile`, `os.execute`, `os.remove`, `os.rename`, `os.tmpname`,
///   `package.loadlib` and every `debug` function are refused;
/// - files are read only where the policy allows (`io.open`, `io.lines`, `io.input`,
///   `loadfile`, `dofile`, `require`, `package.searchpath`); standard input stays readable;
/// - chunks load as text only (no bytecode); C modules cannot load;
/// - `os.getenv` hides variables that hold secrets (``isSecretVariable(_:)``).
enum SafeMode {
    /// Applies the sandbox to a state whose standard libraries are still as Lua made them.
    /// - Parameters:
    ///   - lua: the state.
    ///   - policy: what may be read.
    /// - Throws: `LuaError` when a library is missing (a bug).
    static func apply(to lua: LuaState, policy: SafeReadPolicy) throws {
        let stack = lua.stack
        let base = stack.gettop()
        defer { stack.settop(base) }
        let originals = try Originals(stack)
        installIO(stack, originals, policy)
        installOS(stack, originals)
        installLoading(stack, originals, policy)
        installDebug(stack)
    }

    /// A function that refuses, naming what was refused and the line that asked for it.
    static func refusal(_ name: String, _ why: String = "") -> LuaFunction {
        { _ in throw LuaRaise.message("\(name) is disabled by --safe" + why) }
    }

    /// The string argument at `index` as Lua's library reads a name (`luaL_checklstring`): a
    /// string, or a number as its text; anything else is a `bad argument` error (no metamethod
    /// runs). Every guard reads its names here, so a name reaches the policy whatever its type.
    static func string(_ stack: LuaStack, _ index: Int32, _ function: String) throws -> String {
        switch stack.type(index) {
        case .string:
            if let text = stack.tostring(index) { return text }
        case .number:
            return try stack.tostringMeta(index)
        default: break
        }
        throw LuaRaise.message("bad argument #\(index) to '\(function)' (string expected, got \(stack.typename(index)))")
    }

    /// Whether the argument at `index` is a name Lua's library would open (a string or a number).
    static func isName(_ stack: LuaStack, _ index: Int32) -> Bool {
        stack.type(index) == .string || stack.type(index) == .number
    }

    /// The real path of a file the script asks to read, or the refusal as a Lua error; a
    /// missing file is `nil` (callers return Lua's `nil, message`).
    static func readablePath(_ path: String, _ policy: SafeReadPolicy, _ function: String) throws -> String? {
        switch policy.resolve(path) {
        case .success(let real): return real
        case .failure(.missing): return nil
        case .failure(.denied):
            throw LuaRaise.message(
                "\(function): reading '\(path)' is disabled by --safe (only the current directory, the script's directory and the module path can be read)"
            )
        }
    }

    /// Pushes Lua's usual failure for a missing file: `nil, "PATH: No such file or directory", errno`.
    static func pushMissing(_ stack: LuaStack, _ path: String, _ policy: SafeReadPolicy) -> Int32 {
        guard case .failure(.missing(let reason)) = policy.resolve(path) else { return 0 }
        stack.pushnil()
        stack.pushstring("\(path): \(reason)")
        stack.pushinteger(2)
        return 3
    }

    /// Sets the global and `package.loaded[name]` to the table on top, popping it.
    static func publish(_ stack: LuaStack, _ name: String, _ originals: Originals) {
        stack.pushvalue(-1)
        stack.setglobal(name)
        stack.getref(originals.loaded)
        stack.pushvalue(-2)
        stack.rawsetfield(-2, name)
        stack.pop(2)
    }

    /// Whether `os.getenv` hides a variable: empsh's own (`EMPSH_PATH` aside) and any whose name
    /// says it holds a token, password, secret or key.
    static func isSecretVariable(_ name: String) -> Bool {
        let upper = name.uppercased()
        if upper.hasPrefix("EMPSH_") && upper != "EMPSH_PATH" { return true }
        return ["TOKEN", "PASSW", "SECRET", "KEY", "CREDENTIAL", "AUTH"].contains { upper.contains($0) }
    }

    /// Whether `os.getenv` hides a value whatever its variable's name: one that carries a
    /// credential, such as a URL with a password (`scheme://user:password@host`, in
    /// `https_proxy` or `DATABASE_URL`).
    static func isSecretValue(_ value: String) -> Bool {
        var rest = Substring(value)
        while let scheme = rest.range(of: "://") {
            let authority = rest[scheme.upperBound...].prefix { !"/?# \t\n".contains($0) }
            if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { return true }
            rest = rest[scheme.upperBound...]
        }
        return false
    }
}
