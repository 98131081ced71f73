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
            lines.append("points: 1 a page; \(count)")
            return lines.joined(separator: "\n")
        }
        let offset = serverQuery.offset ?? 0
        let end = serverQuery.limit.map { min(totalItems, offset + $0) } ?? totalItems
        let wanted = max(0, end - offset)
        if end > Pager.reachableRows && wanted > 0 {
            lines.append("pages: 1, then the fetch fails: \(totalItems) rows match and the API reaches only the first \(Pager.reachableRows)")
            lines.append("points: 1; \(count)")
        } else {
            let pages = serverQuery.limit == 0 ? 0 : max(1, Self.pages(wanted, pageSize))
            lines.append("pages: \(pages) (\(wanted) rows at \(pageSize) a page)")
            lines.append("points: \(pages) (1 a page); \(count)")
        }
        return lines.joined(separator: "\n")
    }

    /// `ceil(rows / pageSize)`.
    private static func pages(_ rows: Int, _ pageSize: Int) -> Int { (rows + pageSize - 1) / pageSize }
}
