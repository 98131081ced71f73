import DataAPIContract

/// A failure of the client itself, as opposed to an error the server replied with (`DataAPIError`)
/// or a transport failure (`TransportError`).
///
/// Handle by `kind`; the `message` is for people and never holds a credential.
public struct ClientError: Error, Sendable, CustomStringConvertible {
    /// The kinds of client failure.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// The reply was not JSON, was cut short, or was not a JSON-RPC reply to the request.
        public static let malformedReply = Kind(rawValue: "malformed_reply")
        /// The query matches more rows than offset paging can reach (offset 100 000 + limit 10 000).
        public static let tooManyRows = Kind(rawValue: "too_many_rows")
        /// A sorted query's rows kept moving while it was paged, so the pages could not be made to meet.
        public static let pagingUnstable = Kind(rawValue: "paging_unstable")
        /// The day's point budget is spent.
        public static let dailyLimit = Kind(rawValue: "daily_limit")
        /// The minute budget stayed spent after repeated waits.
        public static let minuteLimit = Kind(rawValue: "minute_limit")
        /// Every attempt of an idempotent call failed; `underlying` holds the last failure.
        public static let retriesExhausted = Kind(rawValue: "retries_exhausted")
        /// The client was closed.
        public static let closed = Kind(rawValue: "closed")
        /// The `--record` file could not be written (a full disk); the call's reply was not handed out.
        public static let recordingFailed = Kind(rawValue: "recording_failed")
    }

    /// What went wrong.
    public var kind: Kind
    /// The API method concerned, e.g. `get.employees`.
    public var method: String?
    /// A complete sentence for people; never a credential.
    public var message: String
    /// The last underlying failure (`TransportError`, `DataAPIError`, …), for `retriesExhausted`.
    public var underlying: (any Error & Sendable)?

    /// Creates a client error.
    /// - Parameters:
    ///   - kind: The kind.
    ///   - method: The API method; none by default.
    ///   - message: The text.
    ///   - underlying: The cause; none by default.
    public init(_ kind: Kind, method: String? = nil, message: String, underlying: (any Error & Sendable)? = nil) {
        self.kind = kind
        self.method = method
        self.message = message
        self.underlying = underlying
    }

    /// The message.
    public var description: String { message }

    /// `malformed reply to METHOD: DETAIL`.
    static func malformedReply(method: String, _ detail: String) -> ClientError {
        ClientError(.malformedReply, method: method, message: "malformed reply to \(method): \(detail)")
    }

    /// A sorted query's rows kept moving after `calls` calls spent finding where they went.
    static func pagingUnstable(method: String, calls: Int) -> ClientError {
        ClientError(
            .pagingUnstable, method: method,
            message: "the account kept changing while \(method) was paged in a sorted order (\(calls) calls spent finding "
                + "the rows that moved); nothing was truncated silently: run it again, or leave out sort and sort the list "
                + "locally (rows in id order are always paged exactly)")
    }

    /// The query matches `total` rows but paging reaches only `reachable`.
    static func tooManyRows(method: String, total: Int, reachable: Int) -> ClientError {
        ClientError(
            .tooManyRows, method: method,
            message: "the query matches \(total) rows, but \(method) can page through at most \(reachable) "
                + "(offset up to 100000 plus limit up to 10000); nothing was truncated: a sorted query "
                + "is paged by offset alone: narrow the filter so that it matches at most \(reachable) rows, or leave out "
                + "sort (rows in id order are read in id ranges, any number of them) and sort the list locally"
        )
    }
}

/// Formats a wait in seconds as people read it: `40 s`, `12 min`, `5 h 12 min`.
/// - Parameter seconds: The duration; negative counts as 0.
/// - Returns: The text.
func humanDuration(seconds: Double) -> String {
    let total = Int(max(0, seconds).rounded(.up))
    if total < 60 { return "\(total) s" }
    let minutes = (total + 59) / 60
    if minutes < 60 { return "\(minutes) min" }
    let hours = minutes / 60
    let rest = minutes % 60
    return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
}
