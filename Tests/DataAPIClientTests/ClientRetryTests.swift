import DataAPIContract
import Testing

@testable import DataAPIClient

@Suite struct ClientRetryTests {
    @Test func backoffCurveMatchesTheTable() {
        let ceilings = (1...8).map { Backoff.ceiling(attempt: $0, baseDelay: .milliseconds(250), maxDelay: .seconds(8)) }
        #expect(ceilings == [0.25, 0.5, 1, 2, 4, 8, 8, 8])
        #expect(Backoff.ceiling(attempt: Int.max, baseDelay: .milliseconds(250), maxDelay: .seconds(8)) == 8)
        #expect(Backoff.ceiling(attempt: -3, baseDelay: .milliseconds(250), maxDelay: .seconds(8)) == 0.25)
        #expect(Backoff.delay(attempt: 3, baseDelay: .milliseconds(250), maxDelay: .seconds(8), jitter: 0.5) == .milliseconds(500))
        #expect(Backoff.delay(attempt: 3, baseDelay: .milliseconds(250), maxDelay: .seconds(8), jitter: 7) == .seconds(1))
        for _ in 0..<100 {
            let delay = Backoff.delay(attempt: 2, baseDelay: .milliseconds(250), maxDelay: .seconds(8))
            #expect(delay >= .zero && delay <= .milliseconds(500))
        }
    }

    @Test(arguments: [
        TransportError(.connectionDropped, detail: "reset"), TransportError(.timeout, detail: "slow"),
        TransportError(.httpStatus, status: 500, detail: "Internal Server Error"), TransportError(.connectionFailed, detail: "refused"),
    ])
    func transientFailuresAreRetried(_ failure: TransportError) async throws {
        let transport = ScriptedTransport { request, index in
            if index < 2 { throw failure }
            return Fake.page(request, total: 5)
        }
        let clock = TestClock()
        let client = Client(transport: transport, credentials: .token("tok-secret"), configuration: Fake.quiet, clock: clock)
        #expect(try await client.count(query: Query()) == 5)
        #expect(transport.requests.count == 3)
        #expect(clock.sleeps.count == 2)
    }

    @Test func truncatedBodyIsRetried() async throws {
        let transport = ScriptedTransport { request, index in
            let full = Fake.page(request, total: 5)
            return index == 0 ? Array(full.prefix(full.count / 2)) : full
        }
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        #expect(try await client.count(query: Query()) == 5)
        #expect(transport.requests.count == 2)
    }

    @Test func givesUpAfterMaxAttemptsWithAClearError() async throws {
        let transport = ScriptedTransport { _, _ in throw TransportError(.timeout, detail: "no reply in 60 s") }
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .retriesExhausted)
        #expect(error?.description == "get.employees failed after 4 attempts at scripted: timeout: no reply in 60 s")
        #expect((error?.underlying as? TransportError)?.kind == .timeout)
        #expect(transport.requests.count == 4)
    }

    @Test func malformedReplyNamesTheMethod() async throws {
        let transport = ScriptedTransport { _, _ in Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":[".utf8) }
        let client = Client(transport: transport, configuration: Client.Configuration(retry: .none), clock: TestClock())
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .malformedReply)
        #expect(error?.message.hasPrefix("malformed reply to get.employees: ") == true)
        #expect(transport.requests.count == 1)
    }

    @Test func mismatchedIDIsMalformed() async throws {
        let transport = ScriptedTransport { request, _ in
            Fake.page(RPCRequest(id: .int(99), method: request.method, params: request.params), total: 5)
        }
        let client = Client(transport: transport, configuration: Client.Configuration(retry: .none), clock: TestClock())
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.message.contains("id 99 does not match") == true)
    }

    @Test(arguments: [
        DataAPIError.invalidParameterValue(field: "limit", value: .int(-1), message: "limit must be 0..10000"),
        DataAPIError.filterProhibited(field: "filter.field", value: "patronymic"),
        DataAPIError.accessTokenBlocked(), DataAPIError.authError(),
    ])
    func parameterAndAuthErrorsAreNotRetried(_ failure: DataAPIError) async throws {
        let transport = ScriptedTransport { request, _ in Fake.error(request, failure) }
        let client = Client(transport: transport, credentials: .token("tok-secret"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(error?.mnemonic == failure.mnemonic)
        #expect(transport.requests.count == 1)
    }

    @Test func retryDecisions() {
        #expect(Client.RetryPolicy.isRetryable(TransportError(.connectionDropped, detail: ""), method: "get.employees"))
        #expect(!Client.RetryPolicy.isRetryable(TransportError(.connectionDropped, detail: ""), method: "login.user"))
        #expect(!Client.RetryPolicy.isRetryable(TransportError(.timeout, detail: ""), method: "login.user"))
        #expect(Client.RetryPolicy.isRetryable(TransportError(.connectionFailed, detail: ""), method: "login.user"))
        #expect(!Client.RetryPolicy.isRetryable(TransportError(.httpStatus, status: 404, detail: ""), method: "get.employees"))
        #expect(!Client.RetryPolicy.isRetryable(TransportError(.cancelled, detail: ""), method: "get.employees"))
        #expect(!Client.RetryPolicy.isRetryable(DataAPIError.invalidParameterValue(field: "x", message: ""), method: "get.employees"))
        #expect(Client.RetryPolicy.isRetryable(ClientError.malformedReply(method: "get.employees", "cut"), method: "get.employees"))
        #expect(!Client.RetryPolicy.isRetryable(ClientError.malformedReply(method: "login.user", "cut"), method: "login.user"))
    }

    @Test func loginIsRetriedOnlyWhenNothingWasSent() async throws {
        let dropped = ScriptedTransport { _, _ in throw TransportError(.connectionDropped, detail: "reset") }
        let client = Client(
            transport: dropped, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: TestClock())
        await #expect(throws: TransportError.self) { try await client.count(query: Query()) }
        #expect(dropped.requests.count == 1)

        let refused = ScriptedTransport { request, index in
            if index == 0 { throw TransportError(.connectionFailed, detail: "refused") }
            return request.method == "login.user" ? Fake.login(request, key: "sess-1", expireAt: 1_800_000_000) : Fake.page(request, total: 3)
        }
        let client2 = Client(
            transport: refused, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: TestClock())
        #expect(try await client2.count(query: Query()) == 3)
        #expect(refused.requests.map(\.method) == ["login.user", "login.user", "get.employees"])
    }
}
