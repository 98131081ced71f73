import Lua

/// What `empsh --version` (and `-v`) prints, and the REPL's banner shows: empsh's version, the commit it was
/// built from (`BuildInfo`, written by the BuildInfo plugin; "unknown" without git) and the Lua release.
enum Version {
    /// empsh's version.
    static let number = "0.1.0"

    /// `empsh 0.1.0 (commit 1a2b3c4d5e6f), Lua 5.4.6`.
    static var text: String { "empsh \(number) (commit \(BuildInfo.commit)), \(LuaState.release)" }
}
