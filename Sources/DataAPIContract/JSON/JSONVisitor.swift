/// Receives the events of a JSON parse, in document order, without a tree being built.
///
/// `JSONParser.parse(_:into:)` calls these as it meets each value. Strings and keys arrive as
/// already-unescaped, validated UTF-8 bytes; the buffer is only valid during the call. Containers
/// are announced by `beginArray`/`beginObject` and closed with the number of their elements
/// (members for objects). Inside an object, each member's `key` comes right before its value.
///
/// A visitor may throw to stop the parse; the error propagates out of `parse` unchanged.
public protocol JSONVisitor {
    /// A `null` literal.
    mutating func null() throws
    /// A `true` or `false` literal.
    mutating func bool(_ value: Bool) throws
    /// A number without fraction or exponent that fits `Int64`.
    mutating func int(_ value: Int64) throws
    /// Any other number (fraction, exponent, beyond `Int64`, or `-0`).
    mutating func double(_ value: Double) throws
    /// A string value as unescaped UTF-8; the buffer is valid only during the call.
    mutating func string(_ bytes: UnsafeRawBufferPointer) throws
    /// The start of an array.
    mutating func beginArray() throws
    /// The end of an array with `count` elements.
    mutating func endArray(count: Int) throws
    /// The start of an object.
    mutating func beginObject() throws
    /// A member's key as unescaped UTF-8; the buffer is valid only during the call.
    mutating func key(_ bytes: UnsafeRawBufferPointer) throws
    /// The end of an object with `count` members (duplicates counted).
    mutating func endObject(count: Int) throws
}
