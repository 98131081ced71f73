import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// JSON-RPC envelope handling (spec §1, §7): every malformed body gets an error reply, never a crash.
@Suite struct EngineProtocolTests {
    let engine = makeEngine(FilterFixture.employees)

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let body: [UInt8]
        let mnemonic: String
        let code: Int64
        let id: JSON
        var testDescription: String { name }
        init(_ name: String, _ body: String, _ mnemonic: String, _ code: Int64, id: JSON = .null) {
            self.init(name, Array(body.utf8), mnemonic, code, id: id)
        }
        init(_ name: String, _ body: [UInt8], _ mnemonic: String, _ code: Int64, id: JSON = .null) {
            (self.name, self.body, self.mnemonic, self.code, self.id) = (name, body, mnemonic, code, id)
        }
    }

    static let token = #""params":{"access_token":"test-token"}"#

    static let cases: [Case] = [
        Case("empty body", "", "parse_error", -32700),
        Case("not JSON", "hello", "parse_error", -32700),
        Case("truncated", #"{"jsonrpc":"2.0","id":1,"#, "parse_error", -32700),
        Case("bad UTF-8", [0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], "parse_error", -32700),
        Case(
            "bad UTF-8 in a value",
            Array(#"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":""#.utf8) + [0xC3, 0x28]
                + Array(#""}}"#.utf8), "parse_error", -32700),
        Case("100 000 deep", String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), "parse_error", -32700),
        Case("100 000 deep objects", String(repeating: #"{"a":"#, count: 100_000), "parse_error", -32700),
        Case("batch", "[" + #"{"jsonrpc":"2.0","id":1,"method":"get.employees","# + token + "}]", "batch_opreations_not_supported", -32099),
        Case("empty batch", "[]", "batch_opreations_not_supported", -32099),
        Case("notification", #"{"jsonrpc":"2.0","method":"get.employees","# + token + "}", "notifications_not_supported", -32099),
        Case("a string body", #""get.employees""#, "invalid_request", -32600),
        Case("wrong jsonrpc", #"{"jsonrpc":"1.0","id":7,"method":"get.employees","# + token + "}", "invalid_request", -32600, id: .int(7)),
        Case("id an object", #"{"jsonrpc":"2.0","id":{},"method":"get.employees","# + token + "}", "invalid_request", -32600),
        Case("no params", #"{"jsonrpc":"2.0","id":"x","method":"get.employees"}"#, "invalid_request", -32600, id: .string("x")),
        Case("params an array", #"{"jsonrpc":"2.0","id":2,"method":"get.employees","params":[]}"#, "invalid_request", -32600, id: .int(2)),
        Case(
            "unknown method", #"{"jsonrpc":"2.0","id":"m","method":"get.calls","# + token + "}", "method_not_found", -32601,
            id: .string("m")),
    ]

    @Test(arguments: cases)
    func malformedBodyGetsAnErrorReply(_ c: Case) {
        let reply = EngineReply(engine.handle(c.body))
        #expect(reply.json["jsonrpc"] == .string("2.0"))
        #expect(reply.mnemonic == c.mnemonic, "\(reply.json.encodedString())")
        #expect(reply.code == c.code)
        #expect(reply.id == c.id)
        #expect(reply.result == nil)
    }

    @Test func hugeBodyIsRefusedBeforeParsing() {
        var configuration = EngineConfiguration.demo(employees: FilterFixture.employees, token: testToken)
        configuration.maxRequestBytes = 1000
        let small = Engine(configuration)
        let body =
            #"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"test-token","fields":["#
            + Array(repeating: #""id""#, count: 500).joined(separator: ",") + "]}}"
        let reply = EngineReply(small.handle(Array(body.utf8)))
        #expect(reply.mnemonic == "invalid_request")
        #expect(reply.message?.contains("exceeds the limit of 1000 bytes") == true)
    }

    @Test func largeBodyWithinTheLimitIsServed() {
        // A 2 MB in-list is parsed and evaluated.
        let values = Array(repeating: "1", count: 400_000).joined(separator: ",")
        let body =
            #"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"test-token","filter":{"field":"id","operator":"in","value":["#
            + values + "]}}}"
        let reply = EngineReply(engine.handle(Array(body.utf8)))
        #expect(reply.ids == [1])
    }

    @Test func idIsEchoedExactly() {
        #expect(engine.employees().id == .int(1))
        let reply = engine.call("get.employees", ["access_token": .string(testToken)], id: .string("abc-ü"))
        #expect(reply.id == .string("abc-ü"))
        #expect(reply.totalItems == 4)
        let big = engine.call("get.employees", ["access_token": .string(testToken)], id: .int(.max))
        #expect(big.id == .int(.max))
    }

    @Test func successReplyShape() throws {
        let reply = engine.employees(["fields": json(["email", "id"]), "limit": .int(1)])
        let result = try #require(reply.result)
        #expect(result.objectValue?.keys == ["metadata", "data"])
        #expect(result["metadata"]?.objectValue?.keys == ["total_items", "version", "limits"])
        #expect(result["metadata"]?["version"] == .null)
        #expect(reply.rows == [json(["id": 1, "email": "anna@example.ru"] as KeyValuePairs<String, Any>)])
    }

    @Test func fullRecordsAreTheCanonicalEncoding() {
        let reply = engine.employees()
        #expect(reply.rows == FilterFixture.employees.map { try! JSON(parsing: $0.encoded()) })
        let projected = engine.employees(["fields": .array(EmployeeField.allCases.reversed().map { .string($0.rawValue) })])
        #expect(projected.rows == reply.rows)
    }

    @Test func inProcessTransportCarriesTheSameBytes() async throws {
        let transport = InProcessTransport(engine: engine)
        let body = RPCRequest(id: .int(3), method: "get.employees", params: ["access_token": .string(testToken)]).encoded()
        let bytes = try await transport.send(body, timeout: nil)
        #expect(EngineReply(bytes).rows == EngineReply(engine.handle(body)).rows)
        #expect(EngineReply(bytes).id == .int(3))
        #expect(transport.endpointDescription == "demo account")
    }
}
