import Hummingbird
import Logging

/// Logs one line per request: method, path, status, reply size and time taken.
///
/// It never logs a body, a query string or a header, so no `access_token` (which travels in the
/// body) can reach the log. The path is logged without its query for the same reason.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The level of the per-request line; `.info` by default.
    var level: Logger.Level = .info

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let method = request.method.rawValue
        let path = request.uri.path
        do {
            let response = try await next(request, context)
            context.logger.log(
                level: level, "\(method) \(path) \(response.status.code)",
                metadata: [
                    "http.status": "\(response.status.code)",
                    "http.reply_bytes": "\(response.body.contentLength.map(String.init) ?? "-")",
                    "http.ms": "\(Self.milliseconds(since: start))",
                ])
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code
            context.logger.log(
                level: level, "\(method) \(path) \(status.map(String.init) ?? "error")",
                metadata: [
                    "http.ms": "\(Self.milliseconds(since: start))"
                ])
            throw error
        }
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        (ContinuousClock.now - start).milliseconds
    }
}
