import DataAPIContract
import Testing

private func requestFailure(_ text: String) -> RPCRequest.Failure? {
    do {
        _ = try RPCRequest(bytes: Array(text.utf8))
        return nil
    } catch {
        return error
    }
}

@Suite struct RPCTests {
    @Test func requestRoundTrips() throws {
        let request = RPCRequest(id: .string("req-1"), method: "get.employees", params: ["access_token": .string("t"), "limit": .int(5)])
        let bytes = request.encoded()
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"jsonrpc":"2.0","id":"req-1","method":"get.employees","params":{"access_token":"t","limit":5}}"#)
        #expect(try RPCRequest(bytes: bytes) == request)
        #expect(try RPCRequest(bytes: Array(#"{"params":{},"method":"m","id":7,"jsonrpc":"2.0"}"#.utf8)).id == .int(7))
    }

    @Test(arguments: [
        ("{", "parse_error", -32700, nil as RPCID?),
        ("[]", "batch_opreations_not_supported", -32099, nil),
        (#"[{"jsonrpc":"2.0","id":1,"method":"m","params":{}}]"#, "batch_opreations_not_supported", -32099, nil),
        ("42", "invalid_request", -32600, nil),
        (#"{"jsonrpc":"2.0","method":"m","params":{}}"#, "notifications_not_supported", -32099, nil),
        (#"{"jsonrpc":"2.0","id":true,"method":"m","params":{}}"#, "invalid_request", -32600, nil),
        (#"{"jsonrpc":"1.0","id":3,"method":"m","params":{}}"#, "invalid_request", -32600, .int(3)),
        (#"{"jsonrpc":"2.0","id":"a","params":{}}"#, "invalid_request", -32600, .string("a")),
        (#"{"jsonrpc":"2.0","id":"a","method":"m"}"#, "invalid_request", -32600, .string("a")),
        (#"{"jsonrpc":"2.0","id":"a","method":"m","params":[]}"#, "invalid_request", -32600, .string("a")),
    ])
    func badRequestsMapToMnemonics(text: String, mnemonic: String, code: Int, id: RPCID?) {
        let failure = requestFailure(text)
        #expect(failure?.error.mnemonic.rawValue == mnemonic)
        #expect(failure?.error.code == code)
        #expect(failure?.id == id)
    }

    /// The documentation's `id` is a string or a number: a fractional one is taken and echoed as it came.
    @Test func fractionalIDIsEchoed() throws {
        let request = try RPCRequest(bytes: Array(#"{"jsonrpc":"2.0","id":1.5,"method":"m","params":{}}"#.utf8))
        #expect(request.id == .double(1.5))
        let reply = RPCReply(id: request.id, outcome: .error(.methodNotFound("m"))).encoded()
        #expect(String(decoding: reply, as: UTF8.self).hasPrefix(#"{"jsonrpc":"2.0","id":1.5,"#))
        #expect(try RPCReply(bytes: reply).id == .double(1.5))
    }

    @Test func badUTF8BodyIsAParseError() {
        let body: [UInt8] = Array(#"{"jsonrpc":"2.0","id":1,"method":""#.utf8) + [0xFF] + Array(#"","params":{}}"#.utf8)
        #expect(throws: RPCRequest.Failure(id: nil, error: .parseError("Invalid JSON: invalid UTF-8 at byte 34"))) {
            try RPCRequest(bytes: body)
        }
    }

    @Test func resultReplyExactBytesAndRoundTrip() throws {
        let reply = RPCReply(id: .int(1), outcome: .result(metadata: Metadata(totalItems: 1), data: .array([.object(["id": .int(1)])])))
        let bytes = reply.encoded()
        #expect(
            String(decoding: bytes, as: UTF8.self)
                == #"{"jsonrpc":"2.0","id":1,"result":{"metadata":{"total_items":1,"version":null},"data":[{"id":1}]}}"#)
        #expect(try RPCReply(bytes: bytes) == reply)
    }

    @Test func streamedResultWritesRecords() {
        var writer = JSONWriter()
        RPCReply.writeResult(id: .string("x"), metadata: Metadata(totalItems: 10), to: &writer) { writer in
            writer.beginArray()
            for id in [Int64(1), 2] { Employee(id: id).write(to: &writer, fields: [.id, .fullName]) }
            writer.endArray()
        }
        #expect(
            writer.string == #"{"jsonrpc":"2.0","id":"x","result":{"metadata":{"total_items":10,"version":null},"#
                + #""data":[{"id":1,"full_name":null},{"id":2,"full_name":null}]}}"#)
    }

    @Test func errorReplyExactBytesAndRoundTrip() throws {
        let reply = RPCReply(id: nil, outcome: .error(.notificationsNotSupported()))
        let bytes = reply.encoded()
        #expect(
            String(decoding: bytes, as: UTF8.self) == #"{"jsonrpc":"2.0","id":null,"error":{"code":-32099,"#
                + #""message":"Notifications are not supported","data":{"mnemonic":"notifications_not_supported","field":"id"}}}"#)
        #expect(try RPCReply(bytes: bytes) == reply)
    }

    @Test(arguments: [
        ("nope", "parse_error"),
        ("[]", "invalid_request"),
        (#"{"jsonrpc":"2.0","id":1}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","id":1,"result":{},"error":{}}"#, "invalid_request"),
        (#"{"jsonrpc":"2.0","id":1,"result":{"metadata":{"total_items":"2"}}}"#, "data_type_error"),
    ])
    func badRepliesAreRejected(text: String, mnemonic: String) {
        let error = #expect(throws: DataAPIError.self) { try RPCReply(bytes: Array(text.utf8)) }
        #expect(error?.mnemonic.rawValue == mnemonic)
    }
}
