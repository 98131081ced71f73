import DataAPIContract
import Synchronization
import Testing

@testable import DataAPIClient

@Suite struct ClientSessionTests {
    @Test func managerRenewsBeforeExpiryAndOnceOnRejection() {
        var session = SessionManager(credentials: .login(login: "ops", password: "pa55word"), renewalMargin: 60)
        guard case .login(let login, let password) = session.next(at: 0) else {
            Issue.record("expected login")
            return
        }
        #expect(login == "ops" && password == Secret("pa55word"))
        session.loggedIn(key: Secret("k1"), expireAt: 3600, at: 0)
        #expect(session.next(at: 3539) == .use(Secret("k1")))
        #expect(session.next(at: 3540) == .login(login: "ops", password: Secret("pa55word")))
        #expect(session.rejected(Secret("k1")) == .retry)
        #expect(session.key == nil)
        session.loggedIn(key: Secret("k2"), expireAt: 7200, at: 3540)
        #expect(session.rejected(Secret("k2")) == .fail)  // a second rejection in a row
        session.succeeded()
        #expect(session.rejected(Secret("k2")) == .retry)
        #expect(session.close() == nil)  // the key was dropped by the rejection
    }

    @Test func permanentTokensAreUsedAsTheyAre() {
        var session = SessionManager(credentials: .token("perm-token"))
        #expect(session.next(at: 1e12) == .use(Secret("perm-token")))
        #expect(session.rejected(Secret("perm-token")) == .fail)
        #expect(session.close() == nil)
        #expect(SessionManager(credentials: .none).next(at: 0) == .use(nil))
    }

    /// A server with login sessions: keys `sess-N` living `lifetime` seconds by the test clock.
    final class SessionServer: Sendable {
        let clock: TestClock
        let lifetime: Double
        let state = Mutex<(issued: Int, valid: [String: Double], revoked: Set<String>)>((0, [:], []))
        init(clock: TestClock, lifetime: Double = 3600) {
            self.clock = clock
            self.lifetime = lifetime
        }
        func revokeAll() { state.withLock { $0.valid = [:] } }
        var handler: ScriptedTransport.Handler {
            { request, _ in
                switch request.method {
                case "login.user":
                    guard request.params["password"] == .string("pa55word") else { return Fake.error(request, .authError()) }
                    let (key, expiry) = self.state.withLock { state -> (String, Double) in
                        state.issued += 1
                        let key = "sess-\(state.issued)"
                        state.valid[key] = self.clock.now() + self.lifetime
                        return (key, self.clock.now() + self.lifetime)
                    }
                    return Fake.login(request, key: key, expireAt: Int64(expiry))
                case "logout.user":
                    let key = request.params["access_token"]?.stringValue ?? ""
                    self.state.withLock {
                        _ = $0.valid.removeValue(forKey: key)
                        $0.revoked.insert(key)
                    }
                    return RPCReply(id: request.id, outcome: .result(metadata: Metadata(), data: .object([:]))).encoded()
                default:
                    let key = request.params["access_token"]?.stringValue ?? ""
                    let ok = self.state.withLock { ($0.valid[key] ?? 0) > self.clock.now() }
                    return ok ? Fake.page(request, total: 3) : Fake.error(request, .accessTokenInvalid())
                }
            }
        }
    }

    /// A client that logs in as `ops` to a fresh `SessionServer`, both on one test clock.
    static func loggedInClient() -> (TestClock, SessionServer, ScriptedTransport, Client) {
        let clock = TestClock()
        let server = SessionServer(clock: clock)
        let transport = ScriptedTransport(server.handler)
        let client = Client(transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: clock)
        return (clock, server, transport, client)
    }

    @Test func loginUseRenewAndLogout() async throws {
        let (clock, _, transport, client) = Self.loggedInClient()
        _ = try await client.count(query: Query())
        _ = try await client.count(query: Query())
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "get.employees"])
        #expect(transport.requests[0].params["login"] == .string("ops"))
        #expect(transport.requests[1].params["access_token"] == .string("sess-1"))

        clock.advance(by: 3600 - 30)  // inside the 60 s margin: renewed before use
        _ = try await client.count(query: Query())
        #expect(transport.requests.map(\.method).suffix(2) == ["login.user", "get.employees"])
        #expect(transport.requests.last?.params["access_token"] == .string("sess-2"))

        await client.close()
        #expect(transport.requests.last?.method == "logout.user")
        #expect(transport.requests.last?.params["access_token"] == .string("sess-2"))
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .closed)
    }

    @Test func renewsOnceOnAccessTokenInvalid() async throws {
        let (_, server, transport, client) = Self.loggedInClient()
        _ = try await client.count(query: Query())
        server.revokeAll()  // e.g. the session was ended elsewhere
        #expect(try await client.count(query: Query()) == 3)
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "get.employees", "login.user", "get.employees"])
    }

    @Test func rejectedTwiceInARowFails() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == "login.user" ? Fake.login(request, key: "sess-x", expireAt: 4_000_000_000) : Fake.error(request, .accessTokenInvalid())
        }
        let client = Client(
            transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(error?.mnemonic == .accessTokenInvalid)
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "login.user", "get.employees"])
    }

    @Test func permanentTokenIsNotRenewed() async throws {
        let transport = ScriptedTransport { request, _ in Fake.error(request, .accessTokenInvalid()) }
        let client = Client(transport: transport, credentials: .token("perm-token"), configuration: Fake.quiet, clock: TestClock())
        await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(transport.requests.count == 1)
        await client.close()
        #expect(transport.requests.count == 1)  // no logout for a permanent key
    }

    @Test func agentsSendUserIDOnEveryCall() async throws {
        let transport = ScriptedTransport(Fake.server(total: 20_000))
        let client = Client(transport: transport, credentials: .token("agent-token"), userID: 42, configuration: Fake.quiet, clock: TestClock())
        try await client.fetchAll(query: Query()) { _ in }
        _ = try await client.count(query: Query())
        // 20 000 rows in pages of 10 000: three pages, each after the first starting one row early to check
        // that it meets the rows before it; then the count.
        #expect(transport.requests.count == 4)
        #expect(transport.requests.allSatisfy { $0.params["user_id"] == .int(42) })
        #expect(transport.requests.allSatisfy { $0.params.keys.first == "access_token" })
    }

    @Test func concurrentCallsShareOneLogin() async throws {
        let (_, _, transport, client) = Self.loggedInClient()
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<5 { group.addTask { try await client.count(query: Query()) } }
            for try await total in group { #expect(total == 3) }
        }
        #expect(transport.requests.filter { $0.method == "login.user" }.count == 1)
    }
}
