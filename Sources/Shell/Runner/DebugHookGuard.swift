import Lua

/// Keeps empsh's limit hook in place: `debug.sethook` would remove or replace it (on the main
/// thread or a coroutine) and switch `--timeout`, Ctrl-C and the instruction limit off, so it
/// refuses. `debug.gethook` and the rest of `debug` stay.
enum DebugHookGuard {
    /// Replaces `debug.sethook` (and `package.loaded.debug.sethook`, the same table).
    static func install(in stack: LuaStack) {
        guard stack.getglobal("debug") == .table else {
            stack.pop()
            return
        }
        stack.setfunction(-1, "sethook") { _ in
            throw LuaRaise.message("debug.sethook is disabled: empsh's --timeout and Ctrl-C use the hook")
        }
        stack.pop()
    }
}
