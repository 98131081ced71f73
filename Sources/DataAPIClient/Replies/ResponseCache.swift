import DataAPIContract

/// Replies of `get.*` calls kept for a while, keyed by the method and the exact request parameters
/// without the access token (so a renewed session key still hits). Off unless the configuration asks.
public struct ResponseCache: Sendable {
    private struct Entry: Sendable {
        var bytes: [UInt8]
        var storedAt: Double
    }

    /// How long an entry stays fresh, in seconds.
    public let ttl: Double
    /// The most entries kept; the oldest go first.
    public let capacity: Int
    private var entries: [String: Entry] = [:]

    /// Creates an empty cache.
    /// - Parameters:
    ///   - ttl: How long an entry stays fresh.
    ///   - capacity: The most entries kept; 256 by default.
    public init(ttl: Duration, capacity: Int = 256) {
        self.ttl = ttl.seconds
        self.capacity = max(1, capacity)
    }

    /// The key of a request: `METHOD params-as-JSON` with `access_token` left out.
    /// - Parameters:
    ///   - method: The API method.
    ///   - params: The request's params, with or without the token.
    /// - Returns: The key.
    public static func key(method: String, params: JSONObject) -> String {
        let kept = JSONObject(params.entries.filter { $0.key != "access_token" }.map { ($0.key, $0.value) })
        return method + " " + JSON.object(kept).encodedString()
    }

    /// The reply stored under `key`, if still fresh at `now`.
    /// - Parameters:
    ///   - key: From `key(method:params:)`.
    ///   - now: The time, in seconds.
    /// - Returns: The reply body, or `nil`.
    public func lookup(_ key: String, at now: Double) -> [UInt8]? {
        guard let entry = entries[key], now - entry.storedAt < ttl else { return nil }
        return entry.bytes
    }

    /// Stores a reply.
    /// - Parameters:
    ///   - bytes: The reply body.
    ///   - key: From `key(method:params:)`.
    ///   - now: The time, in seconds.
    public mutating func store(_ bytes: [UInt8], for key: String, at now: Double) {
        entries = entries.filter { now - $0.value.storedAt < ttl }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.storedAt < $1.value.storedAt }) {
            entries[oldest.key] = nil
        }
        entries[key] = Entry(bytes: bytes, storedAt: now)
    }

    /// Forgets every entry.
    public mutating func clear() { entries = [:] }

    /// Entries held (fresh or not).
    public var count: Int { entries.count }
}
