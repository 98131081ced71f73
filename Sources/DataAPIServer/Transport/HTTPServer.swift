import DataAPIContract
import EmployeeQuery
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The reference server over HTTP: `POST /v2.0` on 127.0.0.1, each body handed to an `Engine`.
///
/// Other methods on `/v2.0` get 405 (with `Allow: POST`), other paths 404, both with a JSON-RPC
/// `invalid_request` body. Replies carry
/// `Content-Type: application/json; charset=UTF-8` and status 200, error replies included. A body
/// over `maxBodySize` gets a JSON-RPC `invalid_request` reply. One log line per request, never a
/// body or a token.
///
/// ```swift
/// let server = HTTPServer(engine: engine, configuration: .init(port: 0))
/// try await server.run(stopOnSignals: true) { port in print("listening on \(port)") }
/// ```
public struct HTTPServer: Sendable {
    /// The only address the server binds to.
    public static let host = "127.0.0.1"
    /// The endpoint's path, the API version.
    public static let path = "/v2.0"

    /// How the server listens and misbehaves.
    public struct Configuration: Sendable {
        /// The TCP port; 0 (the default) picks a free one, reported to `run`'s `onListening`.
        public var port: Int
        /// The largest request body read, in bytes; 8 MiB by default.
        public var maxBodySize: Int
        /// Fault injection; none by default.
        public var faults: FaultInjector.Configuration
        /// The fault injector's seed; 0 by default.
        public var faultSeed: UInt64
        /// The day budget an injected `limit_exceeded` reports; 3000 by default.
        public var dayLimit: Int
        /// The minute budget an injected `limit_exceeded` reports; 120 by default.
        public var minuteLimit: Int
        /// The logger for server events and request lines; label `empsh.serve` by default.
        public var logger: Logger
        /// How long a connection may send nothing while its request head or body is read, or idle
        /// between requests, before it is closed; 10 s by default. A whole body must arrive within
        /// three times this.
        public var readTimeout: Duration = .seconds(10)
        /// The most connections open at once; past it new ones wait to be accepted; 256 by default.
        public var maxConnections = 256
        /// How many costly evaluations (`regexp`, `jsquery`) run at once; one less than the cores by default.
        public var costlyEvaluations = EvaluationLanes.defaultWidth
        /// Called when the last of a flood of connections (16 or more at once) closes; `empsh serve`
        /// returns the memory they freed to the system there (`malloc_trim`). Nothing by default.
        public var afterFlood: @Sendable () -> Void = {}

        /// Creates a configuration; every parameter has the default stated on its property.
        public init(
            port: Int = 0, maxBodySize: Int = 8 << 20, faults: FaultInjector.Configuration = .none, faultSeed: UInt64 = 0,
            dayLimit: Int = MethodDescription.employees.budgets.day, minuteLimit: Int = MethodDescription.employees.budgets.minute,
            logger: Logger = Logger(label: "empsh.serve")
        ) {
            self.port = port
            self.maxBodySize = maxBodySize
            self.faults = faults
            self.faultSeed = faultSeed
            self.dayLimit = dayLimit
            self.minuteLimit = minuteLimit
            self.logger = logger
        }
    }

    /// The engine that answers.
    public let engine: Engine
    /// The configuration.
    public let configuration: Configuration

    /// Creates a server; nothing listens until `run`.
    /// - Parameters:
    ///   - engine: The engine that answers each body.
    ///   - configuration: Port, body cap, faults, logger.
    public init(engine: Engine, configuration: Configuration = .init()) {
        self.engine = engine
        self.configuration = configuration
    }

    /// Binds, serves until stopped, and returns once every connection is closed.
    ///
    /// It stops gracefully (finishing requests in flight) on SIGINT or SIGTERM when `stopOnSignals`
    /// is set, and when the calling task is cancelled.
    /// - Parameters:
    ///   - stopOnSignals: Whether SIGINT and SIGTERM stop the server; false by default (tests cancel instead).
    ///   - onListening: Called once with the bound port, as soon as the server accepts connections.
    /// - Throws: An I/O error when the port cannot be bound.
    public func run(stopOnSignals: Bool = false, onListening: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let application = Application(
            router: makeRouter(),
            server: .http1(configuration: .init(idleTimeout: TimeAmount(configuration.readTimeout))),
            configuration: .init(
                address: .hostname(Self.host, port: configuration.port), serverName: "empsh",
                availableConnectionsDelegate: ConnectionGauge(
                    maxConnections: configuration.maxConnections, afterFlood: configuration.afterFlood)),
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) },
            logger: configuration.logger
        )
        // Stopping cancels evaluations in flight first (services stop in reverse order), so the
        // application's graceful wait for its requests ends within a step check.
        let canceller = ServiceGroupConfiguration.ServiceConfiguration(
            service: CancelEvaluationsOnShutdown(cancellation: engine.evaluationBudget.cancellation),
            successTerminationBehavior: .ignore)
        let group = ServiceGroup(
            configuration: .init(
                services: [.init(service: application), canceller],
                gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [],
                logger: configuration.logger
            ))
        try await group.run()
    }

    /// Sets the engine's cancellation flag when the server begins to stop.
    private struct CancelEvaluationsOnShutdown: Service {
        let cancellation: EvaluationCancellation?

        func run() async throws {
            try? await gracefulShutdown()
            cancellation?.cancel()
        }
    }

    /// The one router: `POST /v2.0`, 405 for its other methods, the request log around all of it.
    func makeRouter() -> Router<ServerRequestContext> {
        let router = Router(context: ServerRequestContext.self)
        router.middlewares.add(RequestLogMiddleware<ServerRequestContext>())
        router.middlewares.add(RPCErrorBodyMiddleware<ServerRequestContext>())
        let endpoint = APIEndpoint(engine: engine, configuration: configuration)
        router.post(RouterPath(Self.path)) { request, context in try await endpoint.respond(to: request, context: context) }
        for method: HTTPRequest.Method in [.get, .head, .put, .delete, .patch, .options] {
            router.on(RouterPath(Self.path), method: method) { _, _ -> Response in
                throw HTTPError(.methodNotAllowed, headers: [.allow: "POST"])
            }
        }
        #if DEBUG
            do { try router.validate() } catch { preconditionFailure("router: \(error)") }
        #endif
        return router
    }
}
