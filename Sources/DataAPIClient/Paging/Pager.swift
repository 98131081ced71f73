import DataAPIContract
import EmployeeQuery

/// Plans the calls that fetch every row a query asks for, with the fewest points (spec §2), and so
/// that a fetch can tell when the account changed under it.
///
/// Pure: it is told what came back and answers with the next action, so it is tested without I/O.
///
/// - **Ranges.** A fetch reads one or more ranges. The first starts at the user's `offset`; when the
///   rows wanted reach past what offset paging can (offset 100 000 + limit 10 000) and the rows come in
///   `id` order (no sort), the next range is `id >` the last id read, paged from offset 0 again. A sorted
///   query past the ceiling is refused before the rest is fetched (`tooManyRows`).
/// - **Pages.** Each range's first page comes alone (its `total_items` tells how many rows there are);
///   the rest are planned at once, so they can be fetched concurrently. Every later page starts
///   `overlap` row(s) early, so it repeats the last row of the page before: the fetch checks that the
///   pages still meet (`Client.fetchAll`), and fetches what moved when they do not.
/// - **Ends.** A range ends at a short page or at a page that reaches its own `total_items`. A reply
///   without `total_items`, or with one its rows contradict, gets no plan: the next page is asked for
///   once it is in, until a short page.
public struct Pager: Sendable, Hashable {
    /// The API's largest `limit`.
    public static let maxLimit = Paging.maxLimit
    /// The API's largest `offset`.
    public static let maxOffset = Paging.maxOffset
    /// Rows reachable through one filter: `maxOffset + maxLimit`.
    public static let reachableRows = Paging.reachableRows
    /// Rows each checked page repeats from the page before it.
    public static let overlap = 1

    /// One page to request.
    public struct Request: Sendable, Hashable {
        /// The `offset` to send.
        public var offset: Int
        /// The `limit` to send.
        public var limit: Int
        /// Only rows whose `id` is above this: a range's or a gap's lower bound; `nil` for none.
        public var afterID: Int64?
        /// Only rows whose `id` is below this: a gap's upper bound; `nil` for none.
        public var beforeID: Int64?
        /// Whether the page must meet the rows handed out before it (it starts `overlap` rows early);
        /// `false` for a range's first page and for pages bounded by id.
        public var checked: Bool

        /// Creates a page request.
        public init(offset: Int, limit: Int, afterID: Int64? = nil, beforeID: Int64? = nil, checked: Bool = false) {
            self.offset = offset
            self.limit = limit
            self.afterID = afterID
            self.beforeID = beforeID
            self.checked = checked
        }
    }

    /// What to do next.
    public enum Action: Sendable, Hashable {
        /// Fetch these pages (in this order; they may run concurrently), then ask again after the last.
        case fetch([Request])
        /// Every requested row has been read.
        case done
        /// This range can go no further: start the next one after the last id read.
        case nextRange
        /// A sorted query matches `total` rows, of which the ones needed lie beyond `reachable`.
        case tooManyRows(total: Int, reachable: Int)
    }

    /// The first row wanted.
    public let offset: Int
    /// Rows wanted; `nil` for all.
    public let limit: Int?
    /// Rows per page, 1…10 000.
    public let pageSize: Int
    /// Whether rows come in ascending `id` order (no sort), so ranges and gaps can be cut by `id`.
    public let ordered: Bool

    /// Creates a plan.
    /// - Parameters:
    ///   - offset: The first row wanted; 0 by default.
    ///   - limit: How many rows are wanted; `nil` (all) by default.
    ///   - pageSize: Rows per page, clamped to 1…10 000; 10 000 by default.
    ///   - ordered: Whether rows come in `id` order (a query without `sort`); `true` by default.
    public init(offset: Int = 0, limit: Int? = nil, pageSize: Int = Paging.maxLimit, ordered: Bool = true) {
        self.offset = max(0, offset)
        self.limit = limit.map { max(0, $0) }
        self.pageSize = Paging.pageSize(pageSize)
        self.ordered = ordered
    }

    /// The `limit` of a checked page: the page size and the overlap, within the API's maximum.
    public var checkedLimit: Int { min(Self.maxLimit, pageSize + Self.overlap) }

    /// A range's first page: the page size, or the rows still wanted when fewer.
    /// - Parameters:
    ///   - afterID: The range's lower bound (`nil` for the first range, which starts at `offset`).
    ///   - remaining: Rows still wanted; `nil` for all.
    /// - Returns: The request; `nil` when no row is wanted.
    public func first(afterID: Int64? = nil, remaining: Int? = nil) -> Request? {
        let size = min(pageSize, remaining ?? pageSize)
        guard size > 0 else { return nil }
        return Request(offset: afterID == nil ? offset : 0, limit: size, afterID: afterID)
    }

    /// The next action once `request`'s page is in (and every page before it).
    /// - Parameters:
    ///   - request: The page's request.
    ///   - received: Rows the page held.
    ///   - total: Its `metadata.total_items`; `nil` when the server did not say.
    ///   - remaining: Rows still wanted after it; `nil` for all.
    /// - Returns: `.done` after a short page, a page that reaches its total, or when no row is wanted;
    ///   otherwise the pages after it: all of them when the total is known and agrees with the rows,
    ///   one when not.
    public func next(after request: Request, received: Int, total: Int?, remaining: Int?) -> Action {
        if remaining == 0 || received < request.limit { return .done }
        let start = request.offset + received
        // A total below the rows already seen disagrees with them: it plans nothing.
        let known = total.flatMap { $0 >= start ? $0 : nil }
        if let known, known == start { return .done }
        let wanted = remaining.map { start + $0 }
        let end = known.map { min($0, wanted ?? .max) } ?? min(start + checkedLimit - Self.overlap, wanted ?? .max)
        if !ordered && end > Self.reachableRows && request.afterID == nil {
            return .tooManyRows(total: known ?? end, reachable: Self.reachableRows)
        }
        // A page costs a point whatever its size, so the last one asks for a whole page unless the rows
        // wanted end it: rows that join meanwhile come with it instead of costing a call each.
        let filled = wanted.map { end < $0 } ?? true
        let pages = Self.split(from: start, to: end, limit: checkedLimit, bounds: request, fillingTheLast: filled)
        return pages.isEmpty ? (ordered ? .nextRange : .tooManyRows(total: known ?? end, reachable: Self.reachableRows)) : .fetch(pages)
    }

    /// Checked pages covering rows `start..<end` of a range, each starting `overlap` rows early, as far
    /// as the offset ceiling allows; the last asks for `limit` rows when `fillingTheLast`.
    static func split(from start: Int, to end: Int, limit: Int, bounds: Request, fillingTheLast: Bool = false) -> [Request] {
        var requests: [Request] = []
        var s = start
        while s < end {
            let offset = s - overlap
            guard offset <= maxOffset else { break }
            let size = fillingTheLast ? limit : min(limit, end - offset)
            requests.append(Request(offset: offset, limit: size, afterID: bounds.afterID, beforeID: bounds.beforeID, checked: true))
            s = offset + size
        }
        return requests
    }

    /// What a fetch costs when nothing changes meanwhile (`explain`).
    public struct Estimate: Sendable, Hashable {
        /// Calls made: the points spent.
        public var calls: Int
        /// Each range as the rows it reads (0-based positions in the query's order).
        public var ranges: [Range<Int>]
        /// Whether the fetch is refused after its first call (`tooManyRows`).
        public var refused: Bool
    }

    /// The calls `Client.fetchAll` makes for `total` matching rows when nothing changes meanwhile.
    /// - Parameter total: The rows the query's filter matches.
    /// - Returns: The calls and ranges.
    public func estimate(total: Int) -> Estimate {
        var estimate = Estimate(calls: 0, ranges: [], refused: false)
        var position = min(offset, total)  // rows read so far, as an absolute position
        var remaining = limit
        var afterID: Int64? = nil
        while let first = first(afterID: afterID, remaining: remaining) {
            let base = afterID == nil ? 0 : position  // the absolute position of the range's offset 0
            let rangeStart = position
            var queue = [first]
            var action = Action.done
            while !queue.isEmpty {
                let page = queue.removeFirst()
                let received = max(0, min(page.limit, total - base - page.offset))
                estimate.calls += 1
                let fresh = max(0, base + page.offset + received - position)
                position += fresh
                remaining = remaining.map { max(0, $0 - fresh) }
                action = next(after: page, received: received, total: total - base, remaining: remaining)
                if action == .done { break }
                if queue.isEmpty, case .fetch(let pages) = action { queue = pages }
            }
            estimate.ranges.append(rangeStart..<position)
            if case .tooManyRows = action { estimate.refused = true }
            guard action == .nextRange else { break }
            afterID = Int64(position)
        }
        return estimate
    }
}
