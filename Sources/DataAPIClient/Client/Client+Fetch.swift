import DataAPIContract
import EmployeeQuery

extension Client {
    /// Counts the rows a query matches, for 1 point: one call with `limit: 1` and `fields: ["id"]`
    /// (the reference server does not accept `limit: 0`), reading `metadata.total_items`.
    /// - Parameter query: The query; its sort, fields, limit and offset are ignored.
    /// - Returns: `total_items`.
    /// - Throws: As `call(method:params:)`; `ClientError.malformedReply` when the reply has no `total_items`.
    public func count(query: Query) async throws -> Int {
        let probe = Query(filter: query.filter, fields: ["id"], limit: 1, userID: query.userID)
        let scanned = try await perform(method: "get.employees", params: probe.params(accessToken: nil), authenticated: true, expectRows: true)
        guard let total = scanned.metadata.totalItems else {
            throw ClientError.malformedReply(method: "get.employees", "metadata.total_items is missing")
        }
        return total
    }

    /// Fetches every row of a query that is asked for, page by page, with the fewest points, and hands
    /// the pages out in order.
    ///
    /// The first page (the page size, or `limit` when smaller) tells `total_items`; the remaining pages
    /// are then fetched up to `configuration.concurrency` at a time and handed out in order. Rows whose
    /// `id` an earlier page already handed out are dropped (`Page.dropped`). A query whose wanted rows
    /// reach past 110 000 (offset 100 000 + limit 10 000) fails after the first call, before the rest is
    /// fetched, and no page is handed out: it is never truncated silently.
    /// - Parameters:
    ///   - query: The query; its `limit`/`offset` are used when the parameters are `nil`.
    ///   - limit: The most rows wanted; `nil` (all) by default.
    ///   - offset: Rows to skip first; `nil` (0) by default.
    ///   - pageSize: Rows per call, 1 to 10 000; `nil` (the configuration's) by default.
    ///   - concurrency: The most calls in flight or waiting for `onPage`; `nil` (the configuration's) by default.
    ///   - onPage: Receives each page, in order.
    /// - Returns: What was fetched.
    /// - Throws: As `call(method:params:)`; `ClientError.tooManyRows` as described; whatever `onPage` throws
    ///   (the fetch stops).
    @discardableResult
    public func fetchAll(
        query: Query, limit: Int? = nil, offset: Int? = nil, pageSize: Int? = nil, concurrency: Int? = nil,
        onPage: @Sendable (Page) async throws -> Void
    ) async throws -> FetchSummary {
        let size = pageSize.map(Paging.pageSize) ?? configuration.effectivePageSize
        let pager = Pager(offset: offset ?? query.offset ?? 0, limit: limit ?? query.limit, pageSize: size)
        var assembler = PageAssembler()
        guard case .fetch(let firstRequests) = pager.start(), let first = firstRequests.first else { return assembler.summary }
        let firstRaw = try await fetchRaw(query, first)
        assembler.summary.totalItems = firstRaw.metadata.totalItems
        let plan = pager.afterFirstPage(first, received: firstRaw.rowIDs.count, total: firstRaw.metadata.totalItems)
        if case .tooManyRows(let total, let reachable) = plan {
            throw ClientError.tooManyRows(method: "get.employees", total: total, reachable: reachable)
        }
        try await onPage(assembler.page(firstRaw))
        guard case .fetch(let rest) = plan else { return assembler.summary }

        let width = max(1, concurrency ?? configuration.concurrency)
        try await withThrowingTaskGroup(of: (Int, RawPage).self) { group in
            var launched = 0
            var delivered = 0
            var ready: [Int: RawPage] = [:]
            while launched < rest.count, launched - delivered < width {
                let index = launched
                let request = rest[index]
                group.addTask { (index, try await self.fetchRaw(query, request)) }
                launched += 1
            }
            while let (index, raw) = try await group.next() {
                ready[index] = raw
                while let next = ready.removeValue(forKey: delivered) {
                    try await onPage(assembler.page(next))
                    delivered += 1
                }
                while launched < rest.count, launched - delivered < width {
                    let index = launched
                    let request = rest[index]
                    group.addTask { (index, try await self.fetchRaw(query, request)) }
                    launched += 1
                }
            }
        }
        return assembler.summary
    }

    /// One page of `query` as the request says, its rows recorded as a tape.
    /// - Throws: As `perform`; `ClientError.malformedReply` when `result.data` is not an array.
    func fetchRaw(_ query: Query, _ request: Pager.Request) async throws -> RawPage {
        var paged = query
        paged.limit = request.limit
        paged.offset = request.offset
        let scanned = try await perform(method: "get.employees", params: paged.params(accessToken: nil), authenticated: true, expectRows: true)
        guard let tape = scanned.tape, let rowIDs = scanned.rowIDs else {
            throw ClientError.malformedReply(method: "get.employees", "result.data is not an array")
        }
        return RawPage(tape: tape, metadata: scanned.metadata, request: request, rowIDs: rowIDs)
    }
}

/// A page as it came, before duplicates are marked.
struct RawPage: Sendable {
    var tape: JSONTape
    var metadata: Metadata
    var request: Pager.Request
    var rowIDs: [Int64?]
}

/// Turns raw pages, in order, into `Page`s with duplicates marked, and keeps the tally.
struct PageAssembler: Sendable {
    private var deduplicator = Deduplicator()
    var summary = FetchSummary(totalItems: nil, rows: 0, pages: 0, duplicatesDropped: 0)

    mutating func page(_ raw: RawPage) -> Page {
        let skip = min(raw.request.skip, raw.rowIDs.count)
        var ids = raw.rowIDs
        for index in 0..<skip { ids[index] = nil }
        let duplicates = deduplicator.duplicates(in: ids)
        let dropped = duplicates.union(0..<skip)
        summary.pages += 1
        summary.duplicatesDropped += duplicates.count
        summary.rows += raw.rowIDs.count - dropped.count
        return Page(tape: raw.tape, metadata: raw.metadata, request: raw.request, rowIDs: raw.rowIDs, dropped: dropped)
    }
}
