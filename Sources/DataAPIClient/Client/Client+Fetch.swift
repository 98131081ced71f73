import DataAPIContract
import EmployeeQuery

extension Client {
    /// Counts the rows a query matches, for 1 point: one call with `limit: 1` and `fields: ["id"]`
    /// (the reference server also answers `limit: 0`, but the Data API's documentation does not promise
    /// it), reading `metadata.total_items`. A reply without
    /// `total_items` is not guessed from: the ids are then fetched and counted (1 point a page more).
    /// - Parameter query: The query; its sort, fields, limit and offset are ignored.
    /// - Returns: `total_items`, or the rows counted.
    /// - Throws: As `call(method:params:)` and `fetchAll`.
    public func count(query: Query) async throws -> Int {
        let probe = Query(filter: query.filter, fields: ["id"], limit: 1, userID: query.userID)
        let scanned = try await perform(
            method: MethodDescription.employees.name, params: probe.params(accessToken: nil), authenticated: true, expectRows: true)
        if let total = scanned.metadata.totalItems { return total }
        let ids = Query(filter: query.filter, fields: ["id"], userID: query.userID)
        return try await fetchAll(query: ids) { _ in }.rows
    }

    /// Fetches every row of a query that is asked for, page by page, with the fewest points, and hands
    /// the pages out in order, checking that they still meet.
    ///
    /// `Pager` plans the calls: a range's first page alone (its `total_items` tells how many rows there
    /// are), the rest up to `concurrency` at a time, each repeating the last row of the page before. A
    /// page that does not meet the rows handed out before it (rows were removed in front of it) is
    /// preceded by what moved: in `id` order the gap `id > last AND id < first`, else the rows found by
    /// walking back to a row handed out before. Rows whose `id` was handed out before are dropped
    /// (`Page.dropped`), so an employee present for the whole fetch comes exactly once and one added or
    /// removed meanwhile at most once; `FetchSummary.changed` says the account changed meanwhile. Past
    /// the offset ceiling a query in `id` order goes on in ranges (`id >` the last id); a sorted one fails
    /// with `ClientError.tooManyRows` after the first call, before any page is handed out.
    /// - Parameters:
    ///   - query: The query; its `limit`/`offset` are used when the parameters are `nil`.
    ///   - limit: The most rows wanted; `nil` (all) by default.
    ///   - offset: Rows to skip first; `nil` (0) by default.
    ///   - pageSize: Rows per call, 1 to 10 000; `nil` (the configuration's) by default.
    ///   - concurrency: The most calls in flight or waiting for `onPage`; `nil` (the configuration's) by default.
    ///   - onPage: Receives each page, in order.
    /// - Returns: What was fetched.
    /// - Throws: As `call(method:params:)`; `ClientError.tooManyRows` as described; `ClientError.pagingUnstable`
    ///   when a sorted query's rows keep moving; whatever `onPage` throws (the fetch stops).
    @discardableResult
    public func fetchAll(
        query: Query, limit: Int? = nil, offset: Int? = nil, pageSize: Int? = nil, concurrency: Int? = nil,
        onPage: @Sendable (Page) async throws -> Void
    ) async throws -> FetchSummary {
        let size = pageSize.map(Paging.pageSize) ?? configuration.effectivePageSize
        let pager = Pager(offset: offset ?? query.offset ?? 0, limit: limit ?? query.limit, pageSize: size, ordered: query.sort.isEmpty)
        let width = max(1, concurrency ?? configuration.concurrency)
        var assembler = PageAssembler(limit: pager.limit)
        var afterID: Int64? = nil
        while let first = pager.first(afterID: afterID, remaining: assembler.remaining) {
            let raw = try await fetchRaw(query, first)
            if let afterID, raw.rowIDs.contains(where: { ($0 ?? .max) <= afterID }) {
                throw ClientError.malformedReply(
                    method: MethodDescription.employees.name, "rows with an id of \(afterID) or less came for the range id > \(afterID)")
            }
            if afterID == nil { assembler.summary.totalItems = raw.metadata.totalItems }
            let predicted = assembler.remaining.map { max(0, $0 - raw.rowIDs.count) }
            if case .tooManyRows(let total, let reachable) = pager.next(
                after: first, received: raw.rowIDs.count, total: raw.metadata.totalItems, remaining: predicted)
            {
                throw ClientError.tooManyRows(method: MethodDescription.employees.name, total: total, reachable: reachable)
            }
            try await onPage(assembler.page(raw))
            var action = pager.next(after: first, received: raw.rowIDs.count, total: raw.metadata.totalItems, remaining: assembler.remaining)
            while case .fetch(let requests) = action {
                action = try await fetchPages(query, requests, pager: pager, width: width, assembler: &assembler, onPage: onPage)
            }
            switch action {
            case .nextRange where assembler.lastID != nil:
                afterID = assembler.lastID
            case .nextRange, .tooManyRows:
                let total = if case .tooManyRows(let total, _) = action { total } else { assembler.summary.rows + 1 }
                throw ClientError.tooManyRows(method: MethodDescription.employees.name, total: total, reachable: Pager.reachableRows)
            case .done, .fetch:
                return assembler.summary
            }
        }
        return assembler.summary
    }

    /// Fetches planned pages, `width` at a time, and hands them out in order, each checked.
    /// - Returns: The pager's action after the last page handed out (`.done` as soon as one ends the fetch).
    private func fetchPages(
        _ query: Query, _ requests: [Pager.Request], pager: Pager, width: Int, assembler: inout PageAssembler,
        onPage: @Sendable (Page) async throws -> Void
    ) async throws -> Pager.Action {
        try await withThrowingTaskGroup(of: (Int, RawPage).self) { group in
            var launched = 0
            var delivered = 0
            var ready: [Int: RawPage] = [:]
            while launched < requests.count, launched - delivered < width {
                let index = launched
                let request = requests[index]
                group.addTask { (index, try await self.fetchRaw(query, request)) }
                launched += 1
            }
            while let (index, raw) = try await group.next() {
                ready[index] = raw
                while let next = ready.removeValue(forKey: delivered) {
                    delivered += 1
                    let action = try await deliver(query, next, pager: pager, assembler: &assembler, onPage: onPage)
                    if action == .done || delivered == requests.count {
                        group.cancelAll()
                        return action
                    }
                }
                while launched < requests.count, launched - delivered < width {
                    let index = launched
                    let request = requests[index]
                    group.addTask { (index, try await self.fetchRaw(query, request)) }
                    launched += 1
                }
            }
            return .done
        }
    }

    /// Hands out a planned page, after what moved when it does not meet the rows before it.
    /// - Returns: The pager's action after it.
    private func deliver(
        _ query: Query, _ raw: RawPage, pager: Pager, assembler: inout PageAssembler, onPage: @Sendable (Page) async throws -> Void
    ) async throws -> Pager.Action {
        if !assembler.meets(raw) {
            assembler.summary.changed = true
            if pager.ordered {
                try await fillGap(query, before: raw.rowIDs.first ?? nil, pager: pager, assembler: &assembler, onPage: onPage)
            } else {
                try await walkBack(query, to: raw, pager: pager, assembler: &assembler, onPage: onPage)
            }
        }
        try await onPage(assembler.page(raw))
        return pager.next(after: raw.request, received: raw.rowIDs.count, total: raw.metadata.totalItems, remaining: assembler.remaining)
    }

    /// In `id` order: the rows after the last id handed out and before `before` (to the end when `nil`),
    /// page by page until a short one.
    private func fillGap(
        _ query: Query, before: Int64?, pager: Pager, assembler: inout PageAssembler, onPage: @Sendable (Page) async throws -> Void
    ) async throws {
        var after = assembler.lastID
        while assembler.remaining != 0 {
            let request = Pager.Request(offset: 0, limit: pager.pageSize, afterID: after, beforeID: before)
            let raw = try await fetchRaw(query, request)
            assembler.summary.checkCalls += 1
            try await onPage(assembler.page(raw))
            guard raw.rowIDs.count == request.limit, let last = raw.rowIDs.last ?? nil else { return }
            after = last
        }
    }

    /// One page of `query` as the request says, its rows recorded as a tape.
    /// - Throws: As `perform`; `ClientError.malformedReply` when `result.data` is not an array.
    func fetchRaw(_ query: Query, _ request: Pager.Request) async throws -> RawPage {
        var paged = query
        paged.limit = request.limit
        paged.offset = request.offset
        var bounds: [Filter] = []
        if let after = request.afterID { bounds.append(.condition("id", .greater, .int(after))) }
        if let before = request.beforeID { bounds.append(.condition("id", .less, .int(before))) }
        let filters = (query.filter.map { [$0] } ?? []) + bounds
        if !bounds.isEmpty { paged.filter = filters.count == 1 ? filters[0] : .and(filters) }
        let scanned = try await perform(
            method: MethodDescription.employees.name, params: paged.params(accessToken: nil), authenticated: true, expectRows: true)
        guard let tape = scanned.tape, let rowIDs = scanned.rowIDs else {
            throw ClientError.malformedReply(method: MethodDescription.employees.name, "result.data is not an array")
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
