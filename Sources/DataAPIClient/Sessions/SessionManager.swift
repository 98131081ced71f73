/// Which access token each call carries, and when to log in, renew or log out (spec §8).
///
/// Pure: the client's driver asks it for the next step and reports what happened. A permanent token
/// is used as it is; login/password credentials are exchanged with `login.user` for a session key,
/// which is renewed `renewalMargin` seconds before its `expire_at`, and once more when the server calls
/// it `access_token_invalid` or `access_token_expired`. A key that comes with less than the margin left
/// (a short-lived key, or a server clock behind ours) is renewed once, not before every call: it is used
/// until its `expire_at`, and one whose `expire_at` has already passed by our clock until it is rejected.
/// `close()` says which key to end with `logout.user`.
public struct SessionManager: Sendable, Hashable {
    /// What a call should do for its token.
    public enum Step: Sendable, Hashable {
        /// Send this token (`nil`: none, the demo account).
        case use(Secret?)
        /// Call `login.user` first.
        case login(login: String, password: Secret)
    }

    /// What to do after the server rejected a token.
    public enum Rejection: Sendable, Hashable {
        /// Ask `next(at:)` again (a new key is needed or already there) and repeat the call.
        case retry
        /// Give up: report the server's error.
        case fail
    }

    /// The credentials.
    public let credentials: Credentials
    /// Seconds before `expire_at` at which a session key is renewed.
    public let renewalMargin: Double
    /// The current session key.
    public private(set) var key: Secret?
    /// When the current session key expires (Unix seconds).
    public private(set) var expireAt: Double?
    /// When the current key is to be renewed (Unix seconds); `nil`: only when the server rejects it.
    public private(set) var renewAt: Double?
    private var renewedAfterRejection = false
    /// Whether `close()` was called.
    public private(set) var isClosed = false

    /// Creates a manager.
    /// - Parameters:
    ///   - credentials: What to authenticate with.
    ///   - renewalMargin: Seconds before expiry to renew; 60 by default.
    public init(credentials: Credentials, renewalMargin: Double = 60) {
        self.credentials = credentials
        self.renewalMargin = renewalMargin
    }

    /// The token step for a call starting at `now`.
    /// - Parameter now: Unix seconds.
    /// - Returns: `.use` with the token, or `.login` when there is no key or it is about to expire.
    public func next(at now: Double) -> Step {
        switch credentials.kind {
        case .none: return .use(nil)
        case .token(let token): return .use(token)
        case .login(let login, let password):
            if let key, renewAt.map({ now < $0 }) ?? true { return .use(key) }
            return .login(login: login, password: password)
        }
    }

    /// Records a new session key from `login.user`, and when to renew it: `renewalMargin` seconds before
    /// `expireAt`; at `expireAt` when less than the margin is left; only on rejection when `expireAt` has
    /// passed already (our clock ahead of the server's) or is unknown.
    /// - Parameters:
    ///   - key: `data.access_token`.
    ///   - expireAt: `data.expire_at`, Unix seconds; `nil` when the reply gave none that could be read.
    ///   - now: Unix seconds, when the key arrived.
    public mutating func loggedIn(key: Secret, expireAt: Double?, at now: Double) {
        self.key = key
        self.expireAt = expireAt
        guard let expireAt, expireAt > now else {
            renewAt = nil
            return
        }
        renewAt = expireAt - renewalMargin > now ? expireAt - renewalMargin : expireAt
    }

    /// Records that a call succeeded (so a later rejection may renew once more).
    public mutating func succeeded() { renewedAfterRejection = false }

    /// Decides what to do when the server answered `access_token_invalid` or `access_token_expired`.
    /// - Parameter used: The token the rejected call carried.
    /// - Returns: `.retry` once for a session key (the key is dropped, so `next` says `.login`), or when the
    ///   rejected key is no longer the current one (a newer key is there, or another call already dropped it
    ///   and is renewing it); `.fail` for a permanent token or a second rejection of the current key in a row.
    public mutating func rejected(_ used: Secret?) -> Rejection {
        guard case .login = credentials.kind else { return .fail }
        // Another call renewed it meanwhile, or dropped it and is logging in: concurrent calls that all carried
        // the expired key share that one renewal instead of failing.
        if key != used { return .retry }
        if renewedAfterRejection { return .fail }
        renewedAfterRejection = true
        key = nil
        expireAt = nil
        renewAt = nil
        return .retry
    }

    /// Ends the session.
    /// - Returns: The session key to end with `logout.user`, or `nil` (a permanent token, or no session).
    public mutating func close() -> Secret? {
        defer {
            key = nil
            expireAt = nil
            renewAt = nil
            isClosed = true
        }
        guard case .login = credentials.kind else { return nil }
        return key
    }
}
