import DataAPIContract
import Dispatch
import EmployeeQuery
import Hummingbird
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// The handler of `POST /v2.0`: reads the body under a size cap, hands it to the engine (off the
/// event loop) and replies with the engine's bytes — or, when the fault injector says so, misbehaves.
///
/// Every JSON-RPC reply, error or not, goes out as HTTP 200 (spec §1, a choice).
struct APIEndpoint: Sendable {
    let engine: Engine
    let configuration: HTTPServer.Configuration
    private let faults: NIOLockedValueBox<FaultInjector>
    private let lanes: EvaluationLanes

    init(engine: Engine, configuration: HTTPServer.Configuration) {
        self.engine = engine
        self.configuration = configuration
        self.lanes = EvaluationLanes(width: configuration.costlyEvaluations)
        self.faults = NIOLockedValueBox(FaultInjector(configuration.faults, seed: configuration.faultSeed))
    }

    /// Bodies past the cap are read and thrown away up to this size, so the client gets its reply
    /// instead of a reset; past it the connection is left to Hummingbird.
    private static let drainLimit = 1 << 30

    static let jsonContentType = "application/json; charset=UTF-8"

    func respond(to request: Request, context: ServerRequestContext) async throws -> Response {
        let action = faults.withLockedValue { $0.next() }
        if let kind = action.kind { context.logger.notice("injecting fault \(kind)") }
        guard let body = try await readBody(request.body) else {
            let error = DataAPIError.invalidRequest("Request body exceeds \(configuration.maxBodySize) bytes")
            return Self.json(RPCReply(id: nil, outcome: .error(error)).encoded())
        }
        switch action {
        case .none:
            return Self.json(await answer(body))
        case .delay(let duration):
            try await Task.sleep(for: duration)
            return Self.json(await answer(body))
        case .dropConnection:
            try? await context.channel.close()
            throw ConnectionDropped()
        case .serverError:
            return Response(
                status: .internalServerError, headers: [.contentType: "text/plain; charset=UTF-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: FaultReplies.serverErrorBody)))
        case .truncatedBody(let keep):
            return Self.json(FaultReplies.truncated(await answer(body), keepPermille: keep))
        case .malformedBody:
            return Self.json(FaultReplies.malformedBody)
        case .limitExceeded(let reset):
            return Self.json(
                FaultReplies.limitExceeded(
                    request: body, dayLimit: configuration.dayLimit,
                    minuteLimit: configuration.minuteLimit, minuteReset: reset))
        }
    }

    /// The engine's reply, off the event loop: a cheap request at once, a costly one (whose filter
    /// may take its whole evaluation budget) in the bounded pool of `EvaluationLanes`, so it holds
    /// neither the connections of other clients, nor cheap requests, nor the server's shutdown.
    private func answer(_ body: [UInt8]) async -> [UInt8] {
        let engine = self.engine
        return await lanes.run(body) { engine.handle(body) }
    }

    /// Reads the whole body, or returns `nil` when it is longer than the cap (after draining it).
    /// - Throws: `BodyTooSlow` when the body takes longer than three read timeouts in all (a client
    ///   trickling bytes); the connection is then closed.
    private func readBody(_ body: RequestBody) async throws -> [UInt8]? {
        var bytes: [UInt8] = []
        var total = 0
        let deadline = ContinuousClock.now + configuration.readTimeout * 3
        for try await chunk in body {
            guard ContinuousClock.now < deadline else { throw BodyTooSlow() }
            total += chunk.readableBytes
            if total <= configuration.maxBodySize {
                bytes.append(contentsOf: chunk.readableBytesView)
            } else if total > Self.drainLimit {
                break
            }
        }
        return total <= configuration.maxBodySize ? bytes : nil
    }

    static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: jsonContentType], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

/// Thrown after an injected fault has closed the connection; nothing is written after it.
struct ConnectionDropped: Error {}

/// Thrown when a request body arrives too slowly; Hummingbird closes the connection.
struct BodyTooSlow: Error {}
