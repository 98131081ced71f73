import DataAPIContract
import Logging
import Synchronization
import Testing

@testable import DataAPIClient

/// A transport whose replies the test scripts: `handler` gets each decoded request and its index
/// (0, 1, …) and returns reply bytes or throws the failure to simulate. Every request is recorded.
final class ScriptedTransport: Transport {
    typealias Handler = @Sendable (RPCRequest, Int) throws -> [UInt8]
    private let handler: Handler
    private let state = Mutex<(requests: [RPCRequest], bodies: [[UInt8]])>(([], []))

    init(_ handler: @escaping Handler) { self.handler = handler }

    var endpointDescription: String { "scripted" }

    func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        let request = try RPCRequest(bytes: body)
        let index = state.withLock { state in
            state.requests.append(request)
            state.bodies.append(body)
            return state.requests.count - 1
        }
        await Task.yield()
        return try handler(request, index)
    }

    var requests: [RPCRequest] { state.withLock { $0.requests } }
    var bodies: [String] { state.withLock { $0.bodies.map { String(decoding: $0, as: UTF8.self) } } }
    /// `(offset, limit)` of every `get.employees` request.
    var pages: [(offset: Int?, limit: Int?)] {
        requests.filter { $0.method == "get.employees" }.map {
            ($0.params["offset"]?.intValue.map(Int.init), $0.params["limit"]?.intValue.map(Int.init))
        }
    }
}

/// A clock whose `sleep` returns at once and moves its time forward.
final class TestClock: WallClock {
    private let state = Mutex<(now: Double, sleeps: [Duration])>((1_700_000_000, []))
    func now() -> Double { state.withLock { $0.now } }
    func sleep(for duration: Duration) async throws {
        state.withLock {
            $0.now += duration.seconds
            $0.sleeps.append(duration)
        }
    }
    func advance(by seconds: Double) { state.withLock { $0.now += seconds } }
    var sleeps: [Duration] { state.withLock { $0.sleeps } }
}

enum Fake {
    static let limits = Metadata.Limits(dayLimit: 3000, dayRemaining: 2900, dayReset: 40_000, minuteLimit: 60, minuteRemaining: 50, minuteReset: 30)

    /// A result reply with the given rows.
    static func rows(_ request: RPCRequest, ids: [Int64], total: Int, limits: Metadata.Limits? = Fake.limits) -> [UInt8] {
        let data = JSON.array(ids.map { .object(["id": .int($0), "full_name": .string("Employee \($0)")]) })
        return RPCReply(id: request.id, outcome: .result(metadata: Metadata(totalItems: total, limits: limits), data: data)).encoded()
    }

    /// A server of `total` employees with ids 1…total in order, honouring offset and limit.
    static func server(total: Int, limits: Metadata.Limits? = Fake.limits) -> ScriptedTransport.Handler {
        { request, _ in page(request, total: total, limits: limits) }
    }

    static func page(_ request: RPCRequest, total: Int, limits: Metadata.Limits? = Fake.limits) -> [UInt8] {
        let offset = Int(request.params["offset"]?.intValue ?? 0)
        let limit = Int(request.params["limit"]?.intValue ?? 1000)
        let end = min(total, offset + limit)
        let ids = offset < end ? (offset..<end).map { Int64($0 + 1) } : []
        return rows(request, ids: ids, total: total, limits: limits)
    }

    static func error(_ request: RPCRequest, _ error: DataAPIError) -> [UInt8] {
        RPCReply(id: request.id, outcome: .error(error)).encoded()
    }

    static func login(_ request: RPCRequest, key: String, expireAt: Int64) -> [UInt8] {
        let data = JSON.object(["access_token": .string(key), "expire_at": .int(expireAt), "app_id": .int(1)])
        return RPCReply(id: request.id, outcome: .result(metadata: Metadata(), data: data)).encoded()
    }

    static let quiet = Client.Configuration(retry: .exponential(maxAttempts: 4), concurrency: 4)
}

@Suite struct ClientFakesTests {
    @Test func scriptedServerPagesLikeTheAPI() async throws {
        let transport = ScriptedTransport(Fake.server(total: 5))
        let request = RPCRequest(id: .int(1), method: "get.employees", params: ["offset": .int(3), "limit": .int(10)])
        let reply = try RPCReply(bytes: try await transport.send(request.encoded(), timeout: nil))
        guard case .result(let metadata, .array(let rows)) = reply.outcome else {
            Issue.record("not a result")
            return
        }
        #expect(metadata.totalItems == 5)
        #expect(rows.map { $0["id"] } == [.int(4), .int(5)])
    }
}
