/// The trigrams (three consecutive Unicode scalars) of a text field's distinct keys, each with the
/// keys that hold it, as PostgreSQL's pg_trgm tables them: every key a pattern can match holds each
/// trigram of the literal text the pattern requires, so the keys holding all of them are a
/// superset of the matches, which the pattern then checks key by key.
///
/// Tabled over the distinct keys of a `KeyTable`, not over records, so its size follows the
/// field's vocabulary: the first names of 200 000 employees are a few hundred keys.
struct TrigramTable: Sendable {
    /// Each trigram (`trigram(_:_:_:)`) with the positions of the keys that hold it, ascending.
    private let postings: [UInt64: [Int32]]

    /// Tables the trigrams of `keys`.
    /// - Parameter keys: The distinct keys, by their position in the key table.
    init(_ keys: [TextKey]) {
        var postings: [UInt64: [Int32]] = [:]
        var seen: Set<UInt64> = []
        for (position, key) in keys.enumerated() {
            seen.removeAll(keepingCapacity: true)
            var first: UInt32 = 0
            var second: UInt32 = 0
            var count = 0
            for scalar in String(decoding: key.utf8, as: UTF8.self).unicodeScalars {
                if count >= 2 {
                    let trigram = Self.trigram(first, second, scalar.value)
                    if seen.insert(trigram).inserted { postings[trigram, default: []].append(Int32(position)) }
                }
                (first, second) = (second, scalar.value)
                count += 1
            }
        }
        self.postings = postings
    }

    /// The positions of the keys that hold every trigram of `runs`, ascending; `nil` when no run
    /// is three scalars long, so that the trigrams cannot narrow the keys.
    /// - Parameter runs: Texts every match must contain, as scalar values (folded as the keys are).
    func keys(holding runs: [[UInt32]]) -> [Int32]? {
        var lists: [[Int32]] = []
        for run in runs where run.count >= 3 {
            for start in 0...(run.count - 3) {
                guard let list = postings[Self.trigram(run[start], run[start + 1], run[start + 2])] else { return [] }
                lists.append(list)
            }
        }
        guard !lists.isEmpty else { return nil }
        lists.sort { $0.count < $1.count }
        var result = lists[0]
        for list in lists.dropFirst() {
            if result.isEmpty { break }
            result = Self.intersection(result, list)
        }
        return result
    }

    /// Three scalar values (each at most 21 bits) in one word.
    private static func trigram(_ first: UInt32, _ second: UInt32, _ third: UInt32) -> UInt64 {
        UInt64(first) << 42 | UInt64(second) << 21 | UInt64(third)
    }

    /// The members of two ascending lists that are in both, ascending.
    private static func intersection(_ a: [Int32], _ b: [Int32]) -> [Int32] {
        var result: [Int32] = []
        var (i, j) = (0, 0)
        while i < a.count && j < b.count {
            if a[i] < b[j] {
                i += 1
            } else if a[i] > b[j] {
                j += 1
            } else {
                result.append(a[i])
                i += 1
                j += 1
            }
        }
        return result
    }
}
