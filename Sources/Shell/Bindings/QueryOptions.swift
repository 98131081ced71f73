import DataAPIContract
import EmployeeQuery
import Lua

/// The options table of `employees.page/each/all/count/explain`, read and checked.
struct QueryOptions {
    var filter: Filter?
    var sort: [Sort] = []
    var fields: [String]?
    var limit: Int?
    var offset: Int?
    var pageSize: Int?
    var userID: Int64?

    static let names = ["filter", "sort", "fields", "limit", "offset", "page_size", "user_id"]

    /// Reads the options table at `index` (absent or nil: no options).
    /// - Throws: `LuaRaise.message` naming the function and the bad option, listing what is valid.
    static func read(_ stack: LuaStack, at index: Int32, function: String) throws -> QueryOptions {
        var options = QueryOptions()
        switch stack.type(index) {
        case .none, .nil: return options
        case .table: break
        default: throw LuaRaise.message("\(function): expected an options table, got \(stack.typename(index))")
        }
        // Walk a private copy: reading a filter runs Lua code (the checker, a metamethod), which
        // could change the user's table under `lua_next` and make it raise inside Swift.
        let base = stack.gettop()
        defer { stack.settop(base) }
        let table = copy(stack.absindex(index), stack)
        stack.pushnil()
        while stack.next(table) {
            defer { stack.pop() }
            guard let key = stack.tostring(-2), stack.type(-2) == .string, names.contains(key) else {
                let typed = stack.type(-2) == .string ? stack.tostring(-2) : nil
                let shown = typed.map { "'\($0)'" } ?? "a \(stack.typename(-2)) key"
                let near = typed.flatMap { Suggestion.closest(to: $0, among: names) }.map { "; did you mean '\($0)'?" } ?? ";"
                stack.pop()
                throw LuaRaise.message("\(function): unknown option \(shown)\(near) valid options: \(names.joined(separator: ", "))")
            }
            let value = stack.gettop()
            switch key {
            case "filter": options.filter = try readFilter(stack, value, function: function)
            case "sort": options.sort = try readSort(stack, value, function: function)
            case "fields": options.fields = try readFields(stack, value, function: function)
            case "limit": options.limit = try readCount(stack, value, "limit", function: function)
            case "offset": options.offset = try readCount(stack, value, "offset", function: function)
            case "page_size":
                let size = try readCount(stack, value, "page_size", function: function)
                guard Paging.pageSizeRange.contains(size) else {
                    throw LuaRaise.message("\(function): page_size must be 1 to \(Paging.maxLimit), got \(size)")
                }
                options.pageSize = size
            default:
                guard let id = stack.tointeger(value) else {
                    throw LuaRaise.message("\(function): user_id must be an integer, got \(stack.typename(value))")
                }
                options.userID = id
            }
        }
        return options
    }

    /// Pushes a shallow raw copy of the table at `index` and returns its slot (no Lua code runs).
    private static func copy(_ index: Int32, _ stack: LuaStack) -> Int32 {
        stack.createtable(narr: 0, nrec: 8)
        let copy = stack.gettop()
        stack.pushnil()
        while stack.next(index) {
            stack.pushvalue(-2)
            stack.insert(-2)
            stack.rawset(copy)
        }
        return copy
    }

    /// The options as the contract's query (what `employees.page` sends as it is).
    var query: Query {
        Query(filter: filter, sort: sort, fields: fields, limit: limit, offset: offset, userID: userID)
    }

    private static func readCount(_ stack: LuaStack, _ index: Int32, _ name: String, function: String) throws -> Int {
        guard let value = stack.tointeger(index) else {
            throw LuaRaise.message(
                "\(function): \(name) must be an integer, got \(stack.type(index) == .number ? "a fraction" : stack.typename(index))")
        }
        guard value >= 0, value <= Int64(Int32.max) else { throw LuaRaise.message("\(function): \(name) must be 0 or more, got \(value)") }
        return Int(value)
    }

    /// A filter table (built by `F` or written in the API's shape) → the contract's filter.
    static func readFilter(_ stack: LuaStack, _ index: Int32, function: String) throws -> Filter? {
        guard stack.type(index) == .table else {
            throw LuaRaise.message(
                "\(function): filter must be a table (F.<field>:<op>(...) or {field=, operator=, value=}), got \(stack.typename(index))")
        }
        // The one checker (`FilterCheck`, the API's rules as the client applies them) gives a clear
        // error for a hand-written table and returns the filter as the API takes it.
        do {
            return try FilterCheck.read(stack, at: index, path: "filter")
        } catch let rejection as FilterCheck.Rejection {
            throw LuaRaise.message("\(function): \(rejection.text)")
        }
    }

    private static func readSort(_ stack: LuaStack, _ index: Int32, function: String) throws -> [Sort] {
        if stack.type(index) == .string { return [try sortKey(stack.tostring(index) ?? "", function: function)] }
        guard stack.type(index) == .table else {
            throw LuaRaise.message("\(function): sort must be a list like {\"last_name\", \"-first_name\"}, got \(stack.typename(index))")
        }
        var keys: [Sort] = []
        try stack.forEachElement(of: index) { position in
            switch stack.type(-1) {
            case .string: keys.append(try sortKey(stack.tostring(-1) ?? "", function: function))
            case .table:
                stack.rawgetfield(-1, "field")
                let field = stack.tostring(-1)
                stack.pop()
                stack.rawgetfield(-1, "order")
                let order = stack.tostring(-1) ?? "asc"
                stack.pop()
                guard let field else { throw LuaRaise.message("\(function): sort[\(position)] has no field") }
                guard let parsed = Sort.Order(rawValue: order) else {
                    throw LuaRaise.message("\(function): sort[\(position)].order must be \"asc\" or \"desc\", got \"\(order)\"")
                }
                try checkField(field, function: function, place: "sort[\(position)]")
                keys.append(Sort(field: field, order: parsed))
            default:
                throw LuaRaise.message("\(function): sort[\(position)] must be a field name or {field=, order=}, got \(stack.typename(-1))")
            }
        }
        return keys
    }

    private static func sortKey(_ text: String, function: String) throws -> Sort {
        let descending = text.hasPrefix("-")
        let field = descending ? String(text.dropFirst()) : text
        try checkField(field, function: function, place: "sort")
        return Sort(field: field, order: descending ? .desc : .asc)
    }

    private static func readFields(_ stack: LuaStack, _ index: Int32, function: String) throws -> [String] {
        guard stack.type(index) == .table else {
            throw LuaRaise.message("\(function): fields must be a list of field names, got \(stack.typename(index))")
        }
        var fields: [String] = []
        try stack.forEachElement(of: index) { position in
            guard stack.type(-1) == .string, let name = stack.tostring(-1) else {
                throw LuaRaise.message("\(function): fields[\(position)] must be a field name, got \(stack.typename(-1))")
            }
            try checkField(name, function: function, place: "fields[\(position)]")
            fields.append(name)
        }
        return fields
    }

    static func checkField(_ name: String, function: String, place: String) throws {
        guard EmployeeField(rawValue: name) == nil else { return }
        let all = EmployeeField.allCases.map(\.rawValue)
        let near = Suggestion.closest(to: name, among: all).map { "; did you mean '\($0)'?" } ?? ";"
        throw LuaRaise.message("\(function): unknown field '\(name)' in \(place)\(near) valid fields: \(all.joined(separator: ", "))")
    }
}
