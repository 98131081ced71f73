import DataAPIContract
import DataAPIServer
import Synchronization
import TestSupport
import Testing

@testable import DataAPIClient

/// The client against the reference engine, through the in-process transport (the same bytes as HTTP).
@Suite struct ClientInProcessTests {
    /// Counts the requests that reach the engine.
    final class CountingTransport: Transport {
        let inner: InProcessTransport
        let methods = Mutex<[String]>([])
        init(_ engine: Engine) { inner = InProcessTransport(engine: engine) }
        var endpointDescription: String { inner.endpointDescription }
        func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
            if let request = try? RPCRequest(bytes: body) { methods.withLock { $0.append(request.method) } }
            return try await inner.send(body, timeout: timeout)
        }
    }

    @Test func fetchAllAndCountMatchTheEngine() async throws {
        let transport = CountingTransport(makeDemoEngine(employees: 2_500))
        var configuration = Client.Configuration()
        configuration.pageSize = 1_000
        let client = Client(transport: transport, credentials: .token(testToken), configuration: configuration, clock: TestClock())
        #expect(try await client.count(query: Query()) == 2_500)
        let sink = PageSink()
        let summary = try await client.fetchAll(query: Query(fields: ["id", "full_name"])) { sink.add($0) }
        let ids = try sink.ids()
        #expect(ids.count == 2_500 && Set(ids).count == 2_500)
        #expect(ids == ids.sorted())
        #expect(summary.pages == 3)
        #expect(transport.methods.withLock { $0.count } == 4)
        #expect(try sink.all[0].employees().first?.fullName != nil)
    }

    @Test func serverParameterErrorsComeBackAsTheyAre() async throws {
        let transport = CountingTransport(makeDemoEngine(employees: 10))
        let client = Client(transport: transport, credentials: .token(testToken), clock: TestClock())
        let query = Query(filter: .condition("patronymic", .equal, .string("Петрович")))
        let error = await #expect(throws: DataAPIError.self) { try await client.fetchAll(query: query) { _ in } }
        #expect(error?.mnemonic == .filterProhibited)
        #expect(transport.methods.withLock { $0.count } == 1)
    }

    @Test func loginSessionAndLogoutWithTheEngine() async throws {
        let transport = CountingTransport(makeDemoEngine(employees: 10))
        let client = Client(transport: transport, credentials: .login(login: "demo", password: "demo"), clock: TestClock())
        #expect(try await client.count(query: Query()) == 10)
        await client.close()
        #expect(transport.methods.withLock { $0 } == ["login.user", "get.employees", "logout.user"])
        let wrong = Client(transport: transport, credentials: .login(login: "demo", password: "nope-nope"), clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await wrong.count(query: Query()) }
        #expect(error?.mnemonic == .authError)
        #expect(!(error?.description.contains("nope-nope") ?? true))
    }

    @Test func spentDayBudgetFailsNamingTheRefill() async throws {
        let transport = CountingTransport(makeDemoEngine(employees: 10, dayLimit: 2))
        let client = Client(transport: transport, credentials: .token(testToken), clock: TestClock())
        _ = try await client.count(query: Query())
        _ = try await client.count(query: Query())
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .dailyLimit)
        #expect(error?.message.hasPrefix("daily limit of 2 points spent; it refills in ") == true, "\(String(describing: error))")
    }
}
