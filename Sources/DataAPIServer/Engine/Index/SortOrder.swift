import DataAPIContract
import EmployeeQuery

/// The records' order by one sortable field, computed once per store: each record's rank, and
/// the positions sorted by (rank, position), which is the field's ascending sort with the API's
/// tie-break (ascending id, the records' own order).
///
/// Equal values share a rank; null ranks after every value (`Int32.max`), as PostgreSQL places
/// nulls last in ascending order and first in descending order.
struct SortOrder: Sendable {
    /// Record `i`'s rank.
    let ranks: [Int32]
    /// Every position, ascending by (rank, position).
    let ascending: [Int32]

    /// Ranks `employees` (in id order) by `field`, a scalar field (`SortKey.applies(to:)`).
    init(_ employees: [Employee], by field: EmployeeField) {
        let keys = employees.map { SortKey($0, field) }
        let order = keys.indices.sorted { (keys[$0], $0) < (keys[$1], $1) }
        var ranks = [Int32](repeating: 0, count: employees.count)
        var rank: Int32 = 0
        for (place, position) in order.enumerated() {
            if place > 0 && keys[order[place - 1]] != keys[position] { rank += 1 }
            ranks[position] = keys[position].isNull ? .max : rank
        }
        self.ranks = ranks
        ascending = order.map { Int32($0) }
    }

    /// Calls `body` with each position in the field's sort order, ascending or descending, ties
    /// by ascending position in both, one run of equal ranks at a time, until `body` says to stop
    /// after a run.
    /// - Parameters:
    ///   - descending: Whether the field sorts descending.
    ///   - body: Receives the positions of one run of equal ranks; returns `false` to stop.
    func forEachRun(descending: Bool, _ body: (ArraySlice<Int32>) -> Bool) {
        var start = descending ? ascending.count : 0
        while descending ? start > 0 : start < ascending.count {
            var end = start
            if descending {
                let rank = ranks[Int(ascending[start - 1])]
                end = start - 1
                while end > 0 && ranks[Int(ascending[end - 1])] == rank { end -= 1 }
                guard body(ascending[end..<start]) else { return }
                start = end
            } else {
                let rank = ranks[Int(ascending[start])]
                end = start + 1
                while end < ascending.count && ranks[Int(ascending[end])] == rank { end += 1 }
                guard body(ascending[start..<end]) else { return }
                start = end
            }
        }
    }
}
