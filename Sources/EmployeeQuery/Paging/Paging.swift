/// The method's paging rules (spec §2): how many rows one call may ask for, and from where.
///
/// The engine validates `limit` and `offset` against these ranges; the client plans its pages
/// and clamps page sizes with them; the planner and the Lua bindings check `page_size` by them.
public enum Paging {
    /// The `limit` a call may send: 0 (a count: no rows, the right `total_items`) to 10 000.
    public static let limitRange = 0...10_000
    /// The `offset` a call may send: 0 to 100 000.
    public static let offsetRange = 0...100_000
    /// The `limit` of a call that sends none.
    public static let defaultLimit = 1000
    /// The largest `limit`: 10 000.
    public static let maxLimit = limitRange.upperBound
    /// The largest `offset`: 100 000.
    public static let maxOffset = offsetRange.upperBound
    /// Rows one filter can reach through offset paging: `maxOffset + maxLimit`.
    public static let reachableRows = maxOffset + maxLimit
    /// The page sizes a fetch may use: 1 to `maxLimit`.
    public static let pageSizeRange = 1...maxLimit

    /// A page size the API accepts.
    /// - Parameter size: Rows per page as asked for.
    /// - Returns: `size` clamped to `pageSizeRange` (1…10 000).
    public static func pageSize(_ size: Int) -> Int { min(max(size, pageSizeRange.lowerBound), pageSizeRange.upperBound) }
}
