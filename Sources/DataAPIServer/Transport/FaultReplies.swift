import DataAPIContract
import EmployeeQuery

/// The bodies the server sends when a `FaultAction` says to misbehave. Pure: bytes in, bytes out.
public enum FaultReplies {
    /// The body of an injected HTTP 500.
    public static let serverErrorBody: [UInt8] = Array("Internal Server Error (injected fault)\n".utf8)

    /// A body that is not JSON: the HTML page a misconfigured proxy answers with.
    public static let malformedBody: [UInt8] = Array("<html><head><title>502 Bad Gateway</title></head><body>502 Bad Gateway</body></html>\n".utf8)

    /// The first `keepPermille`‰ of `reply`: at least one byte and never all of it (unless it is one byte long).
    /// - Parameters:
    ///   - reply: The real reply.
    ///   - keepPermille: How much to keep, in thousandths.
    /// - Returns: A proper prefix of `reply`.
    public static func truncated(_ reply: [UInt8], keepPermille: Int) -> [UInt8] {
        guard reply.count > 1 else { return reply }
        let keep = min(max(reply.count * keepPermille / 1000, 1), reply.count - 1)
        return Array(reply[..<keep])
    }

    /// A `limit_exceeded` error for the minute budget, echoing the request's id (or `null` when unreadable)
    /// and carrying metadata whose minute budget is spent.
    /// - Parameters:
    ///   - request: The request body.
    ///   - dayLimit: The day budget to report; the day is reported untouched.
    ///   - minuteLimit: The minute budget to report.
    ///   - minuteReset: Seconds until the minute budget refills.
    /// - Returns: The JSON-RPC error reply.
    public static func limitExceeded(request: [UInt8], dayLimit: Int, minuteLimit: Int, minuteReset: Int) -> [UInt8] {
        let id: RPCID?
        do { id = try RPCRequest(bytes: request).id } catch { id = error.id }
        let limits = Metadata.Limits(
            dayLimit: dayLimit, dayRemaining: dayLimit, dayReset: 86_400 - minuteReset,
            minuteLimit: minuteLimit, minuteRemaining: 0, minuteReset: minuteReset)
        let error = DataAPIError.limitExceeded(per: .minute, limitMaxValue: minuteLimit, metadata: Metadata(limits: limits))
        return RPCReply(id: id, outcome: .error(error)).encoded()
    }
}
