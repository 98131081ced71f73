import AsyncHTTPClient
import DataAPIClient
import DataAPIContract
import DataAPIServer
import Logging
import NIOCore
import Synchronization
import TestSupport
import Testing

@Suite("HTTP server")
struct HTTPServerTests {
    @Test("AsyncHTTPClient: the documented request gets the engine's exact reply, as JSON, with HTTP 200")
    func documentedRequestOverAsyncHTTPClient() async throws {
        let body = HTTPFixtures.request(limit: 3)
        let expected = HTTPFixtures.engine().handle(body)
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine()) { server in
            try await HTTPFixtures.post(server.url, body)
        }
        #expect(reply.status == 200)
        #expect(reply.headers["Content-Type"] == ["application/json; charset=UTF-8"])
        #expect(reply.body == expected)
        let decoded = try RPCReply(bytes: reply.body)
        #expect(decoded.id == .int(1))
        guard case .result(let metadata, .array(let rows)) = decoded.outcome else {
            Issue.record("not a result: \(String(decoding: reply.body, as: UTF8.self))")
            return
        }
        #expect(rows.count == 3)
        #expect((metadata.totalItems ?? 0) > 3)
        #expect(rows.allSatisfy { $0["status"] == .string("available") && $0["email"] == nil })
    }

    @Test("curl: the documented request gets the engine's exact reply; an error reply is HTTP 200 too")
    func documentedRequestOverCurl() async throws {
        let good = HTTPFixtures.request(id: "\"q-1\"")
        let bad = HTTPFixtures.request(id: "7", token: "wrong")
        let reference = HTTPFixtures.engine()
        let expected = (reference.handle(good), reference.handle(bad))
        let (first, second) = try await HTTPTestServer.with(engine: HTTPFixtures.engine()) { server in
            (try await HTTPCurl.send(server.url, body: good), try await HTTPCurl.send(server.url, body: bad))
        }
        #expect(first.exitCode == 0 && first.status == 200)
        #expect(first.headers["content-type"] == "application/json; charset=UTF-8")
        #expect(first.body == expected.0)
        #expect(second.exitCode == 0 && second.status == 200)
        #expect(second.body == expected.1)
        guard case .error(let error) = try RPCReply(bytes: second.body).outcome else {
            Issue.record("a wrong token must give an error reply")
            return
        }
        #expect(error.mnemonic == .accessTokenInvalid)
    }

    @Test(
        "Bodies that are not requests get the engine's JSON-RPC errors, byte for byte",
        arguments: [
            "not json", "[]", "{\"jsonrpc\":\"2.0\",\"method\":\"get.employees\",\"params\":{}}", "",
        ])
    func malformedRequests(text: String) async throws {
        let body = Array(text.utf8)
        let expected = HTTPFixtures.engine().handle(body)
        let reply = try await HTTPTestServer.with(engine: HTTPFixtures.engine()) { server in
            try await HTTPCurl.send(server.url, body: body)
        }
        #expect(reply.status == 200)
        #expect(reply.body == expected)
        guard case .error = try RPCReply(bytes: reply.body).outcome else {
            Issue.record("expected an error reply")
            return
        }
    }

    @Test("Other paths get 404, other methods on /v2.0 get 405 with Allow: POST, each with a JSON-RPC invalid_request body")
    func notFoundAndMethodNotAllowed() async throws {
        func expectRPCError(_ reply: HTTPCurl.Reply, _ context: String) {
            #expect(reply.headers["content-type"] == "application/json; charset=UTF-8", "\(context)")
            guard let decoded = try? RPCReply(bytes: reply.body), case .error(let error) = decoded.outcome else {
                Issue.record("\(context): not a JSON-RPC error: \(String(decoding: reply.body, as: UTF8.self))")
                return
            }
            #expect(error.mnemonic == .invalidRequest && error.code == -32600, "\(context)")
            #expect(decoded.id == nil, "\(context)")
        }
        try await HTTPTestServer.with(engine: HTTPFixtures.engine()) { server in
            let other = try await HTTPCurl.send(server.origin + "/v1.0", body: HTTPFixtures.request())
            #expect(other.status == 404)
            expectRPCError(other, "POST /v1.0")
            let root = try await HTTPCurl.send(server.origin + "/", method: "GET")
            #expect(root.status == 404)
            expectRPCError(root, "GET /")
            for method in ["GET", "PUT", "DELETE", "PATCH"] {
                let reply = try await HTTPCurl.send(server.url, method: method)
                #expect(reply.status == 405, "\(method)")
                #expect(reply.headers["allow"] == "POST", "\(method)")
                expectRPCError(reply, method)
            }
            let client = try await HTTPFixtures.post(server.url, [], method: .GET)
            #expect(client.status == 405)
        }
    }

    @Test("A body over the cap gets invalid_request, not a dropped connection, and the server keeps serving")
    func hugeBody() async throws {
        let cap = 1 << 20
        let huge =
            Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"get.employees\",\"params\":{\"x\":\"".utf8)
            + [UInt8](repeating: UInt8(ascii: "a"), count: cap + 10) + Array("\"}}".utf8)
        let configuration = HTTPServer.Configuration(maxBodySize: cap, logger: HTTPTestServer.quietLogger)
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: configuration) { server in
            for reply in [try await HTTPCurl.send(server.url, body: huge), try await HTTPFixtures.curlLike(server.url, huge)] {
                #expect(reply.status == 200)
                guard case .error(let error) = try RPCReply(bytes: reply.body).outcome else {
                    Issue.record("expected an error reply, got \(reply.body.count) bytes")
                    continue
                }
                #expect(error.mnemonic == .invalidRequest)
                #expect(error.message.contains("\(cap)"))
            }
            let after = try await HTTPFixtures.post(server.url, HTTPFixtures.request())
            #expect(after.body == HTTPFixtures.engine().handle(HTTPFixtures.request()))
        }
    }

    @Test("Concurrent requests all get their own replies")
    func concurrentRequests() async throws {
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(minuteLimit: 1000)) { server in
            try await withThrowingTaskGroup(of: (Int, RPCID?).self) { group in
                for index in 0..<32 {
                    group.addTask {
                        let reply = try await HTTPFixtures.post(server.url, HTTPFixtures.request(id: "\(index)", limit: 1))
                        return (index, try RPCReply(bytes: reply.body).id)
                    }
                }
                var seen = 0
                for try await (index, id) in group {
                    #expect(id == .int(Int64(index)))
                    seen += 1
                }
                #expect(seen == 32)
            }
        }
    }

    @Test("The request log names method, path and status, and never a body or a token")
    func requestLogKeepsSecrets() async throws {
        let records = LineLog()
        let logger = records.logger
        let secret = "sekrit-token-5f3a"
        let bodyMarker = "body-marker-9c1e"
        let body = Array(
            """
            {"jsonrpc":"2.0","id":"\(bodyMarker)","method":"get.employees","params":{"access_token":"\(secret)"}}
            """.utf8)
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: .init(logger: logger)) { server in
            _ = try await HTTPCurl.send(server.url, body: body)
            _ = try await HTTPCurl.send(server.url + "?access_token=\(secret)", body: body)
        }
        let lines = records.lines
        #expect(lines.filter { $0.contains("POST /v2.0 200") }.count == 2, "\(lines)")
        #expect(!lines.contains { $0.contains(secret) || $0.contains(bodyMarker) }, "\(lines)")
    }

    @Test("After the server stops, its port refuses connections")
    func stopsCleanly() async throws {
        let port = try await HTTPTestServer.with(engine: HTTPFixtures.engine()) { server in
            let reply = try await HTTPCurl.send(server.url, body: HTTPFixtures.request())
            #expect(reply.status == 200)
            return server.port
        }
        let after = try await HTTPCurl.send("http://127.0.0.1:\(port)/v2.0", body: HTTPFixtures.request(), maxTime: 3)
        #expect(after.exitCode == 7, "curl exit \(after.exitCode), status \(after.status)")
    }
}

extension HTTPFixtures {
    /// POSTs with AsyncHTTPClient and returns the same shape as `HTTPCurl.send`.
    static func curlLike(_ url: String, _ body: [UInt8]) async throws -> HTTPCurl.Reply {
        let reply = try await post(url, body)
        return HTTPCurl.Reply(exitCode: 0, status: reply.status, headers: [:], body: reply.body)
    }
}
