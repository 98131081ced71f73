/// An error of the Data API, as carried in a JSON-RPC `error` object.
///
/// Handle errors by `mnemonic`, never by `message`. The factories pick the JSON-RPC code from the
/// API's table (spec §7), so `DataAPIError.invalidParameterValue(field: "limit", value: .int(-1), message: "…")`
/// has code -32602.
public struct DataAPIError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The JSON-RPC code, e.g. -32602.
    public var code: Int
    /// The stable name of the error, e.g. `invalid_parameter_value`.
    public var mnemonic: Mnemonic
    /// A human-readable explanation; not for matching.
    public var message: String
    /// The parameter at fault, as a path such as `filter.filters[1].value`.
    public var field: String?
    /// The offending value.
    public var value: JSON?
    /// Extra parameters of the error, as the API sends them.
    public var params: JSONObject?
    /// Points and limits at the time of the error.
    public var metadata: Metadata?

    /// Creates an error; the code defaults to the mnemonic's code in the API's table.
    /// - Parameters:
    ///   - mnemonic: The stable name.
    ///   - message: A human-readable explanation.
    ///   - field: The parameter at fault; none by default.
    ///   - value: The offending value; none by default.
    ///   - params: Extra parameters; none by default.
    ///   - metadata: Points and limits; none by default.
    ///   - code: The JSON-RPC code; `mnemonic.code` by default.
    public init(
        _ mnemonic: Mnemonic, message: String, field: String? = nil, value: JSON? = nil,
        params: JSONObject? = nil, metadata: Metadata? = nil, code: Int? = nil
    ) {
        self.code = code ?? mnemonic.code
        self.mnemonic = mnemonic
        self.message = message
        self.field = field
        self.value = value
        self.params = params
        self.metadata = metadata
    }

    /// `mnemonic: message`, with ` (field: F)` when a field is named.
    public var description: String {
        "\(mnemonic.rawValue): \(message)" + (field.map { " (field: \($0))" } ?? "")
    }
}

extension DataAPIError {
    /// The stable name of a Data API error, with the JSON-RPC code the API gives it.
    public struct Mnemonic: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The mnemonic as the API sends it in `error.data.mnemonic`.
        public var rawValue: String
        /// Wraps a mnemonic, known or not (a newer server's is kept as sent).
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The mnemonic as sent.
        public var description: String { rawValue }

        /// `parse_error` (-32700): the request body is not JSON.
        public static let parseError = Self(rawValue: "parse_error")
        /// `invalid_request` (-32600): a bad `jsonrpc` or `id`.
        public static let invalidRequest = Self(rawValue: "invalid_request")
        /// `method_not_found` (-32601): the method is unknown.
        public static let methodNotFound = Self(rawValue: "method_not_found")
        /// `required_parameter_missed` (-32602): a required parameter is missing: no `access_token`, an agent without `user_id`.
        public static let requiredParameterMissed = Self(rawValue: "required_parameter_missed")
        /// `invalid_parameter_value` (-32602): a bad value: `limit`/`offset` out of range, an unknown operator, a bad regexp or jsquery, a bad `order`.
        public static let invalidParameterValue = Self(rawValue: "invalid_parameter_value")
        /// `data_type_error` (-32602): a value of the wrong JSON type.
        public static let dataTypeError = Self(rawValue: "data_type_error")
        /// `unexpected_parameters` (-32602): an unknown parameter, or an unknown field in `filter`, `sort` or `fields`.
        public static let unexpectedParameters = Self(rawValue: "unexpected_parameters")
        /// `invalid_parameters_combination` (-32602): parameters that may not be given together.
        public static let invalidParametersCombination = Self(rawValue: "invalid_parameters_combination")
        /// `filter_prohibited` (-32602): a real field that cannot be filtered by (`patronymic`, `operator`).
        public static let filterProhibited = Self(rawValue: "filter_prohibited")
        /// `sort_prohibited` (-32602): a real field that cannot be sorted by (`id`, `email`, …).
        public static let sortProhibited = Self(rawValue: "sort_prohibited")
        /// `access_token_invalid` (-32001): an unknown token, or a session key past its hour.
        public static let accessTokenInvalid = Self(rawValue: "access_token_invalid")
        /// `access_token_expired` (-32001): a permanent key past its end date.
        public static let accessTokenExpired = Self(rawValue: "access_token_expired")
        /// `access_token_blocked` (-32001): a blocked key.
        public static let accessTokenBlocked = Self(rawValue: "access_token_blocked")
        /// `auth_error` (-32001): `login.user` with a wrong login or password.
        public static let authError = Self(rawValue: "auth_error")
        /// `forbidden` (-32003): the key has no permission for the method.
        public static let forbidden = Self(rawValue: "forbidden")
        /// `ip_not_whitelisted` (-32003): the caller's IP address is not allowed.
        public static let ipNotWhitelisted = Self(rawValue: "ip_not_whitelisted")
        /// `account_inactive` (-32009): the account is disabled.
        public static let accountInactive = Self(rawValue: "account_inactive")
        /// `limit_exceeded` (-32029): the day's or the minute's points are spent; the message names the limit.
        public static let limitExceeded = Self(rawValue: "limit_exceeded")
        /// Spelled as the API documents it.
        public static let batchOperationsNotSupported = Self(rawValue: "batch_opreations_not_supported")
        /// `notifications_not_supported` (-32099): a JSON-RPC notification (a request without `id`).
        public static let notificationsNotSupported = Self(rawValue: "notifications_not_supported")
        /// `internal_error` (-32603): a fault of the server.
        public static let internalError = Self(rawValue: "internal_error")

        /// Every mnemonic of the API's table.
        public static let known: [Self] = [
            .parseError, .invalidRequest, .methodNotFound, .requiredParameterMissed, .invalidParameterValue, .dataTypeError,
            .unexpectedParameters, .invalidParametersCombination, .filterProhibited, .sortProhibited, .accessTokenInvalid,
            .accessTokenExpired, .accessTokenBlocked, .authError, .forbidden, .ipNotWhitelisted, .accountInactive,
            .limitExceeded, .batchOperationsNotSupported, .notificationsNotSupported, .internalError,
        ]

        /// The JSON-RPC code of this mnemonic in the API's table; -32603 for an unknown one.
        public var code: Int {
            switch self {
            case .parseError: -32700
            case .invalidRequest: -32600
            case .methodNotFound: -32601
            case .requiredParameterMissed, .invalidParameterValue, .dataTypeError, .unexpectedParameters,
                .invalidParametersCombination, .filterProhibited, .sortProhibited:
                -32602
            case .accessTokenInvalid, .accessTokenExpired, .accessTokenBlocked, .authError: -32001
            case .forbidden, .ipNotWhitelisted: -32003
            case .accountInactive: -32009
            case .limitExceeded: -32029
            case .batchOperationsNotSupported, .notificationsNotSupported: -32099
            default: -32603
            }
        }
    }
}
