import DataAPIContract
import Foundation
import Synchronization
import TestSupport
import Testing

@testable import DataAPIClient

/// Over real HTTP against `FakeHTTPServer`: JSON-RPC errors under any HTTP status, stalled servers, and servers
/// that echo secrets into every part of an error.
@Suite(.timeLimit(.minutes(5))) struct ClientHTTPStatusTests {
    static let filterProhibited =
        #"{"code":-32602,"message":"Filtering by this field is prohibited","data":{"mnemonic":"filter_prohibited","field":"filter.field","value":"avatar"}}"#

    @Test(arguments: [400, 422, 500, 503])
    func aJSONRPCErrorUnderAnyStatusKeepsItsMnemonicCodeAndField(status: Int) async throws {
        let server = try FakeHTTPServer { .error($0, status: status, Self.filterProhibited) }
        defer { server.stop() }
        let transport = try HTTPTransport(url: server.url)
        let client = Client(transport: transport, credentials: .token("tok-1234"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(error?.mnemonic == .filterProhibited)
        #expect(error?.code == -32602)
        #expect(error?.field == "filter.field")
        #expect(error?.value == .string("avatar"))
        #expect(server.requests.count == 1)  // a parameter error is never retried, whatever the status
        try await transport.shutdown()
    }

    @Test func anInternalErrorUnder500IsRetriedAsOne() async throws {
        let calls = Mutex(0)
        let server = try FakeHTTPServer { request in
            let first = calls.withLock { count in
                defer { count += 1 }
                return count == 0
            }
            return first
                ? .error(request, status: 500, #"{"code":-32603,"message":"Internal error","data":{"mnemonic":"internal_error"}}"#)
                : .result(request, data: "[]", metadata: #"{"total_items":7}"#)
        }
        defer { server.stop() }
        let transport = try HTTPTransport(url: server.url)
        let client = Client(transport: transport, credentials: .token("tok-1234"), configuration: Fake.quiet, clock: TestClock())
        #expect(try await client.count(query: Query()) == 7)
        #expect(server.requests.count == 2)
        try await transport.shutdown()
    }

    @Test func aStatusWithoutAJSONRPCErrorIsStillAnHTTPError() async throws {
        let server = try FakeHTTPServer { _ in .reply(status: 403, body: Array("<html>Forbidden</html>".utf8)) }
        defer { server.stop() }
        let transport = try HTTPTransport(url: server.url)
        let error = await #expect(throws: TransportError.self) { try await transport.send(Array("{}".utf8), timeout: .seconds(30)) }
        #expect(error?.kind == .httpStatus && error?.status == 403)
        try await transport.shutdown()
    }

    @Test func aStalledServerFailsTheCallAfterTheStallTimeoutAndIsRetried() async throws {
        let server = try FakeHTTPServer { _ in .stall }
        defer { server.stop() }
        let transport = try HTTPTransport(url: server.url, configuration: .init(stallTimeout: .milliseconds(300)))
        var configuration = Fake.quiet
        configuration.retry = .exponential(
            maxAttempts: 2, baseDelay: .milliseconds(10), maxDelay: .milliseconds(10), maxElapsed: .seconds(3600))
        let client = Client(transport: transport, credentials: .token("tok-1234"), configuration: configuration)
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .retriesExhausted)
        #expect(error?.message.contains(server.url) == true, "\(String(describing: error))")
        #expect(error?.message.contains("no byte received for 0.3 s") == true, "\(String(describing: error))")
        #expect((error?.underlying as? TransportError)?.kind == .timeout)
        #expect(server.requests.count == 2)
        try await transport.shutdown()
    }

    @Test func aServerEchoingTheTokenIntoEveryPartOfAnErrorIsScrubbed() async throws {
        let token = "tok-ECHO-5f3a9c1e"
        let server = try FakeHTTPServer { request in
            let echoed = request.params["access_token"] as? String ?? ""
            return .error(
                request, status: 400,
                #"{"code":-32602,"message":"bad \#(echoed)","data":{"mnemonic":"m_\#(echoed)","field":"f.\#(echoed)","value":{"\#(echoed)":["\#(echoed)"]},"params":{"k":"\#(echoed)"},"metadata":{"version":"\#(echoed)"}}}"#
            )
        }
        defer { server.stop() }
        let transport = try HTTPTransport(url: server.url)
        let client = Client(transport: transport, credentials: .token(token), configuration: Fake.quiet, clock: TestClock())
        let thrown = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        let error = try #require(thrown)
        var everything = "\(error) \(error.mnemonic.rawValue) \(error.field ?? "") \(error.value?.encodedString() ?? "")"
        everything += " \(error.params.map { JSON.object($0).encodedString() } ?? "") \(error.metadata?.version.encodedString() ?? "")"
        dump(error, to: &everything)
        #expect(!everything.contains(token), "\(everything)")
        #expect(error.mnemonic.rawValue == "m_***" && error.field == "f.***")
        #expect(error.value == .object(["***": .array([.string("***")])]))
        try await transport.shutdown()
    }
}
