extension JSONTape {
    /// A constant-time hash of a short byte run (its length and first and last eight bytes), for caches
    /// of recurring keys and values.
    @inlinable @inline(__always)
    public static func shortHash(_ bytes: UnsafeRawBufferPointer) -> Int { KeyTable.hash(bytes) }

    /// Whether two byte runs of the same length are equal, compared eight bytes at a time.
    @inlinable @inline(__always)
    public static func equalBytes(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool { KeyTable.equal(a, b) }

    /// The keys a builder has recorded, found by their bytes, so that a key that recurs (the same member
    /// of every row of a page) is stored once in the text and every occurrence's word points at it.
    @usableFromInline
    struct KeyTable {
        /// Open addressing over the tape words of the keys (0: an empty slot); the count is a power of two.
        @usableFromInline var slots = [UInt64](repeating: 0, count: 64)
        @usableFromInline var used = 0
        /// Keys beyond this many (an object used as a map, say) are recorded without being looked up.
        @usableFromInline static let capacity = 4096

        @inlinable init() {}

        /// A hash of a key from its length and its first and last eight bytes: constant time, and enough to
        /// tell apart the members of a record (a collision costs one more probe and comparison).
        @inlinable @inline(__always)
        static func hash(_ bytes: UnsafeRawBufferPointer) -> Int {
            let count = bytes.count
            var head: UInt64 = 0
            var tail: UInt64 = 0
            if count >= 8 {
                head = bytes.loadUnaligned(as: UInt64.self)
                tail = bytes.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
            } else {
                for byte in bytes { head = head << 8 | UInt64(byte) }
            }
            var hash = (head ^ UInt64(truncatingIfNeeded: count)) &* 0x9E37_79B9_7F4A_7C15
            hash = (hash ^ tail ^ hash >> 29) &* 0xBF58_476D_1CE4_E5B9
            return Int(truncatingIfNeeded: hash ^ hash >> 32)
        }

        /// Whether two byte runs of the same length are equal, compared eight bytes at a time.
        @inlinable @inline(__always)
        static func equal(_ a: UnsafeRawBufferPointer, _ b: UnsafeRawBufferPointer) -> Bool {
            let count = a.count
            var i = 0
            while i &+ 8 <= count {
                guard a.loadUnaligned(fromByteOffset: i, as: UInt64.self) == b.loadUnaligned(fromByteOffset: i, as: UInt64.self) else { return false }
                i &+= 8
            }
            while i < count {
                guard a[i] == b[i] else { return false }
                i &+= 1
            }
            return true
        }

        /// The word of a key with these bytes recorded before, if any.
        /// - Parameters:
        ///   - bytes: The key.
        ///   - hash: `hash(bytes)`.
        ///   - text: The builder's text, where recorded keys are.
        @inlinable
        func word(for bytes: UnsafeRawBufferPointer, hash: Int, in text: [UInt8]) -> UInt64? {
            text.withUnsafeBytes { text in word(for: bytes, hash: hash, in: text) }
        }

        @inlinable
        func word(for bytes: UnsafeRawBufferPointer, hash: Int, in text: UnsafeRawBufferPointer) -> UInt64? {
            let mask = slots.count - 1
            var slot = hash & mask
            while true {
                let word = slots[slot]
                if word == 0 { return nil }
                let length = Int(truncatingIfNeeded: word >> 32 & 0x0FFF_FFFF)
                let offset = Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
                if length == bytes.count && Self.equal(UnsafeRawBufferPointer(rebasing: text[offset..<offset &+ length]), bytes) {
                    return word
                }
                slot = (slot &+ 1) & mask
            }
        }

        /// Adds the word of a key just recorded, unless the table is full.
        @inlinable
        mutating func insert(_ word: UInt64, hash: Int, text: [UInt8]) {
            guard used < Self.capacity else { return }
            if (used + 1) * 2 > slots.count { grow(text: text) }
            let mask = slots.count - 1
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot &+ 1) & mask }
            slots[slot] = word
            used += 1
        }

        @inlinable
        mutating func grow(text: [UInt8]) {
            let old = slots
            slots = [UInt64](repeating: 0, count: old.count * 2)
            used = 0
            for word in old where word != 0 {
                let length = Int(truncatingIfNeeded: word >> 32 & 0x0FFF_FFFF)
                let offset = Int(truncatingIfNeeded: word & 0xFFFF_FFFF)
                let hash = text.withUnsafeBytes { Self.hash(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
                insert(word, hash: hash, text: text)
            }
        }
    }
}
