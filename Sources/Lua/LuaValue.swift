/// A Lua value copied out of a state, or to be pushed into one.
///
/// Integers and floats stay apart (`1` and `1.0` are different values, as in Lua 5.4), and
/// strings are bytes, so NUL and any encoding survive a round trip.
public enum LuaValue: Hashable, Sendable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string([UInt8])
    case table([LuaValue: LuaValue])
    /// A function, userdata or thread: it cannot be copied out, only named.
    case opaque(typeName: String)

    /// A string value from Swift text, as UTF-8.
    public static func string(_ text: String) -> LuaValue { .string(Array(text.utf8)) }

    /// A table that is a sequence (keys 1...n).
    public static func array(_ items: [LuaValue]) -> LuaValue {
        var table: [LuaValue: LuaValue] = [:]
        for (index, item) in items.enumerated() { table[.integer(Int64(index + 1))] = item }
        return .table(table)
    }

    /// The text of a string value (invalid UTF-8 repaired), or `nil` for other values.
    public var text: String? {
        if case .string(let bytes) = self { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }

    /// The elements 1...n of a sequence table, or `nil` when this is not a table.
    public var arrayItems: [LuaValue]? {
        guard case .table(let table) = self else { return nil }
        var items: [LuaValue] = []
        var index: Int64 = 1
        while let item = table[.integer(index)] {
            items.append(item)
            index += 1
        }
        return items
    }

    /// The Lua type name (`nil`, `boolean`, `number`, `string`, `table`, or the opaque type's).
    public var typeName: String {
        switch self {
        case .nil: "nil"
        case .boolean: "boolean"
        case .integer, .number: "number"
        case .string: "string"
        case .table: "table"
        case .opaque(let name): name
        }
    }
}

extension LuaValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByNilLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(nilLiteral: ()) { self = .nil }
}
