/// The query part of a `get.employees` request: filter, sort, fields and paging, plus `user_id`.
///
/// `Query(params:)` does the structural validation (JSON types, known parameter and key names,
/// operators, junctions, orders). Whether fields exist and may be filtered or sorted, value types
/// per field, limit/offset bounds and regexp/jsquery syntax are the server engine's to check.
/// The access token is not part of the query: `Query.decode(params:)` returns it beside the query.
public struct Query: Sendable, Hashable {
    /// `filter`: which records to return; `nil` for all.
    public var filter: Filter?
    /// Sort keys in priority order; empty for the API's default (ascending `id`).
    public var sort: [Sort]
    /// Top-level field names to return; `nil` for all.
    public var fields: [String]?
    /// Page size; `nil` for the API's default (1000).
    public var limit: Int?
    /// Records to skip; `nil` for 0.
    public var offset: Int?
    /// The customer user an agent acts for; `nil` for customers.
    public var userID: Int64?

    /// Creates a query; every part is empty by default.
    public init(
        filter: Filter? = nil, sort: [Sort] = [], fields: [String]? = nil, limit: Int? = nil, offset: Int? = nil, userID: Int64? = nil
    ) {
        self.filter = filter
        self.sort = sort
        self.fields = fields
        self.limit = limit
        self.offset = offset
        self.userID = userID
    }

    /// The top-level parameter names `get.employees` accepts.
    public static let knownParams: [String] = ["access_token", "user_id", "limit", "offset", "filter", "sort", "fields"]

    /// The request's `params`, in the seed's order `access_token, user_id, offset, limit, filter, sort, fields`,
    /// omitting parts that are `nil` or empty.
    /// - Parameter accessToken: The key to send; omitted when `nil`.
    /// - Returns: The parameters object.
    public func params(accessToken: String?) -> JSONObject {
        var params = JSONObject()
        if let accessToken { params["access_token"] = .string(accessToken) }
        if let userID { params["user_id"] = .int(userID) }
        if let offset { params["offset"] = .int(Int64(offset)) }
        if let limit { params["limit"] = .int(Int64(limit)) }
        if let filter { params["filter"] = filter.json }
        if !sort.isEmpty { params["sort"] = .array(sort.map(\.json)) }
        if let fields, !fields.isEmpty { params["fields"] = .array(fields.map(JSON.string)) }
        return params
    }

    /// Decodes the query from a request's params, ignoring `access_token` (see `decode(params:)`).
    /// - Parameter params: The request's `params`.
    /// - Throws: `DataAPIError` as listed for `decode(params:)`.
    public init(params: JSONObject) throws {
        self = try Query.decode(params: params).query
    }

    /// Decodes the query and the access token from a request's params.
    ///
    /// An empty `fields` array decodes as `nil` (all fields), as `params(accessToken:)` omits it.
    /// - Parameter params: The request's `params`.
    /// - Returns: The query, and the access token when present (its absence is for the server to report).
    /// - Throws: `DataAPIError` whose `field` names the place:
    ///   `data_type_error` for a value of the wrong JSON type (`limit`, `sort[0].field`, `filter.filters[1].value`, …);
    ///   `unexpected_parameters` for an unknown top-level parameter or an unknown key in a filter or sort object;
    ///   `invalid_parameter_value` for a non-integral `limit`/`offset`/`user_id`, a condition without `field`
    ///   or `operator` (an omitted `value` is taken as `null`), an unknown operator, a group without `filters`
    ///   or `condition`, an empty `filters`, a `condition` other than `and`/`or`, a sort key without `field`,
    ///   or an `order` other than `asc`/`desc`.
    public static func decode(params: JSONObject) throws -> (query: Query, accessToken: String?) {
        for key in params.keys where !knownParams.contains(key) {
            throw DataAPIError.unexpectedParameters(field: key)
        }
        var query = Query()
        var accessToken: String?
        for (key, value) in params where !value.isNull {
            switch key {
            case "access_token":
                guard case .string(let token) = value else { throw DataAPIError.dataTypeError(field: key, value: value, expected: "string") }
                accessToken = token
            case "user_id": query.userID = try integer(value, field: key)
            case "limit": query.limit = Int(try integer(value, field: key))
            case "offset": query.offset = Int(try integer(value, field: key))
            case "filter": query.filter = try Filter(decoding: value, path: key)
            case "sort": query.sort = try Sort.decodeList(value, path: key)
            default:  // "fields"
                guard case .array(let elements) = value else {
                    throw DataAPIError.dataTypeError(field: key, value: value, expected: "array of strings")
                }
                let names = try elements.enumerated().map { index, element in
                    guard case .string(let name) = element else {
                        throw DataAPIError.dataTypeError(field: "fields[\(index)]", value: element, expected: "string")
                    }
                    return name
                }
                query.fields = names.isEmpty ? nil : names
            }
        }
        return (query, accessToken)
    }

    /// An integral number; a double with an integral value is accepted.
    private static func integer(_ value: JSON, field: String) throws -> Int64 {
        switch value {
        case .int(let i): return i
        case .double:
            guard let i = value.intValue else {
                throw DataAPIError.invalidParameterValue(field: field, value: value, message: "\(field) must be an integer")
            }
            return i
        default: throw DataAPIError.dataTypeError(field: field, value: value, expected: "number")
        }
    }
}
