import DataAPIContract
import Testing

@testable import DataAPIClient

/// The one parse of a reply: metadata and ids read, `result.data` recorded as a tape.
@Suite struct ReplyScannerTests {
    private func scan(_ body: String, expectRows: Bool = false) async throws -> Client.Scanned {
        try await Client.scan(Array(body.utf8), method: "get.employees", expectedID: 1, expectRows: expectRows)
    }

    @Test func recordsTheRowsAndNotesTheirIDs() async throws {
        let data = #"[{"id":5,"name":"a\"b","sub":{"id":99}},{"name":"no id"},7,{"x":[1],"id":8},{"id":"9"},[]]"#
        let body = #"{"jsonrpc":"2.0","id":1,"result":{"metadata":{"total_items":6},"data":\#(data)}}"#
        let scanned = try await scan(body, expectRows: true)
        #expect(scanned.rowIDs == [5, nil, nil, 8, nil, nil])
        #expect(scanned.metadata.totalItems == 6)
        #expect(scanned.tape?.json() == (try JSON(parsing: data)))
    }

    @Test func recordsDataOfAnyShapeAfterTheMetadata() async throws {
        let scanned = try await scan(#"{"result":{"data":{"access_token":"k","expire_at":5},"metadata":{}},"id":1,"jsonrpc":"2.0"}"#)
        #expect(scanned.rowIDs == nil)
        #expect(scanned.data == .object(["access_token": .string("k"), "expire_at": .int(5)]))
        let scalar = try await scan(#"{"jsonrpc":"2.0","id":1,"result":{"data":null}}"#)
        #expect(scalar.data == .null)
        let none = try await scan(#"{"jsonrpc":"2.0","id":1,"result":{"metadata":{}}}"#)
        #expect(none.tape == nil)
    }

    @Test func aLaterDataKeyReplacesAnEarlierOne() async throws {
        let scanned = try await scan(#"{"jsonrpc":"2.0","id":1,"result":{"data":[{"id":1}],"data":[{"id":2},{"id":3}]}}"#)
        #expect(scanned.rowIDs == [2, 3])
        #expect(scanned.data == .array([.object(["id": .int(2)]), .object(["id": .int(3)])]))
    }

    @Test func rowsThatAreNotAnArrayAreAMalformedReply() async throws {
        let error = await #expect(throws: ClientError.self) {
            _ = try await scan(#"{"jsonrpc":"2.0","id":1,"result":{"data":{"id":1}}}"#, expectRows: true)
        }
        #expect(error?.kind == .malformedReply)
        let truncated = await #expect(throws: ClientError.self) {
            _ = try await scan(#"{"jsonrpc":"2.0","id":1,"result":{"data":[{"id":1}"#, expectRows: true)
        }
        #expect(truncated?.kind == .malformedReply)
    }
}
