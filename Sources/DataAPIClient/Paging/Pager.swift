import EmployeeQuery

/// Plans the calls that fetch every row a query asks for, with the fewest points (spec §2).
///
/// Pure: it is told what came back and answers with the next action, so it is tested without I/O.
/// The first page is fetched alone (its `total_items` tells how many rows match); the rest are
/// planned at once, so they can be fetched concurrently. It stops as soon as the requested limit is
/// met, and refuses — before fetching the rest — a query whose rows lie beyond what offset paging
/// can reach (offset 100 000 + limit 10 000), rather than truncating silently.
public struct Pager: Sendable, Hashable {
    /// The API's largest `limit`.
    public static let maxLimit = Paging.maxLimit
    /// The API's largest `offset`.
    public static let maxOffset = Paging.maxOffset
    /// Rows reachable through one filter: `maxOffset + maxLimit`.
    public static let reachableRows = Paging.reachableRows

    /// One page to request.
    public struct Request: Sendable, Hashable {
        /// The `offset` to send.
        public var offset: Int
        /// The `limit` to send.
        public var limit: Int
        /// Rows at the head of the reply that an earlier page already covered, to drop: only when the
        /// wanted rows start past `maxOffset`, so the page has to start at `maxOffset`. 0 by default.
        public var skip: Int
        /// Creates a page request.
        public init(offset: Int, limit: Int, skip: Int = 0) {
            self.offset = offset
            self.limit = limit
            self.skip = skip
        }
    }

    /// What to do next.
    public enum Action: Sendable, Hashable {
        /// Fetch these pages (in this order; they may run concurrently).
        case fetch([Request])
        /// Every requested row has been asked for.
        case done
        /// The query matches `total` rows, of which the ones needed lie beyond `reachable`.
        case tooManyRows(total: Int, reachable: Int)
    }

    /// The first row wanted.
    public let offset: Int
    /// Rows wanted; `nil` for all.
    public let limit: Int?
    /// Rows per page, 1…10 000.
    public let pageSize: Int

    /// Creates a plan.
    /// - Parameters:
    ///   - offset: The first row wanted; 0 by default.
    ///   - limit: How many rows are wanted; `nil` (all) by default.
    ///   - pageSize: Rows per page, clamped to 1…10 000; 10 000 by default.
    public init(offset: Int = 0, limit: Int? = nil, pageSize: Int = Paging.maxLimit) {
        self.offset = max(0, offset)
        self.limit = limit.map { max(0, $0) }
        self.pageSize = Paging.pageSize(pageSize)
    }

    /// The first call: the page size, or the user's limit when that is smaller.
    /// - Returns: `.fetch` with one page, or `.done` when the limit is 0.
    public func start() -> Action {
        let first = min(pageSize, limit ?? pageSize)
        return first == 0 ? .done : .fetch([Request(offset: offset, limit: first)])
    }

    /// The rest of the plan, once the first page is in.
    /// - Parameters:
    ///   - first: The first page's request.
    ///   - received: Rows the first page held.
    ///   - total: Its `metadata.total_items`; `nil` when the server did not say.
    /// - Returns: `.done` when nothing more is wanted or there is nothing more; `.tooManyRows` when the
    ///   wanted rows reach past `reachableRows`; otherwise `.fetch` with the remaining pages in order.
    public func afterFirstPage(_ first: Request, received: Int, total: Int?) -> Action {
        // A short page, or no total: the server has nothing more to give.
        guard received >= first.limit, let total else { return .done }
        let wantedEnd = limit.map { min(total, offset + $0) } ?? total
        let start = first.offset + received
        guard start < wantedEnd else { return .done }
        guard wantedEnd <= Self.reachableRows else { return .tooManyRows(total: total, reachable: Self.reachableRows) }
        return .fetch(Self.split(from: start, to: wantedEnd, pageSize: pageSize))
    }

    /// Splits `start..<end` (with `end <= reachableRows`) into legal pages of `pageSize` rows; the page
    /// that would cross `maxOffset` is shortened so the next one starts exactly there and takes the rest
    /// (up to `maxLimit`), so small page sizes reach as far as large ones.
    static func split(from start: Int, to end: Int, pageSize: Int) -> [Request] {
        var requests: [Request] = []
        var s = start
        if s > maxOffset {  // past the last legal offset: restart there and drop what is already in
            return [Request(offset: maxOffset, limit: end - maxOffset, skip: s - maxOffset)]
        }
        while s < end {
            var length = min(pageSize, end - s)
            if s == maxOffset || (s > maxOffset - pageSize && s < maxOffset && s + length < end && s + length > maxOffset) {
                length = s == maxOffset ? min(maxLimit, end - s) : maxOffset - s
            }
            requests.append(Request(offset: s, limit: length))
            s += length
        }
        return requests
    }
}
