import DataAPIContract
import Testing

@testable import DataAPIClient

@Suite struct ClientHTTPTransportTests {
    @Test func refusedConnectionIsConnectionFailed() async throws {
        let transport = try HTTPTransport(url: "http://127.0.0.1:1/v2.0", configuration: .init(connectTimeout: .seconds(2)))
        let error = await #expect(throws: TransportError.self) { try await transport.send(Array("{}".utf8), timeout: .seconds(5)) }
        #expect(error?.kind == .connectionFailed, "\(String(describing: error))")
        #expect(error?.isRetryable == true)
        #expect(transport.endpointDescription == "http://127.0.0.1:1/v2.0")
        try await transport.shutdown()
    }

    @Test func onlyHTTPURLsAreAccepted() {
        #expect(throws: TransportError.self) { try HTTPTransport(url: "ftp://example.com/v2.0") }
        #expect(throws: TransportError.self) { try HTTPTransport(url: "dataapi.uiscom.ru") }
    }

    @Test func failuresMapToTransportErrors() {
        #expect(HTTPTransport.transportError(CancellationError(), maxReplyBytes: 1).kind == .cancelled)
        #expect(HTTPTransport.transportError(TransportError(.timeout, detail: "x"), maxReplyBytes: 1).kind == .timeout)
        #expect(TransportError(.replyTooLarge, detail: "").isRetryable == false)
    }
}
