import Lua

/// Turns a plain table of rows into a result list (`List.new` of the prelude), so rows get
/// `where`, `map`, `group_by`, `show` and the rest.
enum ListValue {
    /// Replaces the table on top of the stack by `List.new(table)`; leaves it as it is when the
    /// prelude is not installed.
    static func wrap(_ stack: LuaStack) throws {
        guard stack.getglobal("List") == .table else {
            stack.pop()
            return
        }
        stack.rawgetfield(-1, "new")
        stack.remove(-2)
        guard stack.type(-1) == .function else {
            stack.pop()
            return
        }
        stack.insert(-2)
        try stack.call(arguments: 1, results: 1)
    }
}
