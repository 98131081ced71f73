/// Object members in one call: a plain key (ASCII letters, digits, `_`) and its value, `null` for `nil`.
/// Records, metadata and envelopes are written member by member with these.
extension JSONWriter {
    /// Writes `"key":"value"`, or `"key":null`.
    @inlinable public mutating func member(_ key: StaticString, _ value: String?) {
        self.key(plain: key)
        string(value)
    }

    /// Writes `"key":123`, or `"key":null`.
    @inlinable public mutating func member(_ key: StaticString, _ value: Int64?) {
        self.key(plain: key)
        int(value)
    }

    /// Writes `"key":true`, or `"key":null`.
    @inlinable public mutating func member(_ key: StaticString, _ value: Bool?) {
        self.key(plain: key)
        bool(value)
    }

    /// Writes `"key":` and an object whose members `body` writes.
    @inlinable public mutating func object(_ key: StaticString, _ body: (inout JSONWriter) -> Void) {
        self.key(plain: key)
        beginObject()
        body(&self)
        endObject()
    }
}
