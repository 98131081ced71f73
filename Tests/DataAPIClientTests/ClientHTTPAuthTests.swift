import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

@testable import DataAPIClient

/// The system clock moved by `offset` seconds: a client whose clock lags the server's keeps using a
/// session key the server has already expired.
struct OffsetClientClock: WallClock {
    let offset: Double
    func now() -> Double { SystemWallClock().now() + offset }
    func sleep(for duration: Duration) async throws { try await Task.sleep(for: duration) }
}

/// Session keys and bad credentials over HTTP: renewed once, reported at once, never printed.
@Suite("Client over HTTP: sessions and credentials", .timeLimit(.minutes(5)))
struct ClientHTTPAuthTests {
    /// `login.user` requests the client sent, as its debug log shows them.
    static func logins(_ log: LineLog) -> Int { log.lines.filter { $0.hasPrefix("debug request ") && $0.contains("login.user") }.count }
    static func rejections(_ log: LineLog) -> Int { log.lines.filter { $0.contains("session key rejected") }.count }

    @Test("demo/demo: a session key the server expired (2 s lifetime) is renewed once, transparently")
    func expiredSessionKeyIsRenewedOnce() async throws {
        let serverLog = LineLog()
        let clientLog = LineLog()
        // The server's clock moves only when the test moves it: a busy machine cannot expire the renewed key too.
        let serverClock = ManualClock(SystemWallClock().now())
        let engine = ClientHTTP.engine(clock: serverClock, sessionLifetime: .seconds(2))
        let counts = try await HTTPTestServer.with(engine: engine, configuration: ClientHTTP.server(log: serverLog)) { server in
            var configuration = ClientHTTP.configuration(log: clientLog)
            configuration.sessionRenewalMargin = .zero
            return try await ClientHTTP.withClient(
                server, credentials: .login(login: "demo", password: "demo"), configuration: configuration, clock: OffsetClientClock(offset: -30)
            ) { client in
                let first = try await client.count(query: Query())
                serverClock.advance(by: 2.3)
                let second = try await client.count(query: Query())
                return [first, second]
            }
        }
        #expect(counts == [250, 250])
        #expect(Self.logins(clientLog) == 2)
        #expect(Self.rejections(clientLog) == 1)
        // login, get, get (rejected), login, get, logout (of the renewed key)
        #expect(ClientHTTP.requests(serverLog) == 6)
    }

    @Test("Concurrent calls that all carry the expired key share one renewal and all succeed")
    func concurrentRejectionsShareOneRenewal() async throws {
        let clientLog = LineLog()
        let serverClock = ManualClock(SystemWallClock().now())
        let engine = ClientHTTP.engine(clock: serverClock, sessionLifetime: .seconds(2))
        let counts = try await HTTPTestServer.with(engine: engine, configuration: ClientHTTP.server(log: LineLog())) { server in
            var configuration = ClientHTTP.configuration(log: clientLog)
            configuration.sessionRenewalMargin = .zero
            return try await ClientHTTP.withClient(
                server, credentials: .login(login: ClientHTTP.login, password: ClientHTTP.password), configuration: configuration,
                clock: OffsetClientClock(offset: -30)
            ) { client in
                _ = try await client.count(query: Query())
                serverClock.advance(by: 2.3)
                return try await withThrowingTaskGroup(of: Int.self) { group in
                    for _ in 0..<6 { group.addTask { try await client.count(query: Query()) } }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
            }
        }
        #expect(counts == Array(repeating: 250, count: 6))
        #expect(Self.logins(clientLog) == 2, "one login, then one shared renewal")
        ClientHTTP.expectNoSecrets(clientLog.lines)
    }

    @Test("A session key that lapses on the client's own clock is renewed before use, without a rejection")
    func sessionKeyIsRenewedBeforeExpiry() async throws {
        let clientLog = LineLog()
        // Server and client read one clock that moves only when the test moves it: on a busy machine a real
        // clock could lapse the key between the client's check and the server's.
        let clock = ManualClock(SystemWallClock().now())
        let engine = ClientHTTP.engine(clock: clock, sessionLifetime: .seconds(4))
        let counts = try await HTTPTestServer.with(engine: engine, configuration: ClientHTTP.server(log: LineLog())) { server in
            var configuration = ClientHTTP.configuration(log: clientLog)
            configuration.sessionRenewalMargin = .seconds(2)  // renewed from 2-3 s after login on (`expire_at` is rounded down)
            return try await ClientHTTP.withClient(
                server, credentials: .login(login: "demo", password: "demo"), configuration: configuration, clock: clock
            ) { client in
                let first = try await client.count(query: Query())
                clock.advance(by: 3.2)
                return [first, try await client.count(query: Query())]
            }
        }
        #expect(counts == [250, 250])
        #expect(Self.logins(clientLog) == 2, "one login, then one renewal before the key lapsed")
        #expect(Self.rejections(clientLog) == 0)
    }

    @Test("A bad token: access_token_invalid at once, one request, never retried, the token printed nowhere")
    func badTokenIsReportedNotRetried() async throws {
        let serverLog = LineLog()
        let clientLog = LineLog()
        let error = try await HTTPTestServer.with(engine: ClientHTTP.engine(), configuration: ClientHTTP.server(log: serverLog)) { server in
            try await ClientHTTP.withClient(server, credentials: .token("tok-WRONG-0dd5ec"), configuration: ClientHTTP.configuration(log: clientLog))
            {
                client in await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
            }
        }
        #expect(error?.mnemonic == .accessTokenInvalid && error?.code == -32001)
        #expect(ClientHTTP.requests(serverLog) == 1)
        #expect(Self.rejections(clientLog) == 0)
        ClientHTTP.expectNoSecrets([String(describing: error), String(reflecting: error)] + clientLog.lines + serverLog.lines)
    }

    @Test("A wrong password: auth_error from one login.user, never retried; the password printed nowhere")
    func wrongPasswordIsReportedNotRetried() async throws {
        let serverLog = LineLog()
        let clientLog = LineLog()
        let error = try await HTTPTestServer.with(engine: ClientHTTP.engine(), configuration: ClientHTTP.server(log: serverLog)) { server in
            try await ClientHTTP.withClient(
                server, credentials: .login(login: ClientHTTP.login, password: "pw-WRONG-31337"),
                configuration: ClientHTTP.configuration(log: clientLog)
            ) { client in await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) } }
        }
        #expect(error?.mnemonic == .authError)
        #expect(ClientHTTP.requests(serverLog) == 1)
        ClientHTTP.expectNoSecrets([String(describing: error), String(reflecting: error)] + clientLog.lines + serverLog.lines)
    }

    @Test("A good login under faults: the session key and password stay out of every log line; requests show them masked")
    func secretsStayMaskedUnderFaults() async throws {
        let faults = FaultInjector.Configuration(probability: 0.5, kinds: [.serverError, .malformedBody, .dropConnection])
        let seed = try #require(FaultSchedule.seed(faults, pattern: [false, true, true, false, false, false]))
        let serverLog = LineLog()
        let clientLog = LineLog()
        let count = try await HTTPTestServer.with(
            engine: ClientHTTP.engine(), configuration: ClientHTTP.server(faults: faults, seed: seed, log: serverLog)
        ) {
            server in
            try await ClientHTTP.withClient(
                server, credentials: .login(login: ClientHTTP.login, password: ClientHTTP.password),
                configuration: ClientHTTP.configuration(log: clientLog)
            ) { try await $0.count(query: Query()) }
        }
        #expect(count == 250)
        let requests = clientLog.lines.filter { $0.hasPrefix("debug request ") }
        #expect(requests.count == 5, "login, two failed gets, a get, logout: \(requests)")
        #expect(requests.allSatisfy { $0.contains(#""access_token":"***""#) || $0.contains(#""password":"***""#) })
        ClientHTTP.expectNoSecrets(clientLog.lines + serverLog.lines)
        // The session key: 32 hex digits, never in a log line unmasked.
        #expect(!clientLog.lines.contains { $0.contains(#/"access_token":"[0-9a-f]{32}"/#) })
    }
}
