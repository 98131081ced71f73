import DataAPIContract
import Lua

/// The Lua side of empsh that is written in Lua: `F` (filter conditions), `List` (result lists)
/// and grouped lists, with the Swift output functions they use (`empsh.render`, `empsh.format`,
/// `empsh.columns`, `empsh.chart`) and the field catalogue (`empsh.fields`).
///
/// ```swift
/// let output = OutputSettings(format: .table)
/// try Prelude.install(in: lua, output: output)
/// try lua.run(#"print(F.status:eq "available")"#)   // status = "available"
/// ```
public enum Prelude {
    /// The chunks, in the order they run: the files in `Prelude/lua/`, embedded at build time
    /// (`EmbeddedLua`), each named by its first line. Each is called with the field catalogue
    /// (`catalog`) and the table the chunks share.
    static let chunks: [EmbeddedChunk] = [
        EmbeddedLua.filter, EmbeddedLua.conditions, EmbeddedLua.list, EmbeddedLua.chart, EmbeddedLua.groups, EmbeddedLua.names,
    ]

    /// Installs the globals `F` and `List` and the `empsh` functions into a state. Call it once,
    /// after the bindings: `json` (`json.null`, `json.encode`) is looked up when a function needs
    /// it, never at install time.
    /// - Parameters:
    ///   - lua: The state.
    ///   - output: The output settings `show` follows; the shell keeps the same object and changes
    ///     its `format` for `.mode` and `--format`.
    /// - Throws: `LuaError` when a chunk fails to load or run (a bug in the prelude).
    public static func install(in lua: LuaState, output: OutputSettings) throws {
        let stack = lua.stack
        let base = stack.gettop()
        defer { stack.settop(base) }
        if stack.getglobal("empsh") != .table {
            stack.pop()
            stack.createtable()
            stack.pushvalue(-1)
            stack.setglobal("empsh")
        }
        let empsh = stack.gettop()
        try stack.push(catalog)
        let catalogIndex = stack.gettop()
        stack.pushvalue(catalogIndex)
        stack.rawsetfield(empsh, "fields")
        stack.setfunction(empsh, "render", OutputFunctions.render(settings: output))
        stack.setfunction(empsh, "format", OutputFunctions.format(settings: output))
        stack.setfunction(empsh, "columns", OutputFunctions.columns())
        stack.setfunction(empsh, "chart", OutputFunctions.chart(settings: output))

        // The internal table the chunks share: P.render, P.format and P.columns are the Swift functions;
        // P.quote writes a string as a JSON (and jsquery) string literal with the contract's escaper;
        // P.check_filter checks a filter in the API's shape (`FilterCheck`).
        stack.createtable()
        let shared = stack.gettop()
        for name in ["render", "format", "columns", "chart"] {
            stack.rawgetfield(empsh, name)
            stack.rawsetfield(shared, name)
        }
        stack.setfunction(shared, "quote", quote)
        pushFormats(stack, into: shared)
        stack.setfunction(shared, "suggest", suggest)
        stack.setfunction(shared, "check_filter", FilterCheck.luaCheck)
        for chunk in chunks {
            try stack.load(chunk)
            stack.pushvalue(catalogIndex)
            stack.pushvalue(shared)
            try stack.call(arguments: 2, results: 0)
        }
    }

    /// `P.formats` (the output formats' names in order), `P.format_set` (name → true) and
    /// `P.for_people` (name → true for the formats `chart` draws bars in), all read from ``OutputFormat``.
    private static func pushFormats(_ stack: LuaStack, into shared: Int32) {
        stack.createtable(narr: Int32(OutputFormat.allCases.count))
        for (i, format) in OutputFormat.allCases.enumerated() {
            stack.pushstring(format.rawValue)
            stack.rawseti(-2, Int64(i + 1))
        }
        stack.rawsetfield(shared, "formats")
        let sets: [(String, (OutputFormat) -> Bool)] = [("format_set", { _ in true }), ("for_people", { $0.isForPeople })]
        for (name, included) in sets {
            stack.createtable()
            for format in OutputFormat.allCases where included(format) {
                stack.pushboolean(true)
                stack.rawsetfield(-2, format.rawValue)
            }
            stack.rawsetfield(shared, name)
        }
    }

    /// `P.suggest(word, names)` → the name in the sequence `names` closest to `word`
    /// (``Suggestion/closest(to:among:)``), or nil.
    private static func suggest(_ stack: LuaStack) throws -> Int32 {
        guard let word = stack.tostring(1), stack.type(1) == .string, stack.type(2) == .table else { return 0 }
        var names: [String] = []
        let count = stack.rawlen(2)
        if count > 0 {
            for i in 1...count {
                stack.rawgeti(2, Int64(i))
                if stack.type(-1) == .string, let name = stack.tostring(-1) { names.append(name) }
                stack.pop()
            }
        }
        guard let best = Suggestion.closest(to: word, among: names) else { return 0 }
        stack.pushstring(best)
        return 1
    }

    /// `P.quote(s)` → `s` as a quoted JSON string, which jsquery reads as the same string.
    private static func quote(_ stack: LuaStack) throws -> Int32 {
        var bytes: [UInt8] = []
        let done: Void? = stack.withBytes(1) { text in
            JSONWriter.appendEscaped(utf8: text.assumingMemoryBound(to: UInt8.self), to: &bytes)
        }
        guard done != nil else { throw LuaRaise.message("expected a string, got \(stack.typename(1))") }
        bytes.withUnsafeBytes { stack.pushbytes($0) }
        return 1
    }
}
