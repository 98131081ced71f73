import DataAPIContract

/// One call of a recording (`--record FILE`), as one line of NDJSON:
/// `{"method":"get.employees","params":{…},"reply":{"result":{…}}}`.
///
/// `params` are the request's parameters without `access_token` and `password`; `reply` is the
/// JSON-RPC reply without `jsonrpc` and `id` (its `result` or `error`), with every credential the
/// request carried replaced by `***` wherever it appears: in strings and in object keys. `login.user` and `logout.user` are never recorded: they
/// exchange credentials, and a replay needs none.
public struct RecordedCall: Sendable, Hashable {
    /// The API method, e.g. `get.employees`.
    public var method: String
    /// The request's parameters, credentials removed.
    public var params: JSONObject
    /// The reply without `jsonrpc` and `id`; a string when the reply was not a JSON object.
    public var reply: JSON

    /// The parameters that are never written: `access_token` and `password`.
    public static let credentialKeys: Set<String> = ["access_token", "password"]
    /// The methods that are never written: `login.user` and `logout.user`.
    public static let unrecordedMethods: Set<String> = ["login.user", "logout.user"]

    /// Creates a recorded call.
    /// - Parameters:
    ///   - method: The API method.
    ///   - params: Its parameters; credentials are removed.
    ///   - reply: The reply without `jsonrpc` and `id`.
    public init(method: String, params: JSONObject, reply: JSON) {
        self.method = method
        self.params = Self.withoutCredentials(params)
        self.reply = reply
    }

    /// The call of a request and its reply, as it is written; `nil` for a request that is not a
    /// JSON-RPC call or whose method is never recorded.
    /// - Parameters:
    ///   - request: The request body the transport carried.
    ///   - reply: The reply body.
    public init?(request: [UInt8], reply: [UInt8]) {
        guard let body = try? JSON(parsing: request), let method = body["method"]?.stringValue,
            !Self.unrecordedMethods.contains(method)
        else { return nil }
        let params = body["params"]?.objectValue ?? JSONObject()
        let secrets = Self.credentialKeys.compactMap { params[$0]?.stringValue }.map(Secret.init)
        let scrubber = Scrubber(secrets)
        let kept: JSON
        if case .object(let object)? = try? JSON(parsing: reply) {
            kept = scrubber.scrub(
                .object(JSONObject(object.entries.filter { $0.key != "jsonrpc" && $0.key != "id" }.map { ($0.key, $0.value) })))
        } else {
            kept = JSON.string(scrubber.scrub(String(decoding: reply, as: UTF8.self)))
        }
        self.init(method: method, params: params, reply: kept)
    }

    /// Reads a line of a recording.
    /// - Throws: `RecordingError` when the line is not an object with a string `method`, an object
    ///   `params` and a `reply`.
    public init(line: String) throws {
        guard case .object(let object)? = try? JSON(parsing: line) else { throw RecordingError("is not a JSON object") }
        guard let method = object["method"]?.stringValue else { throw RecordingError("has no \"method\" string") }
        guard let params = object["params"]?.objectValue else { throw RecordingError("has no \"params\" object") }
        guard let reply = object["reply"], reply.objectValue != nil || reply.stringValue != nil else {
            throw RecordingError("has no \"reply\" object")
        }
        self.init(method: method, params: params, reply: reply)
    }

    /// The line to write, without its newline.
    public var line: String {
        JSON.object(["method": .string(method), "params": .object(params), "reply": reply]).encodedString()
    }

    /// What a replay matches a request by: the method and the parameters (credentials removed), with
    /// object keys sorted so that key order does not matter.
    public var key: String { Self.key(method: method, params: params) }

    /// The key of a request.
    /// - Parameters:
    ///   - method: The API method.
    ///   - params: Its parameters, with or without credentials.
    /// - Returns: `METHOD params` with credentials removed and object keys sorted.
    public static func key(method: String, params: JSONObject) -> String {
        method + " " + sortedKeys(.object(withoutCredentials(params))).encodedString()
    }

    /// The reply body to hand back for a request with `id`.
    /// - Parameter id: The request's JSON-RPC id.
    /// - Returns: `{"jsonrpc":"2.0","id":ID, …reply}`; the recorded text itself when it was not an object.
    public func replyBody(id: JSON) -> [UInt8] {
        guard case .object(let members) = reply else { return Array((reply.stringValue ?? "").utf8) }
        return JSON.object(JSONObject([("jsonrpc", .string("2.0")), ("id", id)] + members.entries.map { ($0.key, $0.value) })).encoded()
    }

    static func withoutCredentials(_ params: JSONObject) -> JSONObject {
        JSONObject(params.entries.filter { !credentialKeys.contains($0.key) }.map { ($0.key, $0.value) })
    }

    private static func sortedKeys(_ json: JSON) -> JSON {
        switch json {
        case .object(let object): .object(JSONObject(object.entries.sorted { $0.key < $1.key }.map { ($0.key, sortedKeys($0.value)) }))
        case .array(let items): .array(items.map(sortedKeys))
        default: json
        }
    }
}

/// A recording that cannot be written or read: the message names the file and, when reading, the line.
public struct RecordingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong.
    public var message: String
    /// Creates an error.
    /// - Parameter message: What went wrong.
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
