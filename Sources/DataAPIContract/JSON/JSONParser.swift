/// A strict RFC 8259 parser over UTF-8 bytes that reports to a `JSONVisitor`.
///
/// The parser is iterative (an explicit container stack, never recursion), so any nesting ends in
/// `JSONParseError.Reason.tooDeep` rather than a stack overflow. It validates UTF-8 inside strings,
/// rejects trailing bytes after the value, and decodes numbers as follows: an integer literal that fits
/// `Int64` → `int`; a fraction, an exponent, an integer beyond `Int64`, or `-0` → `double`; a number
/// beyond `Double`'s range → `numberOutOfRange`.
///
/// The generic entry points are `@inlinable`, so a visitor in another module (the Lua bridge)
/// is specialised and inlined into the scanning loop.
///
/// ```swift
/// var tree = JSONTreeBuilder()
/// try JSONParser.parse(bytes, into: &tree)
/// ```
public enum JSONParser {
    /// The nesting depth of arrays and objects allowed unless a caller says otherwise: 512.
    public static let defaultMaxDepth = 512

    /// Parses one JSON text from raw bytes.
    /// - Parameters:
    ///   - bytes: The UTF-8 text; it must hold exactly one value, optionally surrounded by whitespace.
    ///   - maxDepth: The deepest nesting of arrays and objects accepted; 512 by default.
    ///   - visitor: Receives the values in document order.
    /// - Throws: `JSONParseError` for malformed input, or whatever `visitor` throws.
    @inlinable
    public static func parse<V: JSONVisitor>(
        _ bytes: UnsafeRawBufferPointer, maxDepth: Int = defaultMaxDepth, into visitor: inout V
    ) throws {
        guard let base = bytes.baseAddress, bytes.count > 0 else {
            throw JSONParseError(offset: 0, reason: .unexpectedEnd)
        }
        var scanner = JSONScanner(base: base, count: bytes.count)
        defer { scanner.releaseScratch() }
        try scanner.run(maxDepth: maxDepth, into: &visitor)
    }

    /// Parses one JSON text from a byte array.
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - maxDepth: The deepest nesting accepted; 512 by default.
    ///   - visitor: Receives the values in document order.
    /// - Throws: `JSONParseError` for malformed input, or whatever `visitor` throws.
    @inlinable
    public static func parse<V: JSONVisitor>(_ bytes: [UInt8], maxDepth: Int = defaultMaxDepth, into visitor: inout V) throws {
        try bytes.withUnsafeBytes { try parse($0, maxDepth: maxDepth, into: &visitor) }
    }

    /// Parses one JSON text from a string.
    /// - Parameters:
    ///   - text: The JSON text.
    ///   - maxDepth: The deepest nesting accepted; 512 by default.
    ///   - visitor: Receives the values in document order.
    /// - Throws: `JSONParseError` for malformed input, or whatever `visitor` throws.
    @inlinable
    public static func parse<V: JSONVisitor>(_ text: String, maxDepth: Int = defaultMaxDepth, into visitor: inout V) throws {
        var text = text
        try text.withUTF8 { try parse(UnsafeRawBufferPointer($0), maxDepth: maxDepth, into: &visitor) }
    }
}

extension JSONScanner {
    /// Drives the parse: one iteration per value, closing containers after each complete value.
    ///
    /// Longer than 60 lines on purpose: it is the hot loop of every reply, and its state (the container
    /// stack, depth, the innermost container's count and kind) lives in locals the optimiser keeps in
    /// registers; split into functions, that state would go through memory on every value.
    @inlinable
    mutating func run<V: JSONVisitor>(maxDepth: Int, into visitor: inout V) throws {
        var stack: [Int] = []  // enclosing containers: count << 1 | isObject
        var depth = 0
        var topCount = 0
        var topIsObject = false
        skipWhitespace()
        outer: while true {
            guard pos < count else { throw fail(.unexpectedEnd) }
            switch byte(pos) {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = byte(pos) == UInt8(ascii: "{")
                guard depth < maxDepth else { throw fail(.tooDeep) }
                pos += 1
                if isObject { try visitor.beginObject() } else { try visitor.beginArray() }
                skipWhitespace()
                if pos < count && byte(pos) == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    pos += 1
                    if isObject { try visitor.endObject(count: 0) } else { try visitor.endArray(count: 0) }
                } else {
                    if depth > 0 { stack.append(topCount << 1 | (topIsObject ? 1 : 0)) }
                    depth += 1
                    topCount = 0
                    topIsObject = isObject
                    if isObject { try readKey(into: &visitor) }
                    continue outer
                }
            case UInt8(ascii: "\""):
                pos += 1
                try visitor.string(try scanString())
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                try visitor.bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                try visitor.bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                try visitor.null()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try scanNumber(into: &visitor)
            default:
                throw fail(.unexpectedByte)
            }
            // A value is complete: separators and closing brackets until the next value starts.
            while depth > 0 {
                topCount += 1
                skipWhitespace()
                guard pos < count else { throw fail(.unexpectedEnd) }
                let c = byte(pos)
                if c == UInt8(ascii: ",") {
                    pos += 1
                    skipWhitespace()
                    if topIsObject { try readKey(into: &visitor) }
                    continue outer
                }
                guard c == (topIsObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else { throw fail(.unexpectedByte) }
                pos += 1
                let closedCount = topCount
                let closedObject = topIsObject
                depth -= 1
                if depth > 0 {
                    let top = stack.removeLast()
                    topCount = top >> 1
                    topIsObject = top & 1 == 1
                }
                if closedObject { try visitor.endObject(count: closedCount) } else { try visitor.endArray(count: closedCount) }
            }
            break
        }
        skipWhitespace()
        guard pos == count else { throw fail(.trailingGarbage) }
    }

    /// Reads `"key"`, the colon and the whitespace around it; `pos` is at the opening quote.
    @inlinable
    mutating func readKey<V: JSONVisitor>(into visitor: inout V) throws {
        guard pos < count else { throw fail(.unexpectedEnd) }
        guard byte(pos) == UInt8(ascii: "\"") else { throw fail(.unexpectedByte) }
        pos += 1
        try visitor.key(try scanString())
        skipWhitespace()
        guard pos < count else { throw fail(.unexpectedEnd) }
        guard byte(pos) == UInt8(ascii: ":") else { throw fail(.unexpectedByte) }
        pos += 1
        skipWhitespace()
    }
}
