import Lua

/// One of Shell's `.lua` files, embedded by the `EmbedLua` build plugin (`EmbeddedLua`): its text,
/// the chunk name its first line gives (`-- =empsh/F: ...`), and its bytecode, compiled at build
/// time with debug information, so errors and tracebacks read as if the text had been loaded.
struct EmbeddedChunk: Sendable {
    /// The chunk name errors and tracebacks carry, e.g. `=empsh/F`.
    let name: String
    /// The file's text.
    let source: String
    /// `source` compiled by the Lua the build linked (`lua_dump`).
    let bytecode: [UInt8]
}

extension LuaStack {
    /// Pushes an embedded chunk as a function: its bytecode (no compiling at start-up), or its text
    /// when this Lua cannot read that bytecode (a Lua 5.4 release other than the build's).
    /// - Throws: `LuaError` when neither loads (a bug in the file).
    func load(_ chunk: EmbeddedChunk) throws {
        if (try? load(bytecode: chunk.bytecode, name: chunk.name)) != nil { return }
        try load(chunk.source, name: chunk.name)
    }
}
