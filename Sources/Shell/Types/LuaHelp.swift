/// `.help NAME` in the REPL: the signatures and one-line descriptions of a part of the Lua API
/// (`.help employees`, `.help F`, `.help F.status`, `.help list`, `.help json`), read from the
/// same definitions as `empsh --types` (``LuaTypes/definitions``), so the two never disagree.
///
/// ```swift
/// print(LuaHelp.text(for: "employees") ?? "")
/// // employees: Queries of get.employees.
/// //
/// //   employees.all(options?: QueryOptions) → List
/// //       Every matching row, fetched page by page; ...
/// ```
public enum LuaHelp {
    /// One documented declaration of the definitions: a function or a table (a module, `F.<field>`).
    struct Entry {
        /// The qualified name: `employees.all`, `List:where`, `F.status`, `F.status:eq`.
        var name: String
        /// The first line of its description.
        var summary: String
        /// `(options?: QueryOptions) → List` for a function; nil for a table.
        var signature: String?
    }

    /// The entries, in the definitions' order.
    static let entries: [Entry] = parse(LuaTypes.definitions)

    /// The names `.help` knows as topics: the top-level tables and every table under them.
    public static var topics: [String] {
        entries.filter { $0.signature == nil }.map(\.name)
    }

    /// The help of `topic` (matched without regard to case: `list` is `List`), or nil when it is not
    /// a table of the API.
    public static func text(for topic: String) -> String? {
        guard
            let head = entries.first(where: { $0.signature == nil && $0.name == topic })
                ?? entries.first(where: { $0.signature == nil && $0.name.lowercased() == topic.lowercased() })
        else { return nil }
        var lines = ["\(head.name): \(head.summary)", ""]
        for child in children(of: head.name) {
            if let signature = child.signature {
                lines.append("  \(child.name)\(signature)")
                if !child.summary.isEmpty { lines.append("      \(child.summary)") }
            } else {
                let builders = children(of: child.name).map { String($0.name.dropFirst(child.name.count + 1)) }
                lines.append("  \(child.name)  \(child.summary)" + (builders.isEmpty ? "" : " :" + builders.joined(separator: " :")))
            }
        }
        if lines.count == 2 { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// What `.help` says of an unknown topic: the closest one, and the list.
    public static func unknown(_ topic: String) -> String {
        let tops = topics.filter { !$0.contains(".") }
        let near = Suggestion.closest(to: topic, among: topics).map { "did you mean .help \($0)? " } ?? ""
        return ".help: no part of the Lua API is called \"\(topic)\"; \(near)topics: \(tops.joined(separator: ", "))"
    }

    private static func children(of parent: String) -> [Entry] {
        entries.filter { entry in
            guard entry.name.count > parent.count + 1, entry.name.hasPrefix(parent) else { return false }
            let rest = entry.name.dropFirst(parent.count)
            guard let first = rest.first, first == "." || first == ":" else { return false }
            return !rest.dropFirst().contains(".") && !rest.dropFirst().contains(":")
        }
    }

    /// The LuaLS type at the start of `text`, up to the first space outside brackets that does not
    /// follow `:`, `,` or `|` (`fun(row: Employee): boolean|table description` → the type).
    static func leadingType(_ text: Substring) -> String {
        var out = ""
        var depth = 0
        for character in text {
            switch character {
            case "(", "{", "[", "<": depth += 1
            case ")", "}", "]", ">": depth -= 1
            case " " where depth == 0 && !(out.last.map { ":,|".contains($0) } ?? true): return out
            default: break
            }
            out.append(character)
        }
        return out
    }

    /// Reads `---` comment blocks followed by `function a.b(...) end`, `a.b = {}` or `a = {}`.
    static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var doc: [String] = []
        var params: [String] = []
        var returns: [String] = []
        var type: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = String(raw)
            if line.hasPrefix("---@param ") {
                let rest = line.dropFirst(10)
                let name = rest.prefix(while: { $0 != " " })
                params.append("\(name): \(leadingType(rest.dropFirst(name.count + 1)))")
            } else if line.hasPrefix("---@return ") {
                returns.append(leadingType(line.dropFirst(11)))
            } else if line.hasPrefix("---@type ") {
                type = String(line.dropFirst(9))
            } else if line.hasPrefix("---@") {
                continue
            } else if line.hasPrefix("---") {
                doc.append(String(line.dropFirst(3)))
            } else if line.hasPrefix("function "), let open = line.firstIndex(of: "(") {
                let name = String(line[line.index(line.startIndex, offsetBy: 9)..<open])
                let result = returns.isEmpty ? "" : " → " + returns.joined(separator: ", ")
                let summary = doc.joined(separator: " ")
                entries.append(Entry(name: name, summary: summary, signature: "(" + params.joined(separator: ", ") + ")" + result))
                (doc, params, returns, type) = ([], [], [], nil)
            } else if line.hasSuffix(" = {}") || line.hasSuffix(" = nil"), !line.hasPrefix("local "), !line.contains(" = {} ") {
                let name = String(line.prefix(while: { $0 != " " }))
                let signature = line.hasSuffix(" = nil") ? ": " + (type ?? "any") : nil
                entries.append(Entry(name: name, summary: doc.joined(separator: " "), signature: signature))
                (doc, params, returns, type) = ([], [], [], nil)
            } else if line.isEmpty || !line.hasPrefix("--") {
                (doc, params, returns, type) = ([], [], [], nil)
            }
        }
        return entries
    }
}
