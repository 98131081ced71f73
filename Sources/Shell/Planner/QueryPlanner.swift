import DataAPIContract
import EmployeeQuery

/// Splits a query between the API and the client, sending the server the largest part it supports.
///
/// - **Filter.** A condition goes to the server when its field is filterable and the documentation's
///   operator table lists its operator for the field's kind (`FieldKind.operators`); others (`<` on a
///   string, `like` on an enum, `in` on a Boolean) run locally, as a field the API cannot filter does. An `and` group splits member by member; an
///   `or` group goes whole or not at all (every member, nested groups included, must go whole).
/// - **Sort.** Goes to the server when every key is sortable by the API; otherwise it all runs locally.
/// - **Fields.** The user's fields, plus `id` (so pages can be de-duplicated) and whatever the local
///   filter and sort read, listed in `QueryPlan.extraFields`. No fields means all fields.
/// - **Limit/offset.** Go to the server only when nothing runs locally; otherwise the server fetches
///   every matching row and they apply after the local filter and sort.
///
/// The whole query is checked first, with the engine's own rules and `field` paths, so a bad query
/// fails before any point is spent; filtering on `patronymic`/`operator` and sorting by `id`, `email`
/// or another scalar field are allowed, since they run locally.
///
/// ```swift
/// let plan = try QueryPlanner.plan(filter: .condition("patronymic", .equal, "Петрович"), sort: [Sort(field: "email")])
/// print(plan.explain(totalItems: nil, pageSize: 1000))
/// ```
public enum QueryPlanner {
    /// Plans a query.
    /// - Parameters:
    ///   - filter: The user's filter in the API's shape; `nil` for none.
    ///   - sort: Sort keys in priority order; none (ascending `id`) by default.
    ///   - fields: Field names to return; `nil` (or empty) for all, the default.
    ///   - limit: The most rows wanted, 0 or more; `nil` (all) by default.
    ///   - offset: Rows to skip, 0 or more; `nil` (0) by default.
    ///   - pageSize: Rows per page, clamped to 1…10 000; 10 000 by default.
    ///   - userID: The customer an agent's key acts for (`user_id`); `nil` (none) by default.
    /// - Returns: The plan.
    /// - Throws: `DataAPIError`, as the engine would report it: `invalid_parameter_value` for a negative
    ///   `limit`/`offset` and for an `offset` past 100 000 (the API's range, wherever the offset runs); `unexpected_parameters` for an unknown name in `fields` (`fields[i]`), `sort`
    ///   (`sort[i].field`) or `filter` (`filter….field`); `invalid_parameter_value` for an object or array sort
    ///   key; and the filter's value errors (see `LocalFilter`).
    public static func plan(
        filter: Filter?, sort: [Sort] = [], fields: [String]? = nil, limit: Int? = nil, offset: Int? = nil,
        pageSize: Int = Paging.maxLimit, userID: Int64? = nil
    ) throws(DataAPIError) -> QueryPlan {
        for (name, value) in [("limit", limit), ("offset", offset)] {
            if let value, value < 0 {
                throw DataAPIError.invalidParameterValue(field: name, value: .int(Int64(value)), message: "\(name) must be 0 or more, not \(value)")
            }
        }
        // The method's own checks, in the engine's order (limit, offset, filter, sort, fields), with the
        // user's paths. The offset keeps the API's range wherever it runs; a filter or sort the API cannot
        // run is checked by the local rules, which take what the API takes and more.
        if let offset { try Paging.check(offset: offset) }
        if let filter { _ = try LocalFilter(filter) }
        let wholeSort = try LocalSort(sort)
        let wanted = fields.flatMap { $0.isEmpty ? nil : $0 }
        if let wanted { _ = try EmployeesRequest.fields(wanted) }

        let split = filter.map(Self.split) ?? (server: nil, local: nil)
        let localFilter = try split.local.map { filter throws(DataAPIError) in try LocalFilter(filter) }
        let sortOnServer = sort.allSatisfy { EmployeeField(rawValue: $0.field)?.isSortable == true }
        let localSort = sortOnServer ? nil : wholeSort
        let hasLocalPart = localFilter != nil || localSort != nil

        var extraFields: [String] = []
        var serverFields = wanted
        if let wanted {
            let needed = Set([EmployeeField.id] + (localFilter?.fields ?? []) + (localSort?.fields ?? []))
            extraFields = EmployeeField.allCases.filter { needed.contains($0) && !wanted.contains($0.rawValue) }.map(\.rawValue)
            serverFields = wanted + extraFields
        }
        let serverQuery = Query(
            filter: split.server, sort: sortOnServer ? sort : [], fields: serverFields,
            limit: hasLocalPart ? nil : limit, offset: hasLocalPart ? nil : offset, userID: userID)
        return QueryPlan(
            serverQuery: serverQuery, localFilter: localFilter, localSort: localSort,
            localLimit: hasLocalPart ? limit : nil, localOffset: hasLocalPart ? offset : nil,
            extraFields: extraFields, pageSize: Paging.pageSize(pageSize))
    }

    /// Whether the API can run a condition: its field is filterable and the documented operator table
    /// (`FieldKind.operators`) lists the operator for its kind; `F.last_name:lt "М"` runs locally.
    /// - Parameter condition: A condition (its field need not exist).
    /// - Returns: `true` when it can go to the server.
    public static func isServerSide(_ condition: Filter.Condition) -> Bool {
        guard let field = EmployeeField(rawValue: condition.field), field.isFilterable else { return false }
        return field.kind.operators.contains(condition.op)
    }

    /// The largest server-side part of a filter and the local rest; `and(server, local)` is the filter.
    /// - Parameter filter: A filter.
    /// - Returns: The part for the server and the part to run locally; either may be `nil` (nothing).
    public static func split(_ filter: Filter) -> (server: Filter?, local: Filter?) {
        switch filter {
        case .condition(let condition):
            return isServerSide(condition) ? (filter, nil) : (nil, filter)
        case .group(let group) where group.condition == .or:
            let whole = group.filters.allSatisfy { split($0).local == nil }
            return whole ? (filter, nil) : (nil, filter)
        case .group(let group):
            let parts = group.filters.map(split)
            if parts.allSatisfy({ $0.local == nil }) { return (filter, nil) }
            return (conjunction(parts.compactMap(\.server)), conjunction(parts.compactMap(\.local)))
        }
    }

    /// `nil` for no filters, the filter itself for one, an `and` group for more.
    private static func conjunction(_ filters: [Filter]) -> Filter? {
        filters.count <= 1 ? filters.first : .and(filters)
    }
}
