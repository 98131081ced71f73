import DataAPIContract

/// The method's paging rules (spec §2): how many rows one call may ask for, and from where, read from
/// `MethodDescription.employees.paging`.
///
/// The engine validates `limit` and `offset` against these ranges; the client plans its pages
/// and clamps page sizes with them; the planner and the Lua bindings check `page_size` by them.
public enum Paging {
    /// The `limit` a call may send: 0 (a count: no rows, the right `total_items`) to 10 000.
    public static let limitRange = 0...MethodDescription.employees.paging.maxLimit
    /// The `offset` a call may send: 0 to 100 000.
    public static let offsetRange = 0...MethodDescription.employees.paging.maxOffset
    /// The `limit` of a call that sends none: 1000.
    public static let defaultLimit = MethodDescription.employees.paging.defaultLimit
    /// The largest `limit`: 10 000.
    public static let maxLimit = limitRange.upperBound
    /// The largest `offset`: 100 000.
    public static let maxOffset = offsetRange.upperBound
    /// Rows one filter can reach through offset paging: `maxOffset + maxLimit`.
    public static let reachableRows = maxOffset + maxLimit
    /// The page sizes a fetch may use: 1 to `maxLimit`.
    public static let pageSizeRange = 1...maxLimit

    /// Checks a `limit` against `limitRange`, as the engine does.
    /// - Parameter limit: The `limit` asked for.
    /// - Throws: `invalid_parameter_value` naming `limit`.
    public static func check(limit: Int) throws(DataAPIError) {
        guard limitRange.contains(limit) else {
            throw DataAPIError.invalidParameterValue(
                field: "limit", value: .int(Int64(limit)), message: "limit must be between 0 and \(maxLimit), not \(limit)")
        }
    }

    /// Checks an `offset` against `offsetRange`, as the engine and the planner do.
    /// - Parameter offset: The `offset` asked for.
    /// - Throws: `invalid_parameter_value` naming `offset`.
    public static func check(offset: Int) throws(DataAPIError) {
        guard offsetRange.contains(offset) else {
            throw DataAPIError.invalidParameterValue(
                field: "offset", value: .int(Int64(offset)), message: "offset must be between 0 and \(maxOffset), not \(offset)")
        }
    }

    /// A page size the API accepts.
    /// - Parameter size: Rows per page as asked for.
    /// - Returns: `size` clamped to `pageSizeRange` (1…10 000).
    public static func pageSize(_ size: Int) -> Int { min(max(size, pageSizeRange.lowerBound), pageSizeRange.upperBound) }
}
