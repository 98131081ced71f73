/// The byte-level helpers of `JSONWriter`: string escaping and integer formatting.
extension JSONWriter {
    /// Appends `value` as a quoted JSON string: `"` and `\` are escaped, `\b \f \n \r \t` by name, other
    /// control characters as `\u00XX`; everything else, non-ASCII included, is copied as raw UTF-8.
    /// - Parameters:
    ///   - value: The string.
    ///   - bytes: The output.
    @inlinable
    public static func appendEscaped(_ value: String, to bytes: inout [UInt8]) {
        var value = value
        value.withUTF8 { appendEscaped(utf8: $0, to: &bytes) }
    }

    /// Appends UTF-8 bytes as a quoted JSON string, escaped as `appendEscaped(_:to:)` does.
    /// - Parameters:
    ///   - utf8: The string's bytes (not validated here).
    ///   - bytes: The output.
    @inlinable
    public static func appendEscaped(utf8: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<utf8.count {
            let b = utf8[i]
            guard b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            runStart = i + 1
            appendEscape(for: b, to: &bytes)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends the escape sequence for one byte that must be escaped.
    @usableFromInline
    static func appendEscape(for b: UInt8, to bytes: inout [UInt8]) {
        let named: UInt8
        switch b {
        case 0x22: named = 0x22
        case 0x5C: named = 0x5C
        case 0x08: named = UInt8(ascii: "b")
        case 0x0C: named = UInt8(ascii: "f")
        case 0x0A: named = UInt8(ascii: "n")
        case 0x0D: named = UInt8(ascii: "r")
        case 0x09: named = UInt8(ascii: "t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            return
        }
        bytes.append(contentsOf: [0x5C, named])
    }

    /// Appends the decimal digits of `value`, with `-` when negative.
    /// - Parameters:
    ///   - value: Any `Int64`, `Int64.min` included.
    ///   - bytes: The output.
    @inlinable
    public static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        if magnitude < 10 { return bytes.append(UInt8(truncatingIfNeeded: magnitude) + 0x30) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var start = 20
            while magnitude > 0 {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }
}

extension JSON {
    /// Writes this value to `writer`; object members in their order.
    /// - Parameter writer: The output.
    public func write(to writer: inout JSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let b): writer.bool(b)
        case .int(let i): writer.int(i)
        case .double(let d): writer.double(d)
        case .string(let s): writer.string(s)
        case .array(let elements):
            writer.beginArray()
            for element in elements { element.write(to: &writer) }
            writer.endArray()
        case .object(let object):
            writer.beginObject()
            for (key, value) in object {
                writer.key(key)
                value.write(to: &writer)
            }
            writer.endObject()
        }
    }

    /// The compact JSON text of this value as UTF-8 bytes (no whitespace, keys in object order).
    public func encoded() -> [UInt8] {
        var writer = JSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// The compact JSON text of this value.
    public func encodedString() -> String { String(decoding: encoded(), as: UTF8.self) }
}
