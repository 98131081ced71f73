import DataAPIContract
import DataAPIServer
import Foundation
import TestSupport
import Testing

/// No filter holds the server: a request whose regular expression is costly on every record is cut
/// at its evaluation budget with an error naming `filter`, and requests sent meanwhile are answered.
@Suite("HTTP: evaluation is bounded")
struct HTTPEvaluationBoundTests {
    static func request(pattern: String, id: Int) -> [UInt8] {
        RPCRequest(
            id: .int(Int64(id)), method: "get.employees",
            params: [
                "access_token": .string(HTTPFixtures.token), "limit": .int(1),
                "filter": .object(["field": .string("full_name"), "operator": .string("regexp"), "value": .string(pattern)]),
            ]
        ).encoded()
    }

    @Test("A costly regexp answers an error within its budget while a plain request is answered at once")
    func costlyRegexpIsBoundedAndOthersAreServed() async throws {
        // Polynomial backtracking: each record stays under the per-match limit, the whole scan would take minutes.
        var configuration = EngineConfiguration.demo(employees: DemoCompany.generate(employees: 25_000), token: HTTPFixtures.token)
        configuration.clock = HTTPFixedClock()
        let engine = Engine(configuration)
        try await HTTPTestServer.with(engine: engine) { server in
            let start = ContinuousClock.now
            async let slow = HTTPFixtures.post(server.url, Self.request(pattern: "(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)[0-9]$", id: 1))
            try await Task.sleep(for: .milliseconds(150))
            let quick = try await HTTPFixtures.post(server.url, HTTPFixtures.request(id: "2"))
            let quickDone = ContinuousClock.now
            let slowReply = try await slow
            let slowDone = ContinuousClock.now

            guard case .result = try RPCReply(bytes: quick.body).outcome else {
                Issue.record("the plain request failed: \(String(decoding: quick.body, as: UTF8.self))")
                return
            }
            #expect(quickDone < slowDone, "the plain request waited for the costly one")
            guard case .error(let error) = try RPCReply(bytes: slowReply.body).outcome else {
                Issue.record("the costly request was not cut")
                return
            }
            #expect(error.mnemonic == .invalidParameterValue)
            #expect(error.field == "filter" || error.field == "filter.value")
            #expect(error.metadata?.limits != nil)
            // The budget counts steps (about a second of work when idle); the bound is only a watchdog.
            #expect(slowDone - start < Watchdog.duration(expecting: .seconds(3)))
        }
    }
}
