/// The `JSONVisitor` that builds a `JSON` tree; behind `JSON(parsing:)`.
public struct JSONTreeBuilder: JSONVisitor {
    @usableFromInline var values: [JSON] = []
    @usableFromInline var keys: [String] = []

    /// Creates an empty builder.
    public init() {}

    /// The parsed value once the parse has finished, or `nil` before.
    public var result: JSON? { values.count == 1 ? values[0] : nil }

    /// Records a `null`.
    @inlinable public mutating func null() { values.append(.null) }
    /// Records `true` or `false`.
    @inlinable public mutating func bool(_ value: Bool) { values.append(.bool(value)) }
    /// Records an integer that fits 64 bits.
    @inlinable public mutating func int(_ value: Int64) { values.append(.int(value)) }
    /// Records any other number.
    @inlinable public mutating func double(_ value: Double) { values.append(.double(value)) }
    /// Records a string, its bytes already unescaped UTF-8.
    @inlinable public mutating func string(_ bytes: UnsafeRawBufferPointer) {
        values.append(.string(String(decoding: bytes, as: UTF8.self)))
    }
    /// Opens an array.
    @inlinable public mutating func beginArray() {}
    /// Closes the innermost array, which got `count` values.
    @inlinable public mutating func endArray(count: Int) {
        let elements = Array(values[(values.count - count)...])
        values.removeLast(count)
        values.append(.array(elements))
    }
    /// Opens an object.
    @inlinable public mutating func beginObject() {}
    /// Records an object member's name (unescaped UTF-8), before its value.
    @inlinable public mutating func key(_ bytes: UnsafeRawBufferPointer) { keys.append(String(decoding: bytes, as: UTF8.self)) }
    /// Closes the innermost object, which got `count` members.
    @inlinable public mutating func endObject(count: Int) {
        let firstValue = values.count - count
        let firstKey = keys.count - count
        var members: [(String, JSON)] = []
        members.reserveCapacity(count)
        for k in 0..<count { members.append((keys[firstKey + k], values[firstValue + k])) }
        values.removeLast(count)
        keys.removeLast(count)
        values.append(.object(JSONObject(parsedMembers: members)))
    }
}

extension JSON {
    /// Parses a JSON text from UTF-8 bytes.
    /// - Parameters:
    ///   - bytes: The text; exactly one value, optionally surrounded by whitespace.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted; 512 by default.
    /// - Throws: `JSONParseError` with the byte offset and reason.
    public init(parsing bytes: UnsafeRawBufferPointer, maxDepth: Int = JSONParser.defaultMaxDepth) throws {
        var builder = JSONTreeBuilder()
        try JSONParser.parse(bytes, maxDepth: maxDepth, into: &builder)
        self = builder.result!
    }

    /// Parses a JSON text from a byte array.
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - maxDepth: The deepest nesting accepted; 512 by default.
    /// - Throws: `JSONParseError` with the byte offset and reason.
    public init(parsing bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) throws {
        self = try bytes.withUnsafeBytes { try JSON(parsing: $0, maxDepth: maxDepth) }
    }

    /// Parses a JSON text from a string.
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - maxDepth: The deepest nesting accepted; 512 by default.
    /// - Throws: `JSONParseError` with the byte offset and reason.
    public init(parsing text: String, maxDepth: Int = JSONParser.defaultMaxDepth) throws {
        var text = text
        self = try text.withUTF8 { try JSON(parsing: UnsafeRawBufferPointer($0), maxDepth: maxDepth) }
    }
}
