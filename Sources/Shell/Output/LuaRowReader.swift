import DataAPIContract
import EmployeeQuery
import Lua

/// Reads a Lua list of rows (tables, or plain values) into an ``OutputTable``, straight from the stack.
///
/// `json.null` and `json.encode` are looked up when the reader is made, so the prelude needs the
/// bindings' `json` only at call time. Without `json`, nested values read as `[n items]` or `{…}`.
struct LuaRowReader {
    let stack: LuaStack
    /// Stack index of `json.null`, when there is one.
    let null: Int32?
    /// Stack index of `json.encode`, when there is one.
    let encode: Int32?

    /// Pushes `json.null` and `json.encode` (when present) and makes a reader that uses them;
    /// the caller restores the stack top afterwards.
    /// - Throws: `LuaError` when an `__index` metamethod on `json` fails.
    static func prepare(_ stack: LuaStack) throws -> LuaRowReader {
        stack.checkstack(8)
        guard stack.getglobal("json") == .table else {
            stack.pop()
            return LuaRowReader(stack: stack, null: nil, encode: nil)
        }
        let json = stack.gettop()
        func field(_ name: String, _ wanted: (LuaType) -> Bool) throws -> Int32? {
            stack.pushstring(name)
            try stack.gettable(json)
            if wanted(stack.type(-1)) { return stack.gettop() }
            stack.pop()
            return nil
        }
        let null = try field("null") { $0 != .nil }
        let encode = try field("encode") { $0 == .function }
        return LuaRowReader(stack: stack, null: null, encode: encode)
    }

    /// Reads `rows` (a stack index) into a table of `columns`, or of the columns the rows have.
    /// - Throws: `LuaError` when `json.encode` or a `__tostring` fails.
    func table(rows: Int32, columns: [String]?) throws -> OutputTable {
        let rows = stack.absindex(rows)
        let count = stack.arrayLength(rows)
        let columns = try columns ?? inferColumns(rows: rows, count: count)
        let paths = columns.map(Self.path)
        var out: [[OutputCell]] = []
        out.reserveCapacity(count)
        for index in 0..<count {
            if index & 255 == 255 { try stack.checkLimits() }
            stack.rawgeti(rows, Int64(index + 1))
            let row = stack.gettop()
            var cells: [OutputCell] = []
            cells.reserveCapacity(paths.count)
            for (column, path) in paths.enumerated() {
                if isRecord(row) {
                    try pushValue(of: row, at: path)
                    cells.append(try cell(at: -1))
                    stack.pop()
                } else {
                    cells.append(columns[column] == "value" ? try cell(at: row) : .absent)
                }
            }
            stack.pop()
            out.append(cells)
        }
        return OutputTable(columns: columns, rows: out)
    }

    /// Whether the value at `index` is a row with fields: a table that is not `json.null`.
    func isRecord(_ index: Int32) -> Bool {
        stack.type(index) == .table && !isNull(index)
    }

    func isNull(_ index: Int32) -> Bool {
        guard let null else { return false }
        return stack.rawequal(index, null)
    }

    /// Pushes the value at a dotted path (`operator.operator_login`, `groups.1.group_id`), or nil.
    func pushValue(of row: Int32, at path: [LuaValue]) throws {
        stack.pushvalue(row)
        for key in path {
            guard isRecord(-1) else {
                stack.pop()
                stack.pushnil()
                return
            }
            try stack.push(key)
            _ = stack.rawget(-2)
            stack.remove(-2)
        }
    }

    /// The cell for the value at `index`.
    func cell(at index: Int32) throws -> OutputCell {
        let index = stack.absindex(index)
        if isNull(index) { return .null }
        switch stack.type(index) {
        case .nil, .none: return .absent
        case .boolean: return .boolean(stack.toboolean(index))
        case .number:
            if stack.isinteger(index), let i = stack.tointeger(index) { return .integer(i) }
            return .number(stack.tonumber(index) ?? .nan)
        case .string: return .text(stack.tostring(index) ?? "")
        case .table:
            let length = stack.arrayLength(index)
            var items: Int?
            if length > 0 {
                if stack.rawgeti(index, 1) == .table, !isNull(-1) { items = length }
                stack.pop()
            }
            guard let encode else { return .nested(json: length > 0 ? "[\(length) items]" : "{…}", items: nil) }
            stack.pushvalue(encode)
            stack.pushvalue(index)
            try stack.call(arguments: 1, results: 1)
            let json = stack.tostring(-1) ?? ""
            stack.pop()
            return .nested(json: json, items: items)
        default:
            return .text(try stack.tostringMeta(index))
        }
    }

    /// The string keys of every row, in the catalogue's order (`key`, `count`, then the record's
    /// fields, then nested keys), the rest alphabetically; `["value"]` for a list of plain values.
    func inferColumns(rows: Int32, count: Int) throws -> [String] {
        var seen = Set<String>()
        var sawPlain = false
        for index in 0..<count {
            if index & 255 == 255 { try stack.checkLimits() }
            stack.rawgeti(rows, Int64(index + 1))
            let row = stack.gettop()
            if isRecord(row) {
                stack.pushnil()
                while stack.next(row) {
                    if stack.type(-2) == .string, let key = stack.tostring(-2) { seen.insert(key) }
                    stack.pop()
                }
            } else if stack.type(row) != .nil {
                sawPlain = true
            }
            stack.pop()
        }
        if seen.isEmpty { return sawPlain ? ["value"] : [] }
        return seen.sorted { a, b in
            switch (Self.rank[a], Self.rank[b]) {
            case (let x?, let y?): x < y
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a < b
            }
        }
    }

    /// The order of known column names.
    static let rank: [String: Int] = {
        var names = ["key", "count"]
        func add(_ fields: [NestedField]) {
            for field in fields {
                names.append(field.name)
                add(field.kind.nestedFields)
            }
        }
        names += EmployeeField.allCases.map(\.rawValue)
        for field in EmployeeField.allCases { add(field.kind.nestedFields) }
        var rank: [String: Int] = [:]
        for (index, name) in names.enumerated() where rank[name] == nil { rank[name] = index }
        return rank
    }()

    /// A column name as keys: `a.b.2` → `"a"`, `"b"`, `2`.
    static func path(_ column: String) -> [LuaValue] {
        column.split(separator: ".", omittingEmptySubsequences: false).map { part in
            if let n = Int64(part), n > 0 { return .integer(n) }
            return .string(String(part))
        }
    }
}
