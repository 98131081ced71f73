import DataAPIContract
import Lua

/// Encodes a Lua value as JSON bytes: `json.null` → `null`, sequences → arrays, other tables →
/// objects (an empty table is `[]` or `{}` by its marker metatable, `{}` without one), integers
/// exactly, floats in shortest round-trip form.
///
/// Lua tables have no key order; object keys are written in the order of the API's record
/// (the catalogue's order, nested keys included), then the rest sorted by bytes, so the same
/// table always encodes to the same bytes.
struct LuaJSONEncoder {
    /// Pretty-printing with two-space indentation.
    var indent = false
    private(set) var bytes: [UInt8] = []
    private let stack: LuaStack
    /// Tables written, to check the call's limits every 256 (a long encode honours `--timeout` and Ctrl-C).
    private var tables = 0

    init(stack: LuaStack, indent: Bool = false) {
        self.stack = stack
        self.indent = indent
        bytes.reserveCapacity(256)
    }

    /// Encodes the value at `index`.
    /// - Throws: `LuaRaise.message` for a function, userdata or thread, NaN or infinity, invalid
    ///   UTF-8, a non-string non-integer key, or nesting deeper than 200 (cycles included).
    mutating func encode(_ index: Int32) throws {
        try write(stack.absindex(index), depth: 0, path: "value")
    }

    private mutating func write(_ index: Int32, depth: Int, path: @autoclosure () -> String) throws {
        switch stack.type(index) {
        case .nil, .none: bytes.append(contentsOf: "null".utf8)
        case .boolean: bytes.append(contentsOf: (stack.toboolean(index) ? "true" : "false").utf8)
        case .number:
            if stack.isinteger(index) {
                JSONWriter.appendInteger(stack.tointeger(index) ?? 0, to: &bytes)
            } else {
                let value = stack.tonumber(index) ?? 0
                guard value.isFinite else { throw LuaRaise.message("json.encode: \(path()) is \(value), which JSON cannot hold") }
                bytes.append(contentsOf: value.description.utf8)
            }
        case .string: try writeString(index, path: path())
        case .lightuserdata where stack.touserdata(index) == nil: bytes.append(contentsOf: "null".utf8)
        case .table: try writeTable(index, depth: depth, path: path())
        default:
            throw LuaRaise.message("json.encode: \(path()) is a \(stack.typename(index)), which JSON cannot hold")
        }
    }

    private mutating func writeString(_ index: Int32, path: @autoclosure () -> String) throws {
        let valid = stack.withBytes(index) { raw -> Bool in
            let utf8 = raw.bindMemory(to: UInt8.self)
            guard utf8.contains(where: { $0 >= 0x80 }) else {
                JSONWriter.appendEscaped(utf8: utf8, to: &bytes)
                return true
            }
            guard String(validating: utf8, as: UTF8.self) != nil else { return false }
            JSONWriter.appendEscaped(utf8: utf8, to: &bytes)
            return true
        }
        if valid != true { throw LuaRaise.message("json.encode: \(path()) is not valid UTF-8") }
    }

    private mutating func writeTable(_ index: Int32, depth: Int, path: String) throws {
        guard depth < 200 else { throw LuaRaise.message("json.encode: \(path) nests deeper than 200 levels (a cycle?)") }
        guard stack.checkstack(4) else { throw LuaRaise.message("json.encode: stack overflow") }
        tables &+= 1
        if tables & 255 == 0 { try stack.checkLimits() }
        let shape = try TableShape(of: index, in: stack, path: path)
        switch shape {
        case .array(let count):
            bytes.append(UInt8(ascii: "["))
            for i in stride(from: 1, through: count, by: 1) {
                if i > 1 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                stack.rawgeti(index, Int64(i))
                try write(stack.gettop(), depth: depth + 1, path: "\(path)[\(i)]")
                stack.pop()
            }
            if count > 0 { newline(depth) }
            bytes.append(UInt8(ascii: "]"))
        case .object(let keys):
            bytes.append(UInt8(ascii: "{"))
            for (n, key) in keys.enumerated() {
                if n > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                key.text.withUnsafeBufferPointer { JSONWriter.appendEscaped(utf8: $0, to: &bytes) }
                bytes.append(UInt8(ascii: ":"))
                if indent { bytes.append(UInt8(ascii: " ")) }
                if let integer = key.integer {
                    stack.rawgeti(index, integer)
                } else {
                    key.text.withUnsafeBytes { stack.pushbytes($0) }
                    stack.rawget(index)
                }
                try write(stack.gettop(), depth: depth + 1, path: "\(path).\(String(decoding: key.text, as: UTF8.self))")
                stack.pop()
            }
            if !keys.isEmpty { newline(depth) }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ depth: Int) {
        guard indent else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }
}

/// Whether a table encodes as an array or an object, and the object's keys in output order.
private enum TableShape {
    case array(count: Int)
    case object(keys: [Key])

    /// An object key: its text, and the integer it was in Lua when it was one.
    struct Key {
        var text: [UInt8]
        var integer: Int64?
    }

    init(of index: Int32, in stack: LuaStack, path: String) throws {
        var count = 0
        var maxInteger: Int64 = 0
        var onlyPositiveIntegers = true
        var keys: [Key] = []
        stack.pushnil()
        while stack.next(index) {
            count += 1
            let keyIndex = stack.gettop() - 1
            switch stack.type(keyIndex) {
            case .string:
                onlyPositiveIntegers = false
                let text = stack.tobytes(keyIndex) ?? []
                if text.contains(where: { $0 >= 0x80 }), String(validating: text, as: UTF8.self) == nil {
                    stack.pop(2)
                    throw LuaRaise.message("json.encode: \(path) has a key that is not valid UTF-8")
                }
                keys.append(Key(text: text))
            case .number:
                guard let integer = stack.tointeger(keyIndex) else {
                    stack.pop(2)
                    throw LuaRaise.message("json.encode: \(path) has a non-integer number key")
                }
                if integer < 1 { onlyPositiveIntegers = false } else { maxInteger = max(maxInteger, integer) }
                keys.append(Key(text: Array(String(integer).utf8), integer: integer))
            default:
                let name = stack.typename(keyIndex)
                stack.pop(2)
                throw LuaRaise.message("json.encode: \(path) has a \(name) key; JSON keys are strings")
            }
            stack.pop()
        }
        if count == 0 {
            self = TableShape.hasMarker(index, LuaJSONDecoder.arrayMarker, in: stack) ? .array(count: 0) : .object(keys: [])
        } else if onlyPositiveIntegers && maxInteger == Int64(count) {
            self = .array(count: count)
        } else {
            let sorted = keys.sorted { KeyOrder.precedes($0.text, $1.text) }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.text == b.text {
                throw LuaRaise.message(
                    "json.encode: \(path) has both the number \(String(decoding: a.text, as: UTF8.self)) and the string \"\(String(decoding: a.text, as: UTF8.self))\" as keys"
                )
            }
            self = .object(keys: sorted)
        }
    }

    private static func hasMarker(_ index: Int32, _ name: String, in stack: LuaStack) -> Bool {
        guard stack.getmetatable(index) else { return false }
        _ = stack.rawgetfield(-1, "__name")
        defer { stack.pop(2) }
        return stack.tostring(-1) == name
    }
}

/// The order object keys are written in: the API record's order first, then by bytes.
enum KeyOrder {
    static let rank: [[UInt8]: Int] = {
        var names: [String] = []
        for field in EmployeeField.allCases {
            names.append(field.rawValue)
            for nested in field.kind.nestedFields {
                names.append(nested.name)
                for inner in nested.kind.nestedFields { names.append(inner.name) }
            }
        }
        var rank: [[UInt8]: Int] = [:]
        for (i, name) in names.enumerated() where rank[Array(name.utf8)] == nil { rank[Array(name.utf8)] = i }
        return rank
    }()

    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        switch (rank[a], rank[b]) {
        case (let x?, let y?): return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.lexicographicallyPrecedes(b)
        }
    }
}
