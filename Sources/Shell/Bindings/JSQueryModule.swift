import DataAPIContract
import EmployeeQuery
import Foundation
import Lua

/// The global `jsquery`: `jsquery.match(value, expression)` evaluates an expression in the API's
/// own jsquery language — the same engine the server filters with — against any Lua or JSON value,
/// so that local lists can be filtered as the API would filter them.
///
/// ```lua
/// local ops = employees.all{}:where(function(e) return jsquery.match(e.groups, "#.group_id = 3") end)
/// jsquery.match({1, 2, 3}, "$ @> [2]")   --> true
/// ```
enum JSQueryModule {
    /// Compiled expressions by source: scripts call `match` with the same few expressions per row.
    private static let cache = CompiledExpressions()

    /// Installs `jsquery` as a global.
    static func install(in stack: LuaStack) {
        stack.createtable(narr: 0, nrec: 1)
        stack.setfunction(-1, "match", match)
        stack.setglobal("jsquery")
    }

    /// `jsquery.match(value, expression)` → `true`/`false`.
    /// - Throws: `LuaRaise` for an expression that is not a string or does not parse (the message says
    ///   where), or a value that cannot be encoded as JSON (functions, cycles, …).
    static func match(_ stack: LuaStack) throws -> Int32 {
        guard stack.type(2) == .string, let source = stack.tostring(2) else {
            throw LuaRaise.message("jsquery.match: expected a jsquery expression (a string) as argument 2, got \(stack.typename(2))")
        }
        let query = try cache.query(source)
        var encoder = LuaJSONEncoder(stack: stack)
        do {
            try encoder.encode(1)
        } catch LuaRaise.message(let text) {
            let reason = text.hasPrefix("json.encode: ") ? String(text.dropFirst("json.encode: ".count)) : text
            throw LuaRaise.message("jsquery.match: the value cannot be read as JSON: \(reason)")
        }
        let value: JSON
        do {
            value = try JSON(parsing: encoder.bytes)
        } catch {
            throw LuaRaise.message("jsquery.match: the value cannot be read as JSON: \(error)")
        }
        stack.pushboolean(query.matches(value))
        return 1
    }

    /// The last expressions compiled, at most `capacity` of them.
    // @unchecked: `queries` is read and written under `lock`.
    private final class CompiledExpressions: @unchecked Sendable {
        private let capacity = 64
        private let lock = NSLock()
        private var queries: [String: JSQuery] = [:]

        func query(_ source: String) throws -> JSQuery {
            if let known = lock.withLock({ queries[source] }) { return known }
            let query: JSQuery
            do {
                query = try JSQuery(source)
            } catch {
                throw LuaRaise.message("jsquery.match: \(error.message) at \(error.offset) in \(source)")
            }
            lock.withLock {
                if queries.count >= capacity { queries.removeAll(keepingCapacity: true) }
                queries[source] = query
            }
            return query
        }
    }
}
