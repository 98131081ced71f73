import Lua

extension SafeMode {
    /// The library functions and tables the guards call, taken before any script runs and held
    /// as registry references.
    struct Originals {
        let io: Int32, open: Int32, lines: Int32, input: Int32, output: Int32, stdout: Int32, stderr: Int32
        let os: Int32, getenv: Int32
        let load: Int32, loadfile: Int32, package: Int32, loaded: Int32, searchers: Int32

        init(_ stack: LuaStack) throws {
            func global(_ name: String) throws -> Int32 {
                guard stack.getglobal(name) != .nil else { throw LuaRaise.message("--safe: no \(name)") }
                return stack.ref()
            }
            func field(_ table: Int32, _ name: String) throws -> Int32 {
                stack.getref(table)
                defer { stack.pop() }
                guard stack.rawgetfield(-1, name) != .nil else { throw LuaRaise.message("--safe: no \(name)") }
                return stack.ref()
            }
            io = try global("io")
            open = try field(io, "open")
            lines = try field(io, "lines")
            input = try field(io, "input")
            output = try field(io, "output")
            stdout = try field(io, "stdout")
            stderr = try field(io, "stderr")
            os = try global("os")
            getenv = try field(os, "getenv")
            load = try global("load")
            loadfile = try global("loadfile")
            package = try global("package")
            loaded = try field(package, "loaded")
            searchers = try field(package, "searchers")
        }
    }

    /// Pushes a copy of the table behind `ref` (its functions and values, raw).
    static func pushCopy(_ stack: LuaStack, of ref: Int32) {
        stack.createtable()
        stack.getref(ref)
        stack.pushnil()
        while stack.next(-2) {
            stack.pushvalue(-2)
            stack.insert(-2)
            stack.rawset(-5)
        }
        stack.pop()
    }

    /// Calls the function behind `ref` with what `pushArguments` pushes (returning how many),
    /// leaving its results on top.
    /// - Returns: how many results it left.
    static func callOriginal(_ stack: LuaStack, _ ref: Int32, _ pushArguments: () -> Int32) throws -> Int32 {
        stack.getref(ref)
        return try stack.call(arguments: pushArguments())
    }
}
