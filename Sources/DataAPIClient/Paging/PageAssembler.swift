import DataAPIContract

/// Turns raw pages, in order, into `Page`s: drops rows whose `id` was handed out before (rows shift
/// between pages on a live account) and rows past the limit, checks that each page meets the rows
/// before it, and keeps the tally. Rows without an `id` (a query whose `fields` leave it out) are
/// always kept and never checked.
struct PageAssembler: Sendable {
    private var seen: Set<Int64> = []
    /// The id of the last row handed out; `nil` before the first.
    private(set) var lastID: Int64?
    /// Rows still wanted; `nil` for all.
    private(set) var remaining: Int?
    /// The last `total_items` of each range (by its lower bound), to notice a change.
    private var totals: [Int64?: Int] = [:]
    var summary = FetchSummary(totalItems: nil, rows: 0, pages: 0, duplicatesDropped: 0)

    init(limit: Int?) { remaining = limit }

    /// Whether a page meets the rows handed out before it: a page that is not checked always does;
    /// a checked one must repeat a row handed out before (or hold rows without ids, which cannot be checked).
    func meets(_ raw: RawPage) -> Bool {
        guard raw.request.checked, lastID != nil else { return true }
        return raw.rowIDs.contains { id in id.map(seen.contains) ?? true }
    }

    /// Whether a page holds a row handed out before.
    func holdsSeenRow(_ raw: RawPage) -> Bool { raw.rowIDs.contains { $0.map(seen.contains) ?? false } }

    /// The index of the last row of a page that was handed out before; `nil` when none was.
    func lastSeenIndex(in raw: RawPage) -> Int? { raw.rowIDs.lastIndex { $0.map(seen.contains) ?? false } }

    /// The page to hand out, with the rows to skip marked, and the tally updated.
    /// - Parameters:
    ///   - raw: The page as it came.
    ///   - range: The indices that may be handed out; all by default.
    mutating func page(_ raw: RawPage, keeping range: Range<Int>? = nil) -> Page {
        var dropped: Set<Int> = []
        var duplicates = 0
        for (index, id) in raw.rowIDs.enumerated() {
            if let range, !range.contains(index) {
                dropped.insert(index)
            } else if remaining == 0 {
                dropped.insert(index)
            } else if let id, !seen.insert(id).inserted {
                dropped.insert(index)
                duplicates += 1
            } else {
                if let id { lastID = id }
                remaining = remaining.map { $0 - 1 }
            }
        }
        let expected = raw.request.checked && range == nil ? min(Pager.overlap, raw.rowIDs.count) : 0
        if range == nil && duplicates != expected { summary.changed = true }
        // A gap's total counts other rows; a range's total that moves between its pages is a change.
        if let total = raw.metadata.totalItems, raw.request.beforeID == nil,
            let before = totals.updateValue(total, forKey: raw.request.afterID), before != total
        {
            summary.changed = true
        }
        summary.pages += 1
        summary.duplicatesDropped += max(0, duplicates - expected)
        summary.rows += raw.rowIDs.count - dropped.count
        return Page(tape: raw.tape, metadata: raw.metadata, request: raw.request, rowIDs: raw.rowIDs, dropped: dropped)
    }
}
