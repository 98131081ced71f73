extension JSONTape {
    /// The `JSONVisitor` that records one value into a tape.
    ///
    /// Feed it a whole parse (`JSONParser.parse(_:into:)`), or forward it the events of one value from
    /// another visitor. Its methods are `@inlinable`, so a parse in another module records without calls.
    public struct Builder: JSONVisitor {
        @usableFromInline var words: [UInt64] = []
        @usableFromInline var text: [UInt8] = []
        /// The word index of each open container's head, innermost last.
        @usableFromInline var open: [Int] = []
        /// The keys recorded so far, each stored once.
        @usableFromInline var keys = KeyTable()

        /// Creates an empty builder.
        /// - Parameters:
        ///   - words: Words to reserve room for; none by default.
        ///   - textBytes: String bytes to reserve room for; none by default.
        public init(words: Int = 0, textBytes: Int = 0) {
            self.words.reserveCapacity(words)
            text.reserveCapacity(textBytes)
        }

        /// Whether one whole value has been recorded.
        @inlinable public var isComplete: Bool { !words.isEmpty && open.isEmpty }

        /// The tape recorded so far (empty until a value has started).
        public var tape: JSONTape { JSONTape(words: words, text: text) }

        /// Records a `null`.
        @inlinable public mutating func null() { words.append(JSONTape.word(.null, 0, 0)) }
        /// Records `true` or `false`.
        @inlinable public mutating func bool(_ value: Bool) { words.append(JSONTape.word(value ? .true : .false, 0, 0)) }

        /// Records an integer that fits 64 bits.
        @inlinable public mutating func int(_ value: Int64) {
            if value >> 59 == 0 || value >> 59 == -1 {
                words.append(JSONTape.Tag.int.rawValue << 60 | UInt64(bitPattern: value) & 0x0FFF_FFFF_FFFF_FFFF)
            } else {
                words.append(JSONTape.word(.int64, 0, 0))
                words.append(UInt64(bitPattern: value))
            }
        }

        /// Records any other number.
        @inlinable public mutating func double(_ value: Double) {
            words.append(JSONTape.word(.double, 0, 0))
            words.append(value.bitPattern)
        }

        /// Records a string, its bytes already unescaped UTF-8.
        @inlinable public mutating func string(_ bytes: UnsafeRawBufferPointer) throws { try append(.string, bytes) }
        /// Records an object member's name (unescaped UTF-8), before its value.
        @inlinable public mutating func key(_ bytes: UnsafeRawBufferPointer) throws {
            let hash = KeyTable.hash(bytes)
            if let word = keys.word(for: bytes, hash: hash, in: text) {
                return words.append(word)  // a key recorded before: its bytes are in the text already
            }
            try append(.key, bytes)
            let word = words[words.count - 1]
            keys.insert(word, hash: hash, text: text)
        }

        /// Opens an array.
        @inlinable public mutating func beginArray() { begin(.array) }
        /// Opens an object.
        @inlinable public mutating func beginObject() { begin(.object) }
        /// Closes the innermost array, which got `count` values.
        @inlinable public mutating func endArray(count: Int) throws { try end(count: count) }
        /// Closes the innermost object, which got `count` members.
        @inlinable public mutating func endObject(count: Int) throws { try end(count: count) }

        @inlinable @inline(__always)
        mutating func append(_ tag: JSONTape.Tag, _ bytes: UnsafeRawBufferPointer) throws {
            let offset = text.count
            guard bytes.count <= JSONTape.maxCount, offset <= JSONTape.maxOffset else { throw TooLarge(what: "its strings") }
            words.append(JSONTape.word(tag, bytes.count, offset))
            text.append(contentsOf: bytes)
        }

        @inlinable @inline(__always)
        mutating func begin(_ tag: JSONTape.Tag) {
            open.append(words.count)
            words.append(tag.rawValue << 60)
        }

        @inlinable @inline(__always)
        mutating func end(count: Int) throws {
            let head = open.removeLast()
            let span = words.count - head
            guard count <= JSONTape.maxCount, span <= JSONTape.maxOffset else { throw TooLarge(what: "a container") }
            words[head] |= UInt64(truncatingIfNeeded: count) << 32 | UInt64(truncatingIfNeeded: span)
        }
    }

    /// A value too large for a tape: a container of 2^28 elements or more, a string of 256 MiB or more,
    /// or more than 4 GiB of strings or 2^32 words in one container.
    public struct TooLarge: Error, Sendable, CustomStringConvertible {
        /// What overflowed.
        public let what: String

        @usableFromInline init(what: String) { self.what = what }

        /// `"the value is too large to record: <what>"`.
        public var description: String { "the value is too large to record: \(what)" }
    }
}
