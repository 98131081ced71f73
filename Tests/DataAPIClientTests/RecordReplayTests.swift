import DataAPIContract
import DataAPIServer
import Foundation
import TestSupport
import Testing

@testable import DataAPIClient

/// `--record` and `--replay` at the transport level: what a recording holds, and how a replay answers.
@Suite struct RecordReplayTests {
    func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("empsh-recording-\(UUID().uuidString).ndjson").path
    }

    @Test func aRecordingHoldsEveryCallWithoutCredentials() async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let log = try RecordingLog(path: path)
        let transport = RecordingTransport(wrapping: InProcessTransport(engine: makeDemoEngine(employees: 30)), log: log)
        let client = Client(transport: transport, credentials: .token(testToken), configuration: Client.Configuration(), clock: TestClock())
        let total = try await client.count(query: Query(filter: .condition("status", .equal, .string("available"))))
        _ = try? await client.call(method: "login.user", params: ["login": .string("demo"), "password": .string("demo-password")])
        await #expect(throws: DataAPIError.self) { _ = try await client.call(method: "get.employees", params: ["limit": .int(-1)]) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2, "\(text)")  // the count and the failed call; login.user is never written
        #expect(!text.contains(testToken) && !text.contains("access_token") && !text.contains("demo-password"))
        let first = try RecordedCall(line: String(lines[0]))
        #expect(first.method == "get.employees")
        #expect(first.params["filter"] != nil && first.params["limit"] == .int(1))
        #expect(first.reply.objectValue?["result"]?.objectValue?["metadata"]?.objectValue?["total_items"] == .int(Int64(total)))
        #expect(try RecordedCall(line: String(lines[1])).reply.objectValue?["error"] != nil)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func aCredentialEchoedInAReplyIsScrubbed() throws {
        let request = RPCRequest(id: .int(4), method: "get.employees", params: ["access_token": .string("secret-key-1234"), "limit": .int(1)])
            .encoded()
        let reply = #"{"jsonrpc":"2.0","id":4,"error":{"code":-32001,"message":"key secret-key-1234 is not valid"}}"#
        let call = try #require(RecordedCall(request: request, reply: Array(reply.utf8)))
        #expect(!call.line.contains("secret-key-1234"))
        #expect(call.line.contains("key *** is not valid"))
        #expect(call.params == ["limit": .int(1)])
    }

    @Test func aCredentialEchoedAsAnObjectKeyIsScrubbed() throws {
        let request = RPCRequest(id: .int(5), method: "get.employees", params: ["access_token": .string("secret-key-1234"), "limit": .int(1)])
            .encoded()
        let reply =
            #"{"jsonrpc":"2.0","id":5,"result":{"data":[{"id":1,"secret-key-1234":{"nested secret-key-1234":["secret-key-1234"]}}],"metadata":{"secret-key-1234":1}}}"#
        let call = try #require(RecordedCall(request: request, reply: Array(reply.utf8)))
        #expect(!call.line.contains("secret-key-1234"), "\(call.line)")
        #expect(call.line.contains(#"{"id":1,"***":{"nested ***":["***"]}}"#), "\(call.line)")
    }

    @Test func aReplayAnswersByMethodAndParamsWithTheRequestsID() async throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let calls = [
            RecordedCall(
                method: "get.employees", params: ["limit": .int(1), "offset": .int(0)], reply: .object(["result": .object(["n": .int(1)])])),
            RecordedCall(
                method: "get.employees", params: ["limit": .int(1), "offset": .int(0)], reply: .object(["result": .object(["n": .int(2)])])),
        ]
        try (calls.map(\.line).joined(separator: "\n") + "\n\n").write(toFile: path, atomically: true, encoding: .utf8)
        let replay = try ReplayTransport(path: path)
        #expect(replay.callCount == 2)
        // Key order and credentials do not matter; repeated calls get the replies in order, then the last again.
        var answers: [String] = []
        for id in 7...9 {
            let body = RPCRequest(
                id: .int(Int64(id)), method: "get.employees", params: ["offset": .int(0), "access_token": .string("x"), "limit": .int(1)]
            ).encoded()
            answers.append(String(decoding: try await replay.send(body, timeout: nil), as: UTF8.self))
        }
        #expect(
            answers == [
                #"{"jsonrpc":"2.0","id":7,"result":{"n":1}}"#, #"{"jsonrpc":"2.0","id":8,"result":{"n":2}}"#,
                #"{"jsonrpc":"2.0","id":9,"result":{"n":2}}"#,
            ])
        let missing = RPCRequest(id: .int(1), method: "get.employees", params: ["limit": .int(2), "access_token": .string("secret")]).encoded()
        let error = await #expect(throws: TransportError.self) { _ = try await replay.send(missing, timeout: nil) }
        #expect(error?.kind == .notRecorded)
        #expect(error?.isRetryable == false)
        #expect(error?.detail == #"get.employees {"limit":2} is not in the recording \#(path)"#)
    }

    @Test func aBadRecordingIsRefusedNamingTheLine() throws {
        let path = temporaryFile()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let good = RecordedCall(method: "get.employees", params: [:], reply: .object(["result": .object([:])])).line
        try (good + "\n{\"method\":\"get.employees\"}\n").write(toFile: path, atomically: true, encoding: .utf8)
        let error = #expect(throws: RecordingError.self) { _ = try ReplayTransport(path: path) }
        #expect(error?.message == "\(path):2: the line has no \"params\" object")
        #expect(throws: RecordingError.self) { _ = try ReplayTransport(path: path + ".missing") }
        #expect(throws: RecordingError.self) { _ = try RecordingLog(path: "/nonexistent-folder/x.ndjson") }
    }
}
