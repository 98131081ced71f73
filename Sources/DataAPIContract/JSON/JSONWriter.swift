/// A streaming JSON writer into a byte array, with commas placed automatically.
///
/// Call the methods in document order: inside an object, `key(_:)` before each value. Strings are
/// escaped as `JSONWriter.appendEscaped` describes; integers are written exactly; doubles in their
/// shortest round-trip form, a whole double keeping `.0` and NaN/infinity written as `null`.
/// Nothing checks the call order, so a wrong sequence writes invalid JSON.
public struct JSONWriter: Sendable {
    /// The bytes written so far.
    public var bytes: [UInt8]
    @usableFromInline var needsComma = false

    /// Creates a writer.
    /// - Parameter capacity: Bytes to reserve up front; 0 by default.
    public init(capacity: Int = 0) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// The output as a string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    @inlinable @inline(__always)
    mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    /// Opens an object.
    @inlinable public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes the innermost object.
    @inlinable public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Opens an array.
    @inlinable public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    /// Closes the innermost array.
    @inlinable public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object member's key and the colon; the value comes next.
    /// - Parameter name: The key, escaped like any string.
    @inlinable public mutating func key(_ name: String) {
        separate()
        JSONWriter.appendEscaped(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// Writes a key known to need no escaping (ASCII letters, digits, `_`), without checking it.
    /// - Parameter name: The key.
    @inlinable public mutating func key(plain name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
        bytes.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        needsComma = false
    }

    /// Writes a string value.
    @inlinable public mutating func string(_ value: String) {
        separate()
        JSONWriter.appendEscaped(value, to: &bytes)
    }

    /// Writes an integer exactly.
    @inlinable public mutating func int(_ value: Int64) {
        separate()
        JSONWriter.appendInteger(value, to: &bytes)
    }

    /// Writes a double in shortest round-trip form (`1.0`, `0.1`, `1e+16`); NaN and infinities as `null`.
    public mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else { return bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }
        bytes.append(contentsOf: value.description.utf8)
    }

    /// Writes `true` or `false`.
    @inlinable public mutating func bool(_ value: Bool) {
        separate()
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    /// Writes `null`.
    @inlinable public mutating func null() {
        separate()
        bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    }

    /// Writes an already encoded JSON value as it is.
    /// - Parameter json: One complete, valid JSON value; not checked.
    public mutating func raw(_ json: some Collection<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
    }

    /// Writes a string, or `null` when it is `nil`.
    @inlinable public mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes an integer, or `null` when it is `nil`.
    @inlinable public mutating func int(_ value: Int64?) {
        if let value { int(value) } else { null() }
    }

    /// Writes a Boolean, or `null` when it is `nil`.
    @inlinable public mutating func bool(_ value: Bool?) {
        if let value { bool(value) } else { null() }
    }
}
