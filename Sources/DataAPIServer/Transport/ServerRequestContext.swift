import Hummingbird
import NIOCore

/// The server's one `RequestContext`: Hummingbird's core storage plus the connection, which an
/// injected `dropConnection` fault closes.
public struct ServerRequestContext: RequestContext {
    /// Hummingbird's per-request storage (logger, parameters, endpoint path).
    public var coreContext: CoreRequestContextStorage
    /// The connection the request came on.
    public let channel: any Channel

    /// Creates the context for one request.
    /// - Parameter source: The application's context source.
    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.channel = source.channel
    }
}
