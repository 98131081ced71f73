import CLuaShim

/// Line coverage of Lua code, counted by the C hook every state already runs for its limits.
///
/// Attached states count each line they run in chunks loaded from files (chunk names starting with
/// `@`) into the process's one collector, so a module loaded in many states adds up. The limits
/// (`--timeout`, Ctrl-C) and a script's own `debug.sethook` keep working underneath. Attached
/// states must not run on two threads at once.
///
/// ```swift
/// LuaCoverage.reset()
/// let lua = try LuaState()
/// LuaCoverage.attach(lua)
/// try lua.run(#"dofile("lua/mod.lua")"#, name: "=example")
/// let counts = LuaCoverage.counts()  // [FileCounts(chunkName: "lua/mod.lua", hits: [1: 1, ...])]
/// let lines = try LuaCoverage.executableLines(of: Array(text.utf8), name: "@lua/mod.lua")
/// ```
public enum LuaCoverage {
    /// The lines a file's code ran, and how often.
    public struct FileCounts: Sendable, Equatable {
        /// The chunk name without its `@`: the path the file was loaded by.
        public var chunkName: String
        /// Hits by line, for the lines that ran at least once.
        public var hits: [Int: Int]
    }

    /// Starts counting the lines `state` and its coroutines run, from its next instruction on.
    public static func attach(_ state: LuaState) { empsh_coverage_attach(state.stack.L) }

    /// The counts so far, one entry per chunk name, in the order first seen.
    public static func counts() -> [FileCounts] {
        (0..<empsh_coverage_file_count()).compactMap { index in
            guard let name = empsh_coverage_file_name(index) else { return nil }
            var count: Int32 = 0
            var hits: [Int: Int] = [:]
            if let counted = empsh_coverage_file_hits(index, &count) {
                for line in 0..<Int(count) where counted[line] > 0 { hits[line] = Int(clamping: counted[line]) }
            }
            return FileCounts(chunkName: String(cString: name), hits: hits)
        }
    }

    /// Forgets every count.
    public static func reset() { empsh_coverage_reset() }

    /// The executable lines of a chunk: `debug.getinfo(f, "L").activelines` of every function in
    /// it, nested ones included, less the lines that hold nothing but a function's implicit final
    /// return (an `end` a function that returns explicitly never reaches). The chunk is compiled,
    /// not run.
    /// - Parameters:
    ///   - code: the chunk's text (a `#!` first line already blanked out, as `luaL_loadfile` does).
    ///   - name: its chunk name, for the error message.
    /// - Returns: the line numbers, from 1.
    /// - Throws: `LuaError` of kind `.syntax` when the text does not compile.
    public static func executableLines(of code: [UInt8], name: String) throws -> Set<Int> {
        let state = try LuaState()
        defer { state.close() }
        let capacity = code.reduce(2) { $1 == 0x0A ? $0 + 1 : $0 }
        var marks = [UInt8](repeating: 0, count: capacity)
        let text = code.isEmpty ? [0x20] : code
        let status = text.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { source in
                marks.withUnsafeMutableBufferPointer {
                    empsh_coverage_lines(state.stack.L, source.baseAddress, source.count, name, $0.baseAddress, Int32(clamping: capacity))
                }
            }
        }
        guard status == LUA_OK else { throw state.stack.popError(status: status, traceback: false) }
        return Set(marks.indices.filter { marks[$0] != 0 })
    }
}
