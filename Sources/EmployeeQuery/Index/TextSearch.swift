import Synchronization

/// A text field's key table searched by pattern: the records whose value a `like`, `ilike` or
/// `regexp` matches, found by testing each distinct key once instead of each record, so the
/// answer is exact. The keys tested are narrowed by the pattern's literal prefix and by the
/// trigrams of the literal text it requires (`TrigramTable`, built on the first search that
/// needs it).
final class TextSearch: Sendable {
    /// Tables with fewer keys are tested whole: their trigrams would narrow little.
    static let trigramThreshold = 256

    /// The field's keys (exact, or case-folded for `ilike`).
    let table: KeyTable<TextKey>
    private let trigrams = Mutex<TrigramTable?>(nil)

    init(_ table: KeyTable<TextKey>) { self.table = table }

    /// The records whose key passes `test`, where a key can pass only when it starts with
    /// `prefix` and contains each of `runs`.
    /// - Parameters:
    ///   - prefix: What every passing key starts with, as scalar values; may be empty.
    ///   - runs: Texts every passing key contains, as scalar values; may be empty.
    ///   - meter: The evaluation's steps, one taken for each key tested.
    ///   - test: Whether a key passes, given its UTF-8 (valid, as it came from a string).
    /// - Returns: The records of the passing keys.
    func records(
        prefix: [UInt32], runs: [[UInt32]], meter: EvaluationMeter, passing test: (UnsafeBufferPointer<UInt8>) throws -> Bool
    ) throws -> RecordSet {
        let range = prefix.isEmpty ? 0..<table.keys.count : table.prefixRange(TextKey(scalars: prefix))
        var passing: [Int32] = []
        func check(_ position: Int) throws {
            try meter.tick()
            if try table.keys[position].utf8.withUnsafeBufferPointer(test) { passing.append(Int32(position)) }
        }
        if table.keys.count >= Self.trigramThreshold, let narrowed = trigramTable().keys(holding: runs) {
            for position in narrowed where range.contains(Int(position)) { try check(Int(position)) }
        } else {
            for position in range { try check(position) }
        }
        return table.records(at: passing)
    }

    private func trigramTable() -> TrigramTable {
        trigrams.withLock { built in
            if let built { return built }
            let table = TrigramTable(table.keys)
            built = table
            return table
        }
    }
}
