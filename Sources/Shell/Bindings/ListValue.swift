import Lua

/// Turns a plain table of rows into a result list (`List.new` of the prelude), so rows get
/// `where`, `map`, `group_by`, `show` and the rest.
enum ListValue {
    /// Replaces the table on top of the stack by `List.new(table, {columns = columns})`; leaves it
    /// as it is when the prelude is not installed.
    /// - Parameter columns: the fields the user asked for, in their order (what `show` prints).
    static func wrap(_ stack: LuaStack, columns: [String]? = nil) throws {
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
        if let columns {
            stack.createtable(narr: 0, nrec: 1)
            try stack.push(.array(columns.map { .string($0) }))
            stack.rawsetfield(-2, "columns")
        }
        try stack.call(arguments: columns == nil ? 1 : 2, results: 1)
    }
}
