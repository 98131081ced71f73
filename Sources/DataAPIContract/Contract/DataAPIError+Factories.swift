/// One factory per common error, each with the code of the API's table.
extension DataAPIError {
    /// `parse_error` (-32700): the body is not JSON.
    public static func parseError(_ message: String) -> Self { Self(.parseError, message: message) }
    /// `invalid_request` (-32600): a bad JSON-RPC envelope.
    public static func invalidRequest(_ message: String, field: String? = nil) -> Self {
        Self(.invalidRequest, message: message, field: field)
    }
    /// `method_not_found` (-32601).
    public static func methodNotFound(_ method: String) -> Self {
        Self(.methodNotFound, message: "Method \(method) not found", value: .string(method))
    }
    /// `required_parameter_missed` (-32602).
    public static func requiredParameterMissed(field: String, message: String? = nil) -> Self {
        Self(.requiredParameterMissed, message: message ?? "Required parameter \(field) is missing", field: field)
    }
    /// `invalid_parameter_value` (-32602).
    public static func invalidParameterValue(field: String, value: JSON? = nil, message: String) -> Self {
        Self(.invalidParameterValue, message: message, field: field, value: value)
    }
    /// `data_type_error` (-32602): `field` holds a value of the wrong JSON type.
    /// - Parameters:
    ///   - field: The path of the value.
    ///   - value: The value found.
    ///   - expected: The expected type, e.g. `number`, `array of strings`.
    public static func dataTypeError(field: String, value: JSON?, expected: String) -> Self {
        let found = value?.typeName ?? "nothing"
        return Self(.dataTypeError, message: "\(field) must be \(expected), not \(found)", field: field, value: value)
    }
    /// `unexpected_parameters` (-32602): an unknown parameter or field name.
    public static func unexpectedParameters(field: String, message: String? = nil) -> Self {
        Self(.unexpectedParameters, message: message ?? "Unexpected parameter \(field)", field: field)
    }
    /// `invalid_parameters_combination` (-32602).
    public static func invalidParametersCombination(_ message: String, field: String? = nil) -> Self {
        Self(.invalidParametersCombination, message: message, field: field)
    }
    /// `filter_prohibited` (-32602): `field` names a record field that cannot be filtered on.
    public static func filterProhibited(field: String, value: String) -> Self {
        Self(.filterProhibited, message: "Filtering by \(value) is prohibited", field: field, value: .string(value))
    }
    /// `sort_prohibited` (-32602): `field` names a record field that cannot be sorted by.
    public static func sortProhibited(field: String, value: String) -> Self {
        Self(.sortProhibited, message: "Sorting by \(value) is prohibited", field: field, value: .string(value))
    }
    /// `access_token_invalid` (-32001).
    public static func accessTokenInvalid(_ message: String = "Access token is invalid") -> Self {
        Self(.accessTokenInvalid, message: message, field: "access_token")
    }
    /// `access_token_expired` (-32001).
    public static func accessTokenExpired(_ message: String = "Access token has expired") -> Self {
        Self(.accessTokenExpired, message: message, field: "access_token")
    }
    /// `access_token_blocked` (-32001).
    public static func accessTokenBlocked(_ message: String = "Access token is blocked") -> Self {
        Self(.accessTokenBlocked, message: message, field: "access_token")
    }
    /// `auth_error` (-32001): wrong login or password.
    public static func authError(_ message: String = "Wrong login or password") -> Self { Self(.authError, message: message) }
    /// `forbidden` (-32003).
    public static func forbidden(_ message: String) -> Self { Self(.forbidden, message: message) }
    /// `ip_not_whitelisted` (-32003).
    public static func ipNotWhitelisted(_ message: String) -> Self { Self(.ipNotWhitelisted, message: message) }
    /// `account_inactive` (-32009).
    public static func accountInactive(_ message: String = "Account is inactive") -> Self { Self(.accountInactive, message: message) }
    /// `limit_exceeded` (-32029): a point budget is spent, in the documented words: "Limit per day has been
    /// exceeded. Value of current limit per day is 3000", with `limit_type` and `limit_max_value` in `params`.
    /// - Parameters:
    ///   - limitType: `day` or `minute`.
    ///   - limitMaxValue: The budget of that period, in points.
    ///   - metadata: The metadata (with `limits`) the error carries; none by default.
    /// - Returns: The error.
    public static func limitExceeded(per limitType: LimitType, limitMaxValue: Int, metadata: Metadata? = nil) -> Self {
        Self(
            .limitExceeded,
            message: "Limit per \(limitType.rawValue) has been exceeded. Value of current limit per \(limitType.rawValue) is \(limitMaxValue)",
            params: ["limit_type": .string(limitType.rawValue), "limit_max_value": .int(Int64(limitMaxValue))], metadata: metadata)
    }

    /// The budgets `limit_exceeded` names.
    public enum LimitType: String, Sendable, CaseIterable {
        /// The UTC day's budget.
        case day
        /// The clock minute's budget.
        case minute
    }

    /// The budget a `limit_exceeded` error names (`params.limit_type`); `nil` for other errors or when
    /// the server did not say.
    public var limitType: LimitType? {
        guard mnemonic == .limitExceeded, case .string(let name)? = params?["limit_type"] else { return nil }
        return LimitType(rawValue: name)
    }
    /// `batch_opreations_not_supported` (-32099): the body was a JSON array.
    public static func batchOperationsNotSupported() -> Self {
        Self(.batchOperationsNotSupported, message: "Batch operations are not supported")
    }
    /// `notifications_not_supported` (-32099): the request had no `id`.
    public static func notificationsNotSupported() -> Self {
        Self(.notificationsNotSupported, message: "Notifications are not supported", field: "id")
    }
    /// `internal_error` (-32603).
    public static func internalError(_ message: String = "Internal error") -> Self { Self(.internalError, message: message) }
}
