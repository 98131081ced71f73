import DataAPIContract
import EmployeeQuery

/// A successful reply to one call: its metadata and its data.
public struct Reply: Sendable {
    /// The reply's `result.metadata`.
    public let metadata: Metadata
    /// The reply's `result.data` as the one parse of the body recorded it; `nil` when the reply has none.
    public let tape: JSONTape?

    /// The reply's `result.data` as a tree, built from `tape`; `nil` when the reply has none.
    public var data: JSON? { tape?.json() }
}

/// One page of `get.employees` rows, as `Client.fetchAll` hands them out, in order.
///
/// The page holds the rows as the client's one parse of the reply recorded them (`tape`, the array
/// `result.data`), so that the Lua layer builds its tables from it without parsing again: walk the
/// array, and skip the elements whose index is in `dropped` (rows an earlier page already handed out).
/// `rows()` and `employees()` do the same for Swift callers.
public struct Page: Sendable {
    /// The reply's `result.data`, an array.
    public let tape: JSONTape
    /// The reply's metadata.
    public let metadata: Metadata
    /// The request that brought it.
    public let request: Pager.Request
    /// The `id` of each element of `result.data`, in order (`nil` where a row has no integer `id`).
    public let rowIDs: [Int64?]
    /// Indices into `result.data` of rows to skip: duplicates of rows handed out before, or the head the
    /// request's `skip` covers.
    public let dropped: Set<Int>

    /// The query's `total_items`, when the server said.
    public var totalItems: Int? { metadata.totalItems }
    /// Rows in `result.data`, dropped ones included.
    public var rawCount: Int { rowIDs.count }
    /// Rows handed out: `rawCount` less the dropped ones.
    public var count: Int { rowIDs.count - dropped.count }

    /// Whether the row at `index` of `result.data` is handed out.
    /// - Parameter index: The row's index in `result.data`.
    /// - Returns: `false` for a dropped row.
    public func isKept(_ index: Int) -> Bool { !dropped.contains(index) }

    /// The kept rows as trees, built from the tape.
    /// - Returns: The rows in order.
    public func rows() -> [JSON] {
        guard case .array(let rows)? = tape.json() else { return [] }
        return dropped.isEmpty ? rows : rows.enumerated().compactMap { isKept($0.offset) ? $0.element : nil }
    }

    /// The kept rows, decoded as `Employee`s (a projection decodes with absent fields left empty, as
    /// `Employee(json:)` does).
    /// - Returns: The employees in order.
    /// - Throws: `DataAPIError` from `Employee(json:)` naming the row and field that did not decode.
    public func employees() throws -> [Employee] {
        try rows().enumerated().map { try Employee(json: $0.element, path: "data[\($0.offset)]") }
    }
}

/// What `Client.fetchAll` did.
public struct FetchSummary: Sendable, Hashable {
    /// The query's `total_items` as the first page said; `nil` when nothing was fetched.
    public var totalItems: Int?
    /// Rows handed out.
    public var rows: Int
    /// Pages fetched (calls made or served from the cache).
    public var pages: Int
    /// Rows dropped as duplicates of rows handed out before, besides the rows each checked page repeats
    /// on purpose (`Pager.overlap`).
    public var duplicatesDropped: Int
    /// Whether the account changed while paging: a page did not meet the rows before it, repeated more
    /// or fewer rows than planned, or a range's `total_items` moved. Every row present for the whole
    /// fetch was still handed out exactly once.
    public var changed = false
    /// Calls made to fetch what moved, beyond the planned pages (each a point).
    public var checkCalls = 0
}
