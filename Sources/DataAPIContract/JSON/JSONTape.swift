/// One JSON value recorded as a flat array of events, so that it can be rebuilt elsewhere (as Lua
/// tables, as a `JSON` tree) without lexing the text again.
///
/// Each value takes one 64-bit word, two for a number that needs all 64 bits:
///
/// | tag (bits 60–63) | payload |
/// |---|---|
/// | `null`, `false`, `true` | — |
/// | `int` | the integer, when it fits 60 bits (two's complement) |
/// | `int64`, `double` | the next word holds the bits |
/// | `string`, `key` | length (bits 32–59) and offset (bits 0–31) of the bytes in `text` |
/// | `array`, `object` | element count (bits 32–59) and span (bits 0–31): words up to the next sibling |
///
/// Containers are recorded by their head only: the elements follow (each member of an object as a
/// `key` then its value), and the count says how many. Strings and keys are UTF-8 with escapes
/// resolved, back to back in one byte buffer; a key that recurs (the same member of every row) is
/// stored there once. Build one with `JSONTape.Builder`; read one with `withCursor(_:)`,
/// `replay(into:)` or `json()`.
///
/// ```swift
/// var builder = JSONTape.Builder()
/// try JSONParser.parse(bytes, into: &builder)
/// let tape = builder.tape
/// ```
public struct JSONTape: Sendable, Hashable {
    /// The events; see the type's description.
    @usableFromInline var words: [UInt64]
    /// The bytes of every string and key.
    @usableFromInline var text: [UInt8]

    @inlinable init(words: [UInt64], text: [UInt8]) {
        self.words = words
        self.text = text
    }

    /// A tape that holds no value.
    public init() { self.init(words: [], text: []) }

    /// Whether the tape holds no value.
    public var isEmpty: Bool { words.isEmpty }

    /// The bytes the tape occupies (its words and text), for memory accounting.
    public var byteCount: Int { words.count * 8 + text.count }

    /// The event tags (the top 4 bits of a word).
    @usableFromInline enum Tag: UInt64 {
        case null, `false`, `true`, int, int64, double, string, key, array, object
    }

    /// The largest element count, string length or span a word holds (28 bits), and text offset (32 bits).
    @usableFromInline static let maxCount = 1 << 28 - 1
    @usableFromInline static let maxOffset = 1 << 32 - 1

    @inlinable @inline(__always)
    static func word(_ tag: Tag, _ high: Int, _ low: Int) -> UInt64 {
        tag.rawValue << 60 | UInt64(truncatingIfNeeded: high) << 32 | UInt64(truncatingIfNeeded: low)
    }
}

extension JSONTape {
    /// One event of a tape as a cursor reads it. String and key bytes point into the tape and are valid
    /// only inside `withCursor(_:)`.
    public enum Event {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case string(UnsafeRawBufferPointer)
        /// The key of the object member whose value comes next.
        case key(UnsafeRawBufferPointer)
        /// The head of an array of `count` elements, which follow.
        case array(count: Int)
        /// The head of an object of `count` members (duplicate keys counted), which follow.
        case object(count: Int)
    }

    /// Reads a tape front to back, one event at a time.
    public struct Cursor {
        @usableFromInline let words: UnsafeBufferPointer<UInt64>
        @usableFromInline let text: UnsafeRawBufferPointer
        /// The index of the next word to read. Set it only to a value read from it before, to resume a walk
        /// over the same tape.
        public var position = 0

        @inlinable init(words: UnsafeBufferPointer<UInt64>, text: UnsafeRawBufferPointer) {
            self.words = words
            self.text = text
        }

        /// Whether every event has been read.
        @inlinable public var isAtEnd: Bool { position >= words.count }

        /// Reads the next event.
        /// - Returns: The event; the cursor moves past it (past a container's head only).
        @inlinable @inline(__always)
        public mutating func next() -> Event {
            let word = words[position]
            position &+= 1
            let high = Int(truncatingIfNeeded: word >> 32 & 0x0FFF_FFFF)
            let low = Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
            switch Tag(rawValue: word >> 60) {
            case .null?: return .null
            case .false?: return .bool(false)
            case .true?: return .bool(true)
            case .int?: return .int(Int64(bitPattern: word << 4) >> 4)
            case .int64?:
                position &+= 1
                return .int(Int64(bitPattern: words[position &- 1]))
            case .double?:
                position &+= 1
                return .double(Double(bitPattern: words[position &- 1]))
            case .string?: return .string(UnsafeRawBufferPointer(rebasing: text[low..<low &+ high]))
            case .key?: return .key(UnsafeRawBufferPointer(rebasing: text[low..<low &+ high]))
            case .array?: return .array(count: high)
            case .object?: return .object(count: high)
            case nil: preconditionFailure("JSONTape: bad tag in word \(position - 1)")
            }
        }

        /// Where the bytes of a string or key event lie in the tape's text: a key that recurs has the same
        /// offset at every occurrence, so a reader can cache what it made of it by this number.
        /// - Parameter bytes: The bytes of a `.string` or `.key` event from this cursor.
        /// - Returns: Their offset in the text.
        @inlinable @inline(__always)
        public func textOffset(of bytes: UnsafeRawBufferPointer) -> Int {
            guard let start = bytes.baseAddress, let base = text.baseAddress else { return 0 }
            return base.distance(to: start)
        }

        /// The bytes at `offset` in the tape's text (an offset `textOffset(of:)` gave, with its length).
        @inlinable @inline(__always)
        public func textBytes(at offset: Int, count: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: text[offset..<offset &+ count])
        }

        /// The next event, without moving past it.
        /// - Returns: What `next()` would return.
        @inlinable
        public func peek() -> Event {
            var copy = self
            return copy.next()
        }

        /// Moves past the value that starts at the cursor (a whole container, elements included).
        @inlinable
        public mutating func skipValue() {
            let word = words[position]
            switch Tag(rawValue: word >> 60) {
            case .array?, .object?: position &+= Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
            case .int64?, .double?: position &+= 2
            default: position &+= 1
            }
        }
    }

    /// Calls `body` with a cursor at the start of the tape.
    /// - Parameter body: Reads the tape; the cursor and the bytes it hands out must not escape it.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    @inlinable
    public func withCursor<R>(_ body: (inout Cursor) throws -> R) rethrows -> R {
        try words.withUnsafeBufferPointer { words in
            try text.withUnsafeBytes { text in
                var cursor = Cursor(words: words, text: text)
                return try body(&cursor)
            }
        }
    }
}
