import DataAPI
import DataAPIServer
import Logging

/// A reference server running on a free port of 127.0.0.1 for the length of a test.
///
/// ```swift
/// try await HTTPTestServer.with(engine: engine) { server in
///     let reply = try await post(server.url, body)
/// }
/// ```
public struct HTTPTestServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The endpoint, `http://127.0.0.1:PORT/v2.0`.
    public var url: String { "http://\(HTTPServer.host):\(port)\(HTTPServer.path)" }
    /// The base URL without the path, `http://127.0.0.1:PORT`.
    public var origin: String { "http://\(HTTPServer.host):\(port)" }

    /// A logger that drops everything, so tests stay quiet.
    public static let quietLogger = Logger(label: "empsh.serve.test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a server on a free port, runs `body`, then stops the server by cancelling it and waits until it has stopped.
    /// - Parameters:
    ///   - engine: The engine that answers.
    ///   - configuration: The server's configuration; its port is replaced by 0. Quiet, without faults, by default.
    ///   - body: The test, given the running server.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the server throws; `HTTPTestServerError` when the server stopped before listening.
    public static func with<T: Sendable>(
        engine: Engine, configuration: HTTPServer.Configuration = .init(logger: quietLogger),
        _ body: (HTTPTestServer) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.port = 0
        let server = HTTPServer(engine: engine, configuration: configuration)
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { sink.finish() }
                try await server.run { port in sink.yield(port) }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw HTTPTestServerError(message: "the server stopped before listening")
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(HTTPTestServer(port: port))) } catch { result = .failure(error) }
            group.cancelAll()
            try await group.waitForAll()
            return try result.get()
        }
    }
}

/// The test server could not start.
public struct HTTPTestServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
