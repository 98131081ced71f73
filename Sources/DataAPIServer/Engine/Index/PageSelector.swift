import DataAPIContract
import EmployeeQuery

/// Picks one page of a request's matches in the request's order without sorting every match:
/// unsorted, the page is read straight off the match set (ascending position is ascending id);
/// sorted, the records are walked in the first key's precomputed order, whole runs of equal
/// ranks at a time, until the runs hold `offset + limit` matches — the only matches that can
/// reach the page — and only those are sorted by the remaining keys.
struct PageSelector {
    /// Below this many matches, sorting them all costs less than a walk that may pass most
    /// records to find them.
    static let sortAllBelow = 1024

    let orders: [EmployeeField: SortOrder]

    /// The page's positions, in the request's order.
    /// - Parameters:
    ///   - matches: The matching records.
    ///   - sort: Sort keys in priority order, each a field with a `SortOrder`; ties by ascending position.
    ///   - offset: Matches to skip.
    ///   - limit: The most to return.
    /// - Returns: Positions in order, at most `limit`.
    func page(of matches: RecordSet, sortedBy sort: [(field: EmployeeField, descending: Bool)], offset: Int, limit: Int) -> [Int32] {
        guard let first = sort.first else { return matches.positions(skipping: offset, limit: limit) }
        let count = matches.count
        let wanted = min(count, offset + limit)
        guard offset < wanted else { return [] }
        var leading: [Int32]
        if count < Self.sortAllBelow {
            leading = matches.positions()
            self.sort(&leading, by: sort)
        } else {
            leading = []
            leading.reserveCapacity(wanted)
            orders[first.field]!.forEachRun(descending: first.descending) { run in
                let start = leading.count
                for position in run where matches.contains(Int(position)) { leading.append(position) }
                if sort.count > 1 && leading.count - start > 1 { self.sort(&leading[start...], by: sort.dropFirst()) }
                return leading.count < wanted
            }
        }
        return Array(leading[offset..<wanted])
    }

    /// Sorts positions by the keys' ranks, then by position.
    func sort(
        _ positions: inout some MutableCollection<Int32> & RandomAccessCollection, by keys: some Collection<(field: EmployeeField, descending: Bool)>
    ) {
        let ranks = keys.map { (ranks: orders[$0.field]!.ranks, descending: $0.descending) }
        positions.sort { a, b in
            for key in ranks {
                let ra = key.ranks[Int(a)]
                let rb = key.ranks[Int(b)]
                if ra != rb { return key.descending ? ra > rb : ra < rb }
            }
            return a < b
        }
    }
}
