import DataAPIClient
import DataAPIContract
import EmployeeQuery

extension QueryPlan {
    /// A readable report of the plan, one item a line:
    ///
    /// ```
    /// server: {"filter":{"field":"status","operator":"=","value":"available"},"fields":["full_name","id","patronymic"]}
    /// server pages: every matching row, 1000 rows a page
    /// local filter: {"field":"patronymic","operator":"=","value":"Петрович"}
    /// local sort: none
    /// local offset/limit: none
    /// extra fields (dropped from the results): id, patronymic
    /// pages: 3 (2500 rows at 1000 a page)
    /// points: 3 (1 a page); count: every page (the filter runs partly locally)
    /// ```
    /// - Parameters:
    ///   - totalItems: The rows the server filter matches, when known (a count or a first page said it).
    ///   - pageSize: Rows per page, clamped to 1…10 000.
    /// - Returns: The report, lines joined by `\n`, without a final newline.
    public func explain(totalItems: Int?, pageSize: Int) -> String {
        let pageSize = Paging.pageSize(pageSize)
        var lines = ["server: " + JSON.object(serverQuery.params(accessToken: nil)).encodedString()]
        let rows = serverQuery.limit.map { "at most \($0) rows" } ?? "every matching row"
        let skip = serverQuery.offset.map { " from offset \($0)" } ?? ""
        lines.append("server pages: \(rows)\(skip), \(pageSize) rows a page")
        lines.append("local filter: " + (localFilter.map { $0.filter.json.encodedString() } ?? "none"))
        lines.append("local sort: " + (localSort.map { $0.sort.map { "\($0.field) \($0.order.rawValue)" }.joined(separator: ", ") } ?? "none"))
        var paging: [String] = []
        if let localOffset { paging.append("offset \(localOffset)") }
        if let localLimit { paging.append("limit \(localLimit)") }
        lines.append("local offset/limit: " + (paging.isEmpty ? "none" : paging.joined(separator: ", ")))
        if !extraFields.isEmpty { lines.append("extra fields (dropped from the results): " + extraFields.joined(separator: ", ")) }
        let count = localFilter == nil ? "count: 1 point" : "count: every page (the filter runs partly locally)"
        guard let totalItems else {
            var bound = ""
            if let limit = serverQuery.limit { bound = limit == 0 ? "; none, limit is 0" : "; at most \(Self.pages(limit, pageSize))" }
            lines.append("pages: unknown until the first page (\(pageSize) rows a page\(bound))")
            if let stop = earlyStopRows { lines.append("pages are read \(Self.earlyStop(stop))") }
            lines.append("points: 1 a page; \(count)")
            return lines.joined(separator: "\n")
        }
        lines += pagingLines(totalItems: totalItems, pageSize: pageSize, count: count)
        return lines.joined(separator: "\n")
    }

    /// The pages, ranges, check and points of a fetch of `totalItems` matching rows.
    private func pagingLines(totalItems: Int, pageSize: Int, count: String) -> [String] {
        let offset = serverQuery.offset ?? 0
        let end = serverQuery.limit.map { min(totalItems, offset + $0) } ?? totalItems
        let wanted = max(0, end - offset)
        let pager = Pager(offset: offset, limit: serverQuery.limit, pageSize: pageSize, ordered: serverQuery.sort.isEmpty)
        let estimate = pager.estimate(total: totalItems)
        if estimate.refused {
            return [
                "pages: 1, then the fetch fails: \(totalItems) rows match and a sorted query reaches only the first \(Pager.reachableRows)",
                "points: 1; \(count)",
            ]
        }
        let plain = serverQuery.limit == 0 ? 0 : max(1, Self.pages(wanted, pageSize))
        var lines = ["pages: \(estimate.calls) (\(wanted) rows at \(pageSize) a page)"]
        if let stop = earlyStopRows {
            lines = ["pages: at most \(estimate.calls) (\(wanted) rows at \(pageSize) a page), \(Self.earlyStop(stop))"]
        }
        if estimate.ranges.count > 1 {
            let spans = estimate.ranges.map { "rows \($0.lowerBound + 1)–\($0.upperBound)" }
            lines.append(
                "ranges: \(estimate.ranges.count), past the offset ceiling (\(Pager.reachableRows) rows a filter): "
                    + spans.joined(separator: "; then id > the last id read: "))
        }
        let extra = estimate.calls - plain
        lines.append(
            "check: each page after a range's first repeats the last row of the page before, so a change while paging is noticed "
                + "and what moved fetched again (1 point a gap); here it costs \(extra) point\(extra == 1 ? "" : "s")")
        if earlyStopRows != nil {
            lines.append("points: at most \(estimate.calls) (1 a page); \(count)")
        } else {
            lines.append("calls in flight: up to 2 (every page is needed)")
            lines.append("points: \(estimate.calls) (1 a page); \(count)")
        }
        return lines
    }

    /// How an early-stopping fetch reads its pages.
    private static func earlyStop(_ rows: Int) -> String {
        "one call at a time, in order, stopping once \(rows) row\(rows == 1 ? "" : "s") pass the local filter (no call is made for a page that is not needed)"
    }

    /// `ceil(rows / pageSize)`.
    private static func pages(_ rows: Int, _ pageSize: Int) -> Int { (rows + pageSize - 1) / pageSize }
}
