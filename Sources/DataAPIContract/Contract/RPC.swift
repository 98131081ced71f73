/// A JSON-RPC request id: a string or a number (spec §1: `<string|number>`), echoed in the reply.
public enum RPCID: Sendable, Hashable, CustomStringConvertible {
    /// A string id.
    case string(String)
    /// An integral id.
    case int(Int64)
    /// A fractional id such as `1.5`, echoed as the number it is.
    case double(Double)

    /// The id as JSON.
    public var json: JSON {
        switch self {
        case .string(let s): .string(s)
        case .int(let i): .int(i)
        case .double(let d): .double(d)
        }
    }

    /// The id as written in JSON (`"abc"` or `42`).
    public var description: String { json.encodedString() }
}

/// A JSON-RPC 2.0 request: `{"jsonrpc":"2.0","id":…,"method":…,"params":{…}}`.
public struct RPCRequest: Sendable, Hashable {
    /// The id, echoed in the reply.
    public var id: RPCID
    /// The method name, e.g. `get.employees`.
    public var method: String
    /// The parameters object.
    public var params: JSONObject

    /// Creates a request.
    public init(id: RPCID, method: String, params: JSONObject) {
        self.id = id
        self.method = method
        self.params = params
    }

    /// The request as compact JSON, keys in order `jsonrpc, id, method, params`.
    public func encoded() -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key(plain: "jsonrpc")
        writer.string("2.0")
        writer.key(plain: "id")
        id.json.write(to: &writer)
        writer.key(plain: "method")
        writer.string(method)
        writer.key(plain: "params")
        JSON.object(params).write(to: &writer)
        writer.endObject()
        return writer.bytes
    }

    /// Decodes a request body.
    /// - Parameter bytes: The HTTP body.
    /// - Throws: `RPCRequest.Failure`, whose `error` is `parse_error` (not JSON),
    ///   `batch_opreations_not_supported` (an array), `invalid_request` (not an object; `jsonrpc` not `"2.0"`;
    ///   `id` not a string or number; `method` missing or not a string; `params` missing or not an object) or
    ///   `notifications_not_supported` (no `id`), and whose `id` is the request's id when it could be read.
    public init(bytes: [UInt8]) throws(Failure) {
        let json: JSON
        do { json = try JSON(parsing: bytes) } catch { throw Failure(id: nil, error: .parseError("Invalid JSON: \(error)")) }
        try self.init(json: json)
    }

    /// Decodes a parsed request body; see `init(bytes:)`.
    /// - Parameter json: The parsed body.
    /// - Throws: `RPCRequest.Failure` as for `init(bytes:)`, never `parse_error`.
    public init(json: JSON) throws(Failure) {
        if case .array = json { throw Failure(id: nil, error: .batchOperationsNotSupported()) }
        guard case .object(let object) = json else { throw Failure(id: nil, error: .invalidRequest("Request must be an object")) }
        let id: RPCID
        switch object["id"] {
        case nil: throw Failure(id: nil, error: .notificationsNotSupported())
        case .string(let s)?: id = .string(s)
        case .int(let i)?: id = .int(i)
        case .double(let d)?: id = .double(d)
        case let other?: throw Failure(id: nil, error: .invalidRequest("id must be a string or a number, not \(other.typeName)", field: "id"))
        }
        guard object["jsonrpc"] == .string("2.0") else {
            throw Failure(id: id, error: .invalidRequest("jsonrpc must be \"2.0\"", field: "jsonrpc"))
        }
        guard case .string(let method)? = object["method"] else {
            throw Failure(id: id, error: .invalidRequest("method must be a string", field: "method"))
        }
        guard case .object(let params)? = object["params"] else {
            throw Failure(id: id, error: .invalidRequest("params must be an object", field: "params"))
        }
        self.init(id: id, method: method, params: params)
    }

    /// Why a request body was refused, with its id when one could be read (for the error reply).
    public struct Failure: Error, Sendable, Hashable {
        /// The request's id, or `nil` when it is missing or unreadable (the reply then carries `null`).
        public var id: RPCID?
        /// The error to reply with.
        public var error: DataAPIError

        /// Creates a failure.
        public init(id: RPCID?, error: DataAPIError) {
            self.id = id
            self.error = error
        }
    }
}
