/// A set of record positions `0..<capacity` as a bitmap: what an index answers for a filter, and
/// the matches of a request. Union, intersection and complement cost one word operation per
/// 64 records; members come out in ascending order (as a `Sequence`), the API's default order.
public struct RecordSet: Sendable, Equatable {
    /// How many records the set ranges over (positions `0..<capacity`).
    public let capacity: Int
    private var words: [UInt64]

    /// An empty set over `capacity` records.
    /// - Parameter capacity: The number of records.
    public init(capacity: Int) {
        self.capacity = capacity
        words = [UInt64](repeating: 0, count: (capacity + 63) >> 6)
    }

    /// Every record `0..<capacity`.
    /// - Parameter capacity: The number of records.
    /// - Returns: The full set.
    public static func all(_ capacity: Int) -> RecordSet {
        var set = RecordSet(capacity: capacity)
        set.fill()
        return set
    }

    /// A set of the given positions.
    /// - Parameters:
    ///   - positions: Positions below `capacity`, in any order.
    ///   - capacity: The number of records.
    public init(_ positions: some Sequence<Int32>, capacity: Int) {
        self.init(capacity: capacity)
        for position in positions { insert(Int(position)) }
    }

    /// Adds record `position` (below `capacity`).
    @inline(__always)
    public mutating func insert(_ position: Int) {
        words[position >> 6] |= 1 << UInt64(position & 63)
    }

    /// Whether record `position` is in the set.
    @inline(__always)
    public func contains(_ position: Int) -> Bool {
        words[position >> 6] & (1 << UInt64(position & 63)) != 0
    }

    /// How many records are in the set.
    public var count: Int {
        var total = 0
        for word in words { total &+= word.nonzeroBitCount }
        return total
    }

    /// Adds the members of `other` (over the same records).
    public mutating func formUnion(_ other: RecordSet) {
        precondition(other.capacity == capacity, "RecordSet: sets over different records")
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// Keeps only the members also in `other` (over the same records).
    public mutating func formIntersection(_ other: RecordSet) {
        precondition(other.capacity == capacity, "RecordSet: sets over different records")
        for index in words.indices { words[index] &= other.words[index] }
    }

    /// Removes the members of `other` (over the same records).
    public mutating func subtract(_ other: RecordSet) {
        precondition(other.capacity == capacity, "RecordSet: sets over different records")
        for index in words.indices { words[index] &= ~other.words[index] }
    }

    /// Every record that is not in the set.
    public func complement() -> RecordSet {
        var result = self
        for index in result.words.indices { result.words[index] = ~result.words[index] }
        result.clearTail()
        return result
    }

    /// The members in ascending order, after skipping the first `skip`, at most `limit` of them.
    /// - Parameters:
    ///   - skip: How many of the smallest members to pass over (an offset); 0 by default.
    ///   - limit: The most positions to return; all by default.
    /// - Returns: Positions in ascending order.
    public func positions(skipping skip: Int = 0, limit: Int = .max) -> [Int32] {
        var result: [Int32] = []
        guard limit > 0 else { return result }
        var toSkip = skip
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            let ones = bits.nonzeroBitCount
            if toSkip >= ones {
                toSkip -= ones
                continue
            }
            while bits != 0 {
                let bit = bits.trailingZeroBitCount
                bits &= bits &- 1
                if toSkip > 0 {
                    toSkip -= 1
                    continue
                }
                result.append(Int32(wordIndex << 6 | bit))
                if result.count == limit { return result }
            }
        }
        return result
    }

    private mutating func fill() {
        for index in words.indices { words[index] = .max }
        clearTail()
    }

    /// Clears the bits past `capacity` in the last word, so that counts and complements stay exact.
    private mutating func clearTail() {
        let used = capacity & 63
        if used != 0 { words[words.count - 1] &= (1 << UInt64(used)) - 1 }
    }
}

extension RecordSet: Sequence {
    /// The members in ascending order.
    public struct Iterator: IteratorProtocol {
        private let words: [UInt64]
        private var wordIndex = 0
        private var bits: UInt64

        fileprivate init(_ words: [UInt64]) {
            self.words = words
            bits = words.first ?? 0
        }

        public mutating func next() -> Int? {
            while bits == 0 {
                wordIndex += 1
                guard wordIndex < words.count else { return nil }
                bits = words[wordIndex]
            }
            let bit = bits.trailingZeroBitCount
            bits &= bits &- 1
            return wordIndex << 6 | bit
        }
    }

    public func makeIterator() -> Iterator { Iterator(words) }
}
