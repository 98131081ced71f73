import DataAPIContract
import Logging

/// A client of the Data API: calls methods over a `Transport`, with sessions, retries, pacing to the
/// point budgets, an optional cache, and paging that fetches every row of a query with the fewest points.
///
/// ```swift
/// let transport = try HTTPTransport(url: "https://dataapi.uiscom.ru/v2.0")
/// let client = Client(transport: transport, credentials: .token(token))
/// let total = try await client.count(query: Query(filter: …))
/// try await client.fetchAll(query: Query(fields: ["id", "full_name"])) { page in
///     for employee in try page.employees() { print(employee.fullName ?? "") }
/// }
/// await client.close()
/// try await transport.shutdown()
/// ```
public actor Client: CustomStringConvertible {
    /// The transport every request goes through.
    public nonisolated let transport: any Transport
    /// The credentials (printed as `***`).
    public nonisolated let credentials: Credentials
    /// The customer user an agent acts for, sent as `user_id` on every call; `nil` for customers.
    public nonisolated let userID: Int64?
    /// The configuration.
    public nonisolated let configuration: Configuration
    /// The clock for waits, session expiry and the cache.
    nonisolated let clock: any WallClock
    /// The points this client has spent: its successful calls, cached replies left out.
    public nonisolated let spent = PointCounter()

    var session: SessionManager
    var limiter: RateLimiter
    var cache: ResponseCache?
    var scrubber: Scrubber
    var nextRequestID: Int64 = 1
    var loginTask: Task<Void, any Error>?

    /// Creates a client.
    /// - Parameters:
    ///   - transport: Where requests go (`HTTPTransport`, or the in-process demo engine).
    ///   - credentials: How to authenticate; `.none` (the demo account) by default.
    ///   - userID: The customer user an agent acts for; `nil` by default.
    ///   - configuration: Timeouts, retries, pacing, paging, cache, logging; the defaults by default.
    ///   - clock: The time source; the system clock by default (tests pass their own).
    public init(
        transport: any Transport, credentials: Credentials = .none, userID: Int64? = nil,
        configuration: Configuration = Configuration(), clock: any WallClock = SystemWallClock()
    ) {
        self.transport = transport
        self.credentials = credentials
        self.userID = userID
        self.configuration = configuration
        self.clock = clock
        session = SessionManager(credentials: credentials, renewalMargin: configuration.sessionRenewalMargin.seconds)
        limiter = RateLimiter(isEnabled: configuration.rateLimit.isEnabled)
        cache = configuration.cache.ttl.map { ResponseCache(ttl: $0) }
        scrubber = Scrubber(credentials.secrets)
    }

    /// `Client(endpoint, credentials, user_id)`; credentials print as `***`.
    public nonisolated var description: String {
        "Client(\(transport.endpointDescription), \(credentials)" + (userID.map { ", user_id \($0)" } ?? "") + ")"
    }

    /// Calls an API method and returns its result.
    ///
    /// The access token (and `user_id` for agents) is added to `params`, except for `login.user`,
    /// which authenticates by its own params; `get.*` calls are retried, paced and cached as configured.
    /// - Parameters:
    ///   - method: The method, e.g. `get.employees`.
    ///   - params: The parameters, without `access_token`.
    /// - Returns: The reply: metadata and data.
    /// - Throws: `DataAPIError` (the server's error, credentials scrubbed), `TransportError`, or
    ///   `ClientError` (`malformedReply`, `dailyLimit`, `minuteLimit`, `retriesExhausted`, `closed`).
    public func call(method: String, params: JSONObject = JSONObject()) async throws -> Reply {
        let authenticated = method != "login.user"
        let scanned = try await perform(method: method, params: params, authenticated: authenticated)
        return Reply(metadata: scanned.metadata, tape: scanned.tape)
    }

    /// Forgets every cached reply.
    public func clearCache() { cache?.clear() }

    /// Turns the response cache on or off while the client runs (the REPL's `.cache on|off`), whatever
    /// the configuration said. Turning it on keeps what is cached when the time to live is the same.
    /// - Parameter policy: `.off`, or `.ttl(...)` to keep `get.*` replies that long.
    public func setCache(_ policy: CachePolicy) {
        guard let ttl = policy.ttl else {
            cache = nil
            return
        }
        if cache?.ttl != ttl.seconds { cache = ResponseCache(ttl: ttl) }
    }

    /// Whether replies are being cached now.
    public var isCaching: Bool { cache != nil }

    /// Whether a text holds a secret this client uses (its token, password or session key, as written or
    /// JSON-escaped): the REPL keeps such a line out of its history.
    /// - Parameter text: what the user typed.
    public func mentionsSecret(_ text: String) -> Bool { scrubber.scrub(text) != text }

    /// The point budgets the latest reply reported (`metadata.limits`), or nil before any counted reply.
    public var pointLimits: Metadata.Limits? { limiter.limits }

    /// Ends the session: `logout.user` for a session key obtained with `login.user` (errors ignored:
    /// the key expires anyway); nothing for a permanent token. Later calls fail with `ClientError.closed`.
    public func close() async {
        loginTask?.cancel()
        guard let key = session.close() else { return }
        do {
            _ = try await perform(
                method: "logout.user", params: ["access_token": .string(key.value)], authenticated: false
            )
        } catch {
            configuration.logger?.notice("logout.user failed", metadata: ["error": "\(scrubber.scrub(String(describing: error)))"])
        }
    }

    /// The next JSON-RPC id: 1, 2, 3, …
    func takeRequestID() -> Int64 {
        defer { nextRequestID += 1 }
        return nextRequestID
    }
}
