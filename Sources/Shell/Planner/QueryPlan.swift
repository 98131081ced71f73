import DataAPIContract
import EmployeeQuery

/// How one query runs: the part the API does (`serverQuery`, fetched page by page) and the rest,
/// done on the fetched rows in this order: `localFilter`, `localSort`, `localOffset`, `localLimit`.
///
/// Made by `QueryPlanner.plan`; immutable. Rows carry `extraFields` that the user did not ask for
/// (always `id`, so pages can be de-duplicated, and whatever the local part reads): strip them
/// before handing rows out.
public struct QueryPlan: Sendable {
    /// What to send: the server-side filter and sort, the fields to fetch, and — only when nothing
    /// runs locally — the user's `limit`/`offset` (the pager turns them into pages).
    public let serverQuery: Query
    /// The part of the filter the API cannot run; `nil` when the server runs it all.
    public let localFilter: LocalFilter?
    /// The sort, when some key is not sortable by the API (then the whole sort runs locally).
    public let localSort: LocalSort?
    /// The user's `limit`, applied after the local filter and sort; `nil` when none or sent to the server.
    public let localLimit: Int?
    /// The user's `offset`, applied after the local filter and sort; `nil` when none or sent to the server.
    public let localOffset: Int?
    /// Fields fetched only for the planner's sake, in canonical order; empty when all fields are fetched.
    public let extraFields: [String]
    /// Rows per page, 1…10 000, as given to the planner.
    public let pageSize: Int

    /// Whether some part of the query runs locally (a filter or a sort).
    public var hasLocalPart: Bool { localFilter != nil || localSort != nil }

    /// Whether the fetch stops early: a local filter with a `limit` and no local sort reads pages in order,
    /// one call at a time, and stops once `localOffset + localLimit` rows have passed the filter.
    public var stopsEarly: Bool { localFilter != nil && localSort == nil && localLimit != nil }

    /// The rows after the local filter at which an early-stopping fetch ends; `nil` when it reads every page.
    public var earlyStopRows: Int? { stopsEarly ? (localOffset ?? 0) + (localLimit ?? 0) : nil }

    /// Whether every row matching the server's filter is fetched: no `limit` or `offset` goes to the server.
    public var fetchesAll: Bool { serverQuery.limit == nil && (serverQuery.offset ?? 0) == 0 }

    /// Creates a plan; `QueryPlanner.plan` is the usual way.
    public init(
        serverQuery: Query, localFilter: LocalFilter?, localSort: LocalSort?, localLimit: Int?, localOffset: Int?,
        extraFields: [String], pageSize: Int
    ) {
        self.serverQuery = serverQuery
        self.localFilter = localFilter
        self.localSort = localSort
        self.localLimit = localLimit
        self.localOffset = localOffset
        self.extraFields = extraFields
        self.pageSize = pageSize
    }

    /// Runs the local part on the rows the server returned (de-duplicated, in the server's order).
    /// - Parameter rows: Every fetched row, with at least the fields of `serverQuery.fields`.
    /// - Returns: The rows that pass `localFilter`, ordered by `localSort`, then `localOffset` skipped and
    ///   at most `localLimit` kept; `extraFields` are still present.
    /// - Throws: `invalid_parameter_value` when the local filter's evaluation runs past `EvaluationBudget.standard`.
    /// - Parameter filtered: Whether `localFilter` already ran on the rows (page by page); `false` by default.
    public func applyLocal(to rows: [Employee], filtered: Bool = false) throws(DataAPIError) -> [Employee] {
        var rows = rows
        if let localFilter, !filtered { rows = try localFilter.filter(rows) }
        if let localSort { rows = localSort.sorted(rows) }
        let start = min(localOffset ?? 0, rows.count)
        let end = localLimit.map { min(rows.count, start + $0) } ?? rows.count
        return Array(rows[start..<end])
    }
}
