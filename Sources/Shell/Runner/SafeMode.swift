import Lua

/// `--safe`: a state that cannot run programs, write files, load C code or reach `debug`.
///
/// Each refused function is replaced by one that raises "NAME is disabled by --safe", so the
/// message names what was refused and the line that asked for it. Reading files, `require` of
/// Lua modules, and writing to standard output and standard error still work.
enum SafeMode {
    /// The restrictions, in `Runner/lua/safe.lua` (embedded at build time).
    static let source = EmbeddedLua.safe

    /// Applies the restrictions to a state.
    /// - Throws: `LuaError` when the chunk fails (a bug).
    static func apply(to lua: LuaState) throws {
        try lua.run(source, name: "=empsh/safe")
    }
}
