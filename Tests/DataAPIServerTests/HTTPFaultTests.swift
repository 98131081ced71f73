import AsyncHTTPClient
import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

@Suite("HTTP fault injection")
struct HTTPFaultTests {
    static func configuration(_ kind: FaultInjector.Kind, delay: Duration = .milliseconds(400)) -> HTTPServer.Configuration {
        .init(
            faults: .init(probability: 1, kinds: [kind], delay: delay...delay), faultSeed: 9, dayLimit: 500, minuteLimit: 60,
            logger: HTTPTestServer.quietLogger)
    }

    @Test("delay: a short client timeout expires; a patient client gets the real reply, late")
    func delay() async throws {
        let body = HTTPFixtures.request()
        let expected = HTTPFixtures.engine().handle(body)
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.delay)) { server in
            let impatient = try await HTTPCurl.send(server.url, body: body, maxTime: 0.15)
            #expect(impatient.exitCode == 28)
            await #expect(throws: HTTPClientError.deadlineExceeded) {
                _ = try await HTTPFixtures.post(server.url, body, timeout: .milliseconds(150))
            }
            let start = ContinuousClock.now
            let patient = try await HTTPCurl.send(server.url, body: body)
            #expect(ContinuousClock.now - start >= .milliseconds(400))
            #expect(patient.status == 200)
            #expect(patient.body.starts(with: Array(expected.prefix(30))))
            #expect(try RPCReply(bytes: patient.body).id == .int(1))
        }
    }

    @Test("dropConnection: the connection closes without one byte of reply")
    func dropConnection() async throws {
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.dropConnection)) { server in
            let raw = try await HTTPCurl.send(server.url, body: HTTPFixtures.request())
            #expect(raw.exitCode == 52, "curl: 52 is 'empty reply from server'; got \(raw.exitCode)")
            #expect(raw.status == 0 && raw.body.isEmpty)
            await #expect(throws: HTTPClientError.remoteConnectionClosed) {
                _ = try await HTTPFixtures.post(server.url, HTTPFixtures.request())
            }
        }
    }

    @Test("serverError: HTTP 500 with a text body")
    func serverError() async throws {
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.serverError)) {
            try await HTTPCurl.send($0.url, body: HTTPFixtures.request())
        }
        #expect(reply.status == 500)
        #expect(reply.body == FaultReplies.serverErrorBody)
        #expect(reply.headers["content-type"]?.hasPrefix("text/plain") == true)
    }

    @Test("truncatedBody: HTTP 200 with a proper prefix of the real reply, which is not JSON")
    func truncatedBody() async throws {
        let body = HTTPFixtures.request()
        let expected = HTTPFixtures.engine().handle(body)
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.truncatedBody)) {
            try await HTTPCurl.send($0.url, body: body)
        }
        #expect(reply.exitCode == 0 && reply.status == 200)
        #expect(!reply.body.isEmpty && reply.body.count < expected.count)
        #expect(expected.starts(with: reply.body))
        #expect(throws: (any Error).self) { try JSON(parsing: reply.body) }
    }

    @Test("malformedBody: HTTP 200 whose body is not JSON")
    func malformedBody() async throws {
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.malformedBody)) {
            try await HTTPCurl.send($0.url, body: HTTPFixtures.request())
        }
        #expect(reply.status == 200)
        #expect(reply.body == FaultReplies.malformedBody)
        #expect(throws: (any Error).self) { try JSON(parsing: reply.body) }
    }

    @Test("limitExceeded: a well-formed limit_exceeded error with the request's id and spent minute metadata")
    func limitExceeded() async throws {
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: Self.configuration(.limitExceeded)) {
            try await HTTPCurl.send($0.url, body: HTTPFixtures.request(id: "\"req-42\""))
        }
        #expect(reply.status == 200)
        let decoded = try RPCReply(bytes: reply.body)
        #expect(decoded.id == .string("req-42"))
        guard case .error(let error) = decoded.outcome else {
            Issue.record("expected an error reply")
            return
        }
        #expect(error.mnemonic == .limitExceeded)
        #expect(error.code == -32029)
        let limits = try #require(error.metadata?.limits)
        #expect(limits.minuteRemaining == 0 && limits.minuteLimit == 60 && limits.dayLimit == 500)
        #expect((1...59).contains(limits.minuteReset))
    }

    @Test("The faults seen over HTTP follow the injector's sequence for the seed, in request order")
    func reproducibleSequence() async throws {
        let faults = FaultInjector.Configuration(probability: 0.6, delay: .milliseconds(1) ... .milliseconds(5))
        var injector = FaultInjector(faults, seed: 2024)
        let expected = (0..<24).map { _ in injector.next().kind }
        let configuration = HTTPServer.Configuration(faults: faults, faultSeed: 2024, logger: HTTPTestServer.quietLogger)
        let observed = try await HTTPTestServer.with(engine: HTTPFixtures.engine(minuteLimit: 1000), configuration: configuration) { server in
            var kinds: [FaultInjector.Kind?] = []
            for index in 0..<24 {
                kinds.append(Self.classify(try await HTTPCurl.send(server.url, body: HTTPFixtures.request(id: "\(index)"))))
            }
            return kinds
        }
        // A delay of a few milliseconds looks like a normal reply from outside.
        #expect(observed == expected.map { $0 == .delay ? nil : $0 })
        #expect(Set(expected.compactMap { $0 }).count >= 4, "the seed should exercise most kinds: \(expected)")
    }

    /// Tells the fault kind from what a client sees.
    static func classify(_ reply: HTTPCurl.Reply) -> FaultInjector.Kind? {
        if reply.exitCode == 52 { return .dropConnection }
        if reply.status == 500 { return .serverError }
        if reply.body == FaultReplies.malformedBody { return .malformedBody }
        guard let decoded = try? RPCReply(bytes: reply.body) else { return .truncatedBody }
        if case .error(let error) = decoded.outcome, error.mnemonic == .limitExceeded { return .limitExceeded }
        return nil
    }
}
