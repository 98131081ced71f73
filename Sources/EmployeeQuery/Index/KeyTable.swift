/// One field's distinct non-null keys in ascending order, each with the records that hold it:
/// equality is a binary search, an order comparison or a prefix a contiguous run of keys.
struct KeyTable<Key: Comparable & Sendable>: Sendable {
    /// The distinct keys, ascending.
    let keys: [Key]
    /// `postings[i]`: the records holding `keys[i]` (in no particular order: they become sets).
    let postings: [[Int32]]
    /// The records of postings at least `RecordSet`-sized, as sets, so that a common key costs a
    /// copy of words rather than one insert per record.
    private let largeSets: [Int: RecordSet]
    let capacity: Int

    /// Tables a field's keys.
    /// - Parameter recordKeys: Each record's key, `nil` for null, by record position.
    init(_ recordKeys: [Key?]) {
        capacity = recordKeys.count
        // Sorting (key, position) pairs compares keys in place; sorting positions by their keys
        // would read every key through another array.
        var pairs: [(key: Key, position: Int32)] = []
        pairs.reserveCapacity(recordKeys.count)
        for (position, key) in recordKeys.enumerated() {
            if let key { pairs.append((key, Int32(position))) }
        }
        pairs.sort { $0.key < $1.key }
        var keys: [Key] = []
        var postings: [[Int32]] = []
        for pair in pairs {
            if keys.last != pair.key {
                keys.append(pair.key)
                postings.append([])
            }
            postings[postings.count - 1].append(pair.position)
        }
        var largeSets: [Int: RecordSet] = [:]
        let large = max(64, capacity / 32)
        for (index, posting) in postings.enumerated() where posting.count >= large {
            largeSets[index] = RecordSet(posting, capacity: capacity)
        }
        self.keys = keys
        self.postings = postings
        self.largeSets = largeSets
    }

    /// The records whose key equals `key`.
    func equal(_ key: Key) -> RecordSet {
        let index = lowerBound(key)
        guard index < keys.count, keys[index] == key else { return RecordSet(capacity: capacity) }
        return records(index..<index + 1)
    }

    /// The records whose key compares to `key` as asked: below it (`below`), equal (`equal`), or above (`above`), in any combination.
    func comparing(to key: Key, below: Bool, equal: Bool, above: Bool) -> RecordSet {
        let low = lowerBound(key)
        var high = low
        while high < keys.count && keys[high] == key { high += 1 }
        var result = RecordSet(capacity: capacity)
        if below { result.formUnion(records(0..<low)) }
        if equal { result.formUnion(records(low..<high)) }
        if above { result.formUnion(records(high..<keys.count)) }
        return result
    }

    /// The records of the keys at `range`, a run of table positions.
    func records(_ range: Range<Int>) -> RecordSet {
        if range.count == 1, let set = largeSets[range.lowerBound] { return set }
        var result = RecordSet(capacity: capacity)
        for index in range {
            if let set = largeSets[index] {
                result.formUnion(set)
            } else {
                for position in postings[index] { result.insert(Int(position)) }
            }
        }
        return result
    }

    /// The records of the keys at `positions`, table positions in any order.
    func records(at positions: [Int32]) -> RecordSet {
        var result = RecordSet(capacity: capacity)
        for index in positions {
            if let set = largeSets[Int(index)] {
                result.formUnion(set)
            } else {
                for position in postings[Int(index)] { result.insert(Int(position)) }
            }
        }
        return result
    }

    /// The position of the first key not below `key`.
    func lowerBound(_ key: Key) -> Int { partitionPoint { !($0 < key) } }

    /// The first position whose key satisfies `predicate`, which must be false for a prefix of the keys and true after it.
    func partitionPoint(_ predicate: (Key) -> Bool) -> Int {
        var low = 0
        var high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(keys[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

extension KeyTable where Key == TextKey {
    /// The records whose key starts with `prefix`: a contiguous run, since every key that starts
    /// with it sorts at or after `prefix` and before any key that does not and is greater.
    func prefixed(_ prefix: TextKey) -> RecordSet { records(prefixRange(prefix)) }

    /// The table positions of the keys that start with `prefix`.
    func prefixRange(_ prefix: TextKey) -> Range<Int> {
        let start = lowerBound(prefix)
        return start..<start + keys[start...].partitionPoint { !$0.hasPrefix(prefix) }
    }
}

extension ArraySlice {
    /// The offset (from `startIndex`) of the first element satisfying `predicate`, which must be false for a prefix and true after it.
    fileprivate func partitionPoint(_ predicate: (Element) -> Bool) -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if predicate(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low - startIndex
    }
}
