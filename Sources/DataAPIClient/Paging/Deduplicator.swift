/// Drops rows whose `id` was already handed out by an earlier page (rows shift between pages on a live
/// server). Rows without an `id` (a query whose `fields` leave it out) are always kept.
struct Deduplicator: Sendable {
    private var seen: Set<Int64> = []

    /// The indices, within `ids`, of rows already seen (or seen earlier in the same page).
    mutating func duplicates(in ids: [Int64?]) -> Set<Int> {
        var dropped: Set<Int> = []
        for (index, id) in ids.enumerated() {
            guard let id else { continue }
            if !seen.insert(id).inserted { dropped.insert(index) }
        }
        return dropped
    }
}
