import DataAPIContract
import Hummingbird

/// Gives the replies the router makes itself — 404 for another path, 405 for another method on
/// the endpoint — a JSON-RPC error body (`invalid_request`, `id` null) instead of an empty one, so
/// a client that reads every reply as JSON-RPC learns what went wrong. The status stays as it is.
struct RPCErrorBodyMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let message =
                error.status == .notFound
                ? "No Data API endpoint at \(request.uri.path); send POST \(HTTPServer.path)"
                : "\(request.method.rawValue) is not accepted at \(HTTPServer.path); send POST"
            let body = RPCReply(id: nil, outcome: .error(.invalidRequest(message))).encoded()
            var headers = error.headers
            headers[.contentType] = APIEndpoint.jsonContentType
            return Response(status: error.status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
        }
    }
}
