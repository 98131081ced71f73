import DataAPIContract
import EmployeeQuery

/// `login.user` and `logout.user` (spec §8).
extension Engine {
    /// `login.user {login, password}` → `{"data":{"access_token","expire_at","app_id"}}`; wrong
    /// credentials → `auth_error`.
    func loginUser(_ rpc: RPCRequest) -> [UInt8] {
        do {
            let params = try Self.stringParams(rpc.params, ["login", "password"])
            guard let account = users[params[0]], account.password == params[1] else { throw DataAPIError.authError() }
            let now = clock.now()
            let token = Self.newSessionKey()
            let expiresAt = now + sessionLifetime
            state.withLock { $0.sessions[token] = Session(userID: account.userID, expiresAt: expiresAt) }
            let data: JSON = .object([
                "access_token": .string(token), "expire_at": .int(Int64(expiresAt.rounded(.down))), "app_id": .int(account.appID),
            ])
            return RPCReply(id: rpc.id, outcome: .result(metadata: Metadata(), data: data)).encoded()
        } catch {
            return Self.errorReply(id: rpc.id, Self.apiError(error))
        }
    }

    /// `logout.user {access_token}` ends a session → `{"data":{}}`. An unknown or expired session key →
    /// `access_token_invalid`; a permanent key → `invalid_parameter_value` (it cannot be logged out).
    func logoutUser(_ rpc: RPCRequest) -> [UInt8] {
        do {
            let token = try Self.stringParams(rpc.params, ["access_token"])[0]
            if keyRing.isPermanent(token) {
                throw DataAPIError.invalidParameterValue(field: "access_token", message: "A permanent key cannot be logged out")
            }
            let now = clock.now()
            let ended = state.withLock { state in
                guard let session = state.sessions.removeValue(forKey: token) else { return false }
                return session.expiresAt > now
            }
            guard ended else { throw DataAPIError.accessTokenInvalid() }
            return RPCReply(id: rpc.id, outcome: .result(metadata: Metadata(), data: .object([:]))).encoded()
        } catch {
            return Self.errorReply(id: rpc.id, Self.apiError(error))
        }
    }

    /// The named string params, all required, no others allowed.
    private static func stringParams(_ params: JSONObject, _ names: [String]) throws(DataAPIError) -> [String] {
        for key in params.keys where !names.contains(key) { throw DataAPIError.unexpectedParameters(field: key) }
        var values: [String] = []
        for name in names {
            switch params[name] {
            case .string(let s)?: values.append(s)
            case nil, .null?: throw DataAPIError.requiredParameterMissed(field: name)
            case let other?: throw DataAPIError.dataTypeError(field: name, value: other, expected: "string")
            }
        }
        return values
    }

    /// 32 random hex digits.
    private static func newSessionKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
