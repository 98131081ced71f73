import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

@testable import DataAPIClient

/// A full fetch of a large company over HTTP while the server misbehaves in every way it knows.
@Suite("Client over HTTP: a full fetch under mixed faults", .timeLimit(.minutes(5)))
struct ClientHTTPFetchTests {
    static let staff = DemoCompany.generate(employees: 25_000, seed: 2024)

    @Test("25 000 employees at P = 0.2 of mixed faults: every id exactly once")
    func fullFetchUnderMixedFaults() async throws {
        // The client's timeout is well above a slow page on busy cores; the injected delay well above that.
        let faults = FaultInjector.Configuration(probability: 0.2, delay: .seconds(30) ... .seconds(30))
        let serverLog = LineLog()
        let clientLog = LineLog()
        let waits = WaitRecorder()
        let configuration = ClientHTTP.configuration(
            timeout: .seconds(15), attempts: 8, pageSize: 1000, concurrency: 4, log: clientLog, onWait: waits.onWait)
        let (ids, summary) = try await HTTPTestServer.with(
            engine: ClientHTTP.engine(Self.staff), configuration: ClientHTTP.server(faults: faults, seed: 0x5EED, log: serverLog)
        ) { server in
            try await ClientHTTP.withClient(server, configuration: configuration) { client in
                let collector = IDCollector()
                let summary = try await client.fetchAll(query: Query(fields: ["id", "full_name"])) { collector.add($0) }
                return (collector.all, summary)
            }
        }
        #expect(ids.count == 25_000)
        #expect(Set(ids) == Set(Self.staff.map(\.id)), "every id the engine holds")
        #expect(summary.rows == 25_000 && summary.duplicatesDropped == 0 && summary.pages == 25)
        let injected = ClientHTTP.injected(serverLog)
        #expect(injected >= 2, "the seed should inject faults")
        #expect(ClientHTTP.requests(serverLog) == 25 + injected, "each fault costs exactly one more request")
        if ClientHTTP.injected(serverLog, .limitExceeded) > 0 { #expect(!waits.all.isEmpty) }
        ClientHTTP.expectNoSecrets(clientLog.lines + serverLog.lines)
    }
}
