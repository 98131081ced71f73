import DataAPIContract
import DataAPIServer
import Synchronization
import TestSupport
import Testing

@testable import DataAPIClient

/// A client clock that reads the engine's manual clock and moves it on when it sleeps: client and server
/// agree on the time, and a wait for the next minute takes no real time.
struct EngineLinkedClock: WallClock {
    let engineClock: ManualClock
    func now() -> Double { engineClock.now() }
    func sleep(for duration: Duration) async throws {
        try Task.checkCancellation()
        engineClock.advance(by: duration.seconds)
        await Task.yield()
    }
}

/// The waits a client announced through `onWait`.
final class WaitRecorder: Sendable {
    private let waits = Mutex<[RateLimitWait]>([])
    var all: [RateLimitWait] { waits.withLock { $0 } }
    var onWait: @Sendable (RateLimitWait) -> Void { { wait in self.waits.withLock { $0.append(wait) } } }
}

/// Minute `limit_exceeded`, injected and real, over HTTP: the client waits, says so, and goes on.
@Suite("Client over HTTP: minute limits", .timeLimit(.minutes(5)))
struct ClientHTTPLimitTests {
    @Test("An injected minute limit_exceeded on two requests: the client waits the reset it was told, twice, and completes")
    func waitsOutInjectedLimit() async throws {
        let faults = ClientHTTP.only(.limitExceeded, probability: 0.5)
        let seed = try #require(FaultSchedule.seed(faults, pattern: [true, true] + Array(repeating: false, count: 6)))
        var injector = FaultInjector(faults, seed: seed)
        let resets = (0..<2).compactMap { _ -> Int? in
            if case .limitExceeded(let reset) = injector.next() { return reset }
            return nil
        }
        let serverLog = LineLog()
        let clock = SkippingClock()
        let waits = WaitRecorder()
        let ids = try await HTTPTestServer.with(
            engine: ClientHTTP.engine(), configuration: ClientHTTP.server(faults: faults, seed: seed, log: serverLog)
        ) {
            server in
            try await ClientHTTP.withClient(server, configuration: ClientHTTP.configuration(onWait: waits.onWait), clock: clock) {
                try await ClientHTTP.fetchIDs($0)
            }
        }
        #expect(ids.count == 250 && Set(ids) == ClientHTTP.staffIDs)
        #expect(waits.all.map(\.reason) == [.limitExceeded, .limitExceeded])
        #expect(waits.all.map(\.duration) == resets.map { .seconds($0) })
        #expect(waits.all.allSatisfy { $0.minuteLimit == 60 && $0.description.hasPrefix("minute limit of 60 points spent; waiting ") })
        #expect(clock.sleeps == resets.map { .seconds($0) }, "the waits, and no backoff: a limit is not a failure")
        #expect(ClientHTTP.requests(serverLog) == 5)
    }

    @Test("A minute limit that stays spent: ClientError.minuteLimit naming the method after three waits")
    func givesUpOnAPersistentMinuteLimit() async throws {
        let serverLog = LineLog()
        let waits = WaitRecorder()
        let configuration = ClientHTTP.server(faults: ClientHTTP.only(.limitExceeded, probability: 1), seed: 5, log: serverLog)
        let error = try await HTTPTestServer.with(engine: ClientHTTP.engine(), configuration: configuration) { server in
            try await ClientHTTP.withClient(server, configuration: ClientHTTP.configuration(onWait: waits.onWait)) { client in
                await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
            }
        }
        #expect(error?.kind == .minuteLimit && error?.method == "get.employees")
        #expect((error?.underlying as? DataAPIError)?.mnemonic == .limitExceeded)
        #expect(waits.all.count == 3)
        #expect(ClientHTTP.requests(serverLog) == 4)
    }

    @Test("The engine's own minute budget, spent by another caller: limit_exceeded, a wait, then pacing, and every id once")
    func realMinuteBudget() async throws {
        let staff = DemoCompany.generate(employees: 50)
        let engineClock = ManualClock()  // 20 s into a minute
        let engine = ClientHTTP.engine(staff, clock: engineClock, minuteLimit: 3)
        for _ in 0..<3 { #expect(engine.employees(["limit": .int(1)], token: ClientHTTP.token).error == nil) }
        let serverLog = LineLog()
        let waits = WaitRecorder()
        let ids = try await HTTPTestServer.with(engine: engine, configuration: ClientHTTP.server(log: serverLog)) { server in
            try await ClientHTTP.withClient(
                server, configuration: ClientHTTP.configuration(pageSize: 10, onWait: waits.onWait),
                clock: EngineLinkedClock(engineClock: engineClock)
            ) { try await ClientHTTP.fetchIDs($0) }
        }
        #expect(ids.count == 50 && Set(ids) == Set(staff.map(\.id)))
        #expect(waits.all.map(\.reason) == [.limitExceeded, .pacing], "\(waits.all)")
        #expect(waits.all.map(\.duration) == [.seconds(40), .seconds(60)])
        #expect(waits.all.allSatisfy { $0.minuteLimit == 3 })
        #expect(ClientHTTP.requests(serverLog) == 6, "one refused request, then five pages")
    }
}
