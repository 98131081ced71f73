import DataAPIContract
import EmployeeQuery

/// Who a request acts as, once its key has been checked.
struct Caller: Sendable, Hashable {
    /// The key the call came with.
    let token: String
    /// The customer user the call acts as: the account whose point budgets it draws on.
    let userID: Int64
}

/// A `login.user` session.
struct Session: Sendable, Hashable {
    let userID: Int64
    /// Unix seconds after which the key is invalid.
    let expiresAt: Double
}

/// Checks access keys: permanent ones from the configuration (immutable) and session keys (passed in
/// from the engine's locked state).
struct KeyRing: Sendable {
    private let keys: [String: APIKey]

    init(_ keys: [APIKey]) {
        var byToken: [String: APIKey] = [:]
        for key in keys { byToken[key.token] = key }
        self.keys = byToken
    }

    /// Whether `token` is a permanent key.
    func isPermanent(_ token: String) -> Bool { keys[token] != nil }

    /// Decides who a call acts as.
    /// - Parameters:
    ///   - token: `params.access_token`.
    ///   - userID: `params.user_id`, if any.
    ///   - session: The live session of `token`, if it is one.
    /// - Returns: The caller.
    /// - Throws: `DataAPIError`: `access_token_blocked`, `access_token_expired` (a permanent key),
    ///   `access_token_invalid` (unknown, or an ended or expired session); `required_parameter_missed`
    ///   naming `user_id` for an agent without it; `forbidden` for a `user_id` the key may not act for.
    func authenticate(token: String, userID: Int64?, session: Session?) throws(DataAPIError) -> Caller {
        if let key = keys[token] {
            if key.isBlocked { throw DataAPIError.accessTokenBlocked() }
            if key.isExpired { throw DataAPIError.accessTokenExpired() }
            switch key.role {
            case .customer(let own):
                try Self.checkSelf(userID, own: own)
                return Caller(token: token, userID: own)
            case .agent(let customers):
                guard let userID else {
                    throw DataAPIError.requiredParameterMissed(field: "user_id", message: "user_id is required for an agent's key")
                }
                guard customers.contains(userID) else {
                    throw DataAPIError(.forbidden, message: "The agent may not act for user \(userID)", field: "user_id", value: .int(userID))
                }
                return Caller(token: token, userID: userID)
            }
        }
        guard let session else { throw DataAPIError.accessTokenInvalid() }
        try Self.checkSelf(userID, own: session.userID)
        return Caller(token: token, userID: session.userID)
    }

    private static func checkSelf(_ userID: Int64?, own: Int64) throws(DataAPIError) {
        if let userID, userID != own {
            throw DataAPIError(.forbidden, message: "A customer's key may act only for its own user", field: "user_id", value: .int(userID))
        }
    }
}
