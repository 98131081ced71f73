import DataAPIContract
import DataAPIServer
import EmployeeQuery
import Foundation
import Logging
import Synchronization
import TestSupport
import Testing

@testable import DataAPIClient

/// A real-time client clock whose sleeps return at once, their length added to `now()`: backoff and
/// minute-budget waits (up to 59 s) cost nothing, and the client still sees the time pass.
final class SkippingClock: WallClock {
    private let state = Mutex<(skipped: Double, sleeps: [Duration])>((0, []))
    func now() -> Double { SystemWallClock().now() + state.withLock { $0.skipped } }
    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        state.withLock {
            $0.skipped += duration.seconds
            $0.sleeps.append(duration)
        }
        await Task.yield()
    }
    /// Every sleep asked for, in order.
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
}

/// Ids gathered from the pages of a fetch, possibly from several tasks.
final class IDCollector: Sendable {
    private let ids = Mutex<[Int64]>([])
    func add(_ page: Page) {
        let kept = page.rowIDs.enumerated().compactMap { page.isKept($0.offset) ? $0.element : nil }
        ids.withLock { $0 += kept }
    }
    var all: [Int64] { ids.withLock { $0 } }
}

/// What the client-over-HTTP tests share: an engine with distinctive secrets, a fault-injecting server
/// configuration that logs into a `LineLog`, and a client over `HTTPTransport`.
enum ClientHTTP {
    static let token = "tok-HTTPfault-7f3a9c51"
    static let login = "ops-lead"
    static let password = "pw-HTTPfault-e41b22d8"
    static let staff = DemoCompany.generate(employees: 250)
    static let staffIDs = Set(staff.map(\.id))

    /// An engine over `employees` with `token`, the demo login `demo`/`demo` and `ops-lead`/`password`.
    static func engine(
        _ employees: [Employee] = staff, clock: any WallClock = SystemWallClock(), minuteLimit: Int = 1_000_000,
        sessionLifetime: Duration = .seconds(3600)
    ) -> Engine {
        var configuration = EngineConfiguration.demo(employees: employees, token: token, dayLimit: 10_000_000, minuteLimit: minuteLimit)
        configuration.users.append(UserAccount(login: login, password: password, userID: 1))
        configuration.clock = clock
        configuration.sessionLifetime = sessionLifetime
        return Engine(configuration)
    }

    /// A server configuration with `faults` under `seed`, logging every line into `log`.
    static func server(faults: FaultInjector.Configuration = .none, seed: UInt64 = 0, log: LineLog) -> HTTPServer.Configuration {
        .init(faults: faults, faultSeed: seed, dayLimit: 3000, minuteLimit: 60, logger: log.logger)
    }

    /// The client timeout of tests about timeouts, and the injected delay that exceeds it.
    static let shortTimeout = Duration.seconds(3), longDelay = Duration.seconds(8)

    /// The client timeout of a test about faults of `kind`: short only where the fault is a delay, so that
    /// a slow reply on a busy machine never counts as a fault of another kind.
    static func timeout(for kind: FaultInjector.Kind) -> Duration { kind == .delay ? shortTimeout : .seconds(60) }

    /// Faults of one kind with probability `probability`; delays of exactly `delay`.
    static func only(_ kind: FaultInjector.Kind, probability: Double, delay: Duration = longDelay) -> FaultInjector.Configuration {
        .init(probability: probability, kinds: [kind], delay: delay...delay)
    }

    /// A client configuration: `attempts` tries, small pages fetched one at a time, full logging. The timeout
    /// is generous (a minute) so that a loaded machine never turns a slow reply into an extra request; tests
    /// about timeouts pass `shortTimeout`. The retries' time budget is an hour, so that the attempts counted are
    /// `attempts` however slowly a busy machine answers (the 10 s budget has its own end-to-end test).
    static func configuration(
        timeout: Duration = .seconds(60), attempts: Int = 4, pageSize: Int = 100, concurrency: Int = 1, log: LineLog? = nil,
        onWait: (@Sendable (RateLimitWait) -> Void)? = nil
    ) -> Client.Configuration {
        Client.Configuration(
            timeout: timeout, retry: .exponential(maxAttempts: attempts, maxElapsed: .seconds(3600)), pageSize: pageSize,
            concurrency: concurrency,
            logger: log?.logger, onWait: onWait)
    }

    /// Runs `body` with a client of `server` over HTTP, then closes the client and shuts the transport down.
    static func withClient<T: Sendable>(
        _ server: HTTPTestServer, credentials: Credentials = .token(token), configuration: Client.Configuration,
        clock: any WallClock = SkippingClock(), _ body: (Client) async throws -> T
    ) async throws -> T {
        // Watchdogs only, like the timeout: a busy machine must not turn a slow reply into a retry.
        let transport = try HTTPTransport(url: server.url, configuration: .init(connectTimeout: .seconds(30), stallTimeout: .seconds(120)))
        let client = Client(transport: transport, credentials: credentials, configuration: configuration, clock: clock)
        let result: Result<T, any Error>
        do { result = .success(try await body(client)) } catch { result = .failure(error) }
        await client.close()
        try await transport.shutdown()
        return try result.get()
    }

    /// Every id `fetchAll` hands out for all employees (only `id` asked for), in order.
    static func fetchIDs(_ client: Client) async throws -> [Int64] {
        let collector = IDCollector()
        try await client.fetchAll(query: Query(fields: ["id"])) { collector.add($0) }
        return collector.all
    }

    /// Requests the server received (one log line each, dropped connections included).
    static func requests(_ log: LineLog) -> Int { log.lines.filter { $0.contains(" POST /v2.0 ") }.count }

    /// Faults the server injected, of `kind` or of any kind.
    static func injected(_ log: LineLog, _ kind: FaultInjector.Kind? = nil) -> Int {
        log.lines.filter { $0.contains("injecting fault " + (kind.map { "\($0)" } ?? "")) }.count
    }

    /// Records an issue for every text that holds the token or a password.
    static func expectNoSecrets(_ texts: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in [token, password, "pw-WRONG-31337", "tok-WRONG-0dd5ec"] where text.contains(secret) {
                Issue.record("a secret leaked: \(text)", sourceLocation: sourceLocation)
            }
        }
    }
}

/// Each fault kind of `empsh serve --faults`, alone, against the client over real HTTP.
@Suite("Client over HTTP: single faults", .timeLimit(.minutes(5)))
struct ClientHTTPFaultTests {
    static let retriedKinds: [FaultInjector.Kind] = [.delay, .dropConnection, .serverError, .truncatedBody, .malformedBody]

    @Test("A fault on the first two requests is retried and the fetch completes with every id once", arguments: retriedKinds)
    func recoversFromTwoFaults(_ kind: FaultInjector.Kind) async throws {
        let faults = ClientHTTP.only(kind, probability: 0.5)
        let seed = try #require(FaultSchedule.seed(faults, pattern: [true, true] + Array(repeating: false, count: 6)))
        let serverLog = LineLog()
        let clientLog = LineLog()
        let clock = SkippingClock()
        let ids = try await HTTPTestServer.with(
            engine: ClientHTTP.engine(), configuration: ClientHTTP.server(faults: faults, seed: seed, log: serverLog)
        ) {
            server in
            try await ClientHTTP.withClient(
                server, configuration: ClientHTTP.configuration(timeout: ClientHTTP.timeout(for: kind), log: clientLog), clock: clock
            ) {
                try await ClientHTTP.fetchIDs($0)
            }
        }
        #expect(ids.count == 250 && Set(ids) == ClientHTTP.staffIDs)
        #expect(ClientHTTP.injected(serverLog, kind) == 2)
        #expect(ClientHTTP.requests(serverLog) == 5, "2 failed attempts, then 3 pages of 100")
        #expect(clientLog.lines.filter { $0.contains("notice retrying") }.count == 2)
        #expect(clock.sleeps.count == 2, "one backoff per retry: \(clock.sleeps)")
        ClientHTTP.expectNoSecrets(clientLog.lines + serverLog.lines)
    }

    @Test(
        "Every attempt fails: a clear error naming the method and the last failure, after exactly maxAttempts requests",
        arguments: retriedKinds)
    func exhaustsRetries(_ kind: FaultInjector.Kind) async throws {
        let serverLog = LineLog()
        let clientLog = LineLog()
        let configuration = ClientHTTP.server(faults: ClientHTTP.only(kind, probability: 1), seed: 1, log: serverLog)
        let error = try await HTTPTestServer.with(engine: ClientHTTP.engine(), configuration: configuration) { server in
            try await ClientHTTP.withClient(
                server, configuration: ClientHTTP.configuration(timeout: ClientHTTP.timeout(for: kind), attempts: 3, log: clientLog)
            ) { client in
                await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
            }
        }
        let failure = try #require(error)
        #expect(failure.kind == .retriesExhausted)
        #expect(failure.method == "get.employees")
        #expect(failure.message.hasPrefix("get.employees failed after 3 attempts at http://127.0.0.1:"), "\(failure)")
        switch kind {
        case .delay: #expect((failure.underlying as? TransportError)?.kind == .timeout, "\(failure)")
        case .dropConnection: #expect((failure.underlying as? TransportError)?.kind == .connectionDropped, "\(failure)")
        case .serverError:
            #expect((failure.underlying as? TransportError)?.status == 500)
            #expect(failure.message.contains("HTTP 500"))
        default:
            #expect((failure.underlying as? ClientError)?.kind == .malformedReply, "\(failure)")
            #expect(failure.message.contains("malformed reply to get.employees"))
        }
        #expect(ClientHTTP.requests(serverLog) == 3)
        ClientHTTP.expectNoSecrets([String(describing: failure), String(reflecting: failure)] + clientLog.lines + serverLog.lines)
    }

    @Test("Without retries the first failure is reported as it is, after one request")
    func noRetryPolicyReportsAtOnce() async throws {
        let serverLog = LineLog()
        let configuration = ClientHTTP.server(faults: ClientHTTP.only(.serverError, probability: 1), log: serverLog)
        let error = try await HTTPTestServer.with(engine: ClientHTTP.engine(), configuration: configuration) { server in
            try await ClientHTTP.withClient(server, configuration: ClientHTTP.configuration(attempts: 1)) { client in
                await #expect(throws: TransportError.self) { try await client.count(query: Query()) }
            }
        }
        #expect(error?.kind == .httpStatus && error?.status == 500)
        #expect(ClientHTTP.requests(serverLog) == 1)
    }
}
