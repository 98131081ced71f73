import DataAPIContract
import EmployeeQuery

/// A successful reply to one call: the raw body, its metadata and its data.
public struct Reply: Sendable {
    /// The whole reply body as it came (or as it was cached), UTF-8 JSON.
    public let bytes: [UInt8]
    /// The reply's `result.metadata`.
    public let metadata: Metadata
    /// The reply's `result.data`, parsed; `nil` for a page whose rows were only skimmed (see `Page`).
    public let data: JSON?
}

/// One page of `get.employees` rows, as `Client.fetchAll` hands them out, in order.
///
/// The page keeps the reply's raw bytes so that the Lua layer can decode rows straight from them with
/// a `JSONVisitor` (no tree): walk `result.data`, and skip the elements whose index is in `dropped`
/// (rows an earlier page already handed out). `rows()` and `employees()` do the same for Swift callers.
public struct Page: Sendable {
    /// The whole reply body, UTF-8 JSON: `{"jsonrpc":"2.0","id":…,"result":{"metadata":{…},"data":[…]}}`.
    public let bytes: [UInt8]
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

    /// The kept rows, parsed into `JSON`.
    /// - Returns: The rows in order.
    /// - Throws: `DataAPIError` when the bytes do not parse (they were checked on arrival, so only on misuse).
    public func rows() throws -> [JSON] {
        let reply = try RPCReply(bytes: bytes)
        guard case .result(_, .array(let rows)) = reply.outcome else { return [] }
        return rows.enumerated().compactMap { isKept($0.offset) ? $0.element : nil }
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
    /// Rows dropped as duplicates of rows handed out before.
    public var duplicatesDropped: Int
}
