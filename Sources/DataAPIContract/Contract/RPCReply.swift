/// A JSON-RPC 2.0 reply: `{"jsonrpc":"2.0","id":…,"result":{"metadata":{…},"data":…}}` or `…,"error":{…}}`.
public struct RPCReply: Sendable, Hashable {
    /// The request's id; `nil` (written `null`) when the request's id could not be read.
    public var id: RPCID?
    /// The result or the error.
    public var outcome: Outcome

    /// What a reply carries.
    public enum Outcome: Sendable, Hashable {
        /// A successful call: its metadata and data (an array of records for `get.*`, an object for `login.user`).
        case result(metadata: Metadata, data: JSON)
        /// A failed call.
        case error(DataAPIError)
    }

    /// Creates a reply.
    public init(id: RPCID?, outcome: Outcome) {
        self.id = id
        self.outcome = outcome
    }

    /// Writes the reply, keys in order `jsonrpc, id, result|error`.
    /// - Parameter writer: The output.
    public func write(to writer: inout JSONWriter) {
        switch outcome {
        case .result(let metadata, let data):
            Self.writeResult(id: id, metadata: metadata, to: &writer) { data.write(to: &$0) }
        case .error(let error):
            Self.writeError(id: id, error: error, to: &writer)
        }
    }

    /// The reply as compact JSON bytes.
    public func encoded() -> [UInt8] {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer)
        return writer.bytes
    }

    /// Writes a success reply whose `data` is written by `writeData`, so that records stream into the
    /// output without a tree: `{"jsonrpc":"2.0","id":…,"result":{"metadata":{…},"data":…}}`.
    /// - Parameters:
    ///   - id: The request's id.
    ///   - metadata: The metadata.
    ///   - writer: The output.
    ///   - writeData: Writes exactly one value (the data).
    public static func writeResult(
        id: RPCID?, metadata: Metadata, to writer: inout JSONWriter, data writeData: (inout JSONWriter) throws -> Void
    ) rethrows {
        writeHead(id: id, to: &writer)
        writer.key(plain: "result")
        writer.beginObject()
        writer.key(plain: "metadata")
        metadata.write(to: &writer)
        writer.key(plain: "data")
        try writeData(&writer)
        writer.endObject()
        writer.endObject()
    }

    /// Writes an error reply: `{"jsonrpc":"2.0","id":…,"error":{…}}`.
    /// - Parameters:
    ///   - id: The request's id; `nil` is written as `null`.
    ///   - error: The error.
    ///   - writer: The output.
    public static func writeError(id: RPCID?, error: DataAPIError, to writer: inout JSONWriter) {
        writeHead(id: id, to: &writer)
        writer.key(plain: "error")
        error.write(to: &writer)
        writer.endObject()
    }

    private static func writeHead(id: RPCID?, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(plain: "jsonrpc")
        writer.string("2.0")
        writer.key(plain: "id")
        (id?.json ?? .null).write(to: &writer)
    }
}

extension RPCReply {
    /// Decodes a reply body.
    /// - Parameter bytes: The HTTP body.
    /// - Throws: `DataAPIError` `parse_error` when it is not JSON; `invalid_request` when it is not an object
    ///   with exactly one of `result` and `error`, or `id` is not a string, integer or null;
    ///   `data_type_error` naming the member (`result.metadata.total_items`, `error.code`, …) of the wrong type.
    public init(bytes: [UInt8]) throws {
        let json: JSON
        do { json = try JSON(parsing: bytes) } catch { throw DataAPIError.parseError("Invalid JSON reply: \(error)") }
        try self.init(json: json)
    }

    /// Decodes a parsed reply; see `init(bytes:)`.
    /// - Parameter json: The parsed body.
    /// - Throws: `DataAPIError` as for `init(bytes:)`, never `parse_error`.
    public init(json: JSON) throws {
        guard case .object(let object) = json else { throw DataAPIError.invalidRequest("Reply must be an object") }
        switch object["id"] {
        case nil, .null?: id = nil
        case .string(let s)?: id = .string(s)
        case .int(let i)?: id = .int(i)
        case .double(let d)?: id = .double(d)
        case let other?: throw DataAPIError.invalidRequest("Reply id must be a string or a number, not \(other.typeName)", field: "id")
        }
        switch (object["result"], object["error"]) {
        case (let result?, nil):
            let fields = try JSONFields(result, path: "result")
            let metadata = try fields.raw("metadata").map { try Metadata(json: $0) } ?? Metadata()
            outcome = .result(metadata: metadata, data: fields.raw("data") ?? .null)
        case (nil, let error?):
            outcome = .error(try DataAPIError(errorObject: error))
        default:
            throw DataAPIError.invalidRequest("Reply must have exactly one of result and error")
        }
    }
}
