import DataAPIClient
import DataAPIContract
import DataAPIServer
import Synchronization

/// A clock that stands still until a test moves it.
public final class ManualClock: WallClock {
    private let time: Mutex<Double>

    /// Creates a clock at `start` Unix seconds; by default 2023-11-14 22:13:20 UTC (20 s into a minute).
    public init(_ start: Double = 1_700_000_000) { time = Mutex(start) }

    public func now() -> Double { time.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: Double) { time.withLock { $0 += seconds } }
}

/// The key `makeDemoEngine` accepts as a customer key (`agent-test-token` as the agent's).
public let testToken = "test-token"

/// An engine over the generated demo company, with the demo keys for `testToken`.
/// - Parameters:
///   - employees: How many employees; 250 by default.
///   - seed: The generator's seed; the demo seed by default.
///   - clock: The time source; a fresh `ManualClock` by default.
///   - dayLimit: Points per day; 3000 by default.
///   - minuteLimit: Points per minute; a million by default, so tests that are not about limits never hit one.
public func makeDemoEngine(
    employees: Int = 250, seed: UInt64 = DemoCompany.defaultSeed, clock: any WallClock = ManualClock(),
    dayLimit: Int = 1_000_000, minuteLimit: Int = 1_000_000
) -> Engine {
    makeEngine(DemoCompany.generate(employees: employees, seed: seed), clock: clock, dayLimit: dayLimit, minuteLimit: minuteLimit)
}

/// An engine over `records`, with the demo keys for `testToken`.
public func makeEngine(
    _ records: [Employee], clock: any WallClock = ManualClock(), dayLimit: Int = 1_000_000, minuteLimit: Int = 1_000_000,
    keys: [APIKey] = []
) -> Engine {
    var configuration = EngineConfiguration.demo(employees: records, token: testToken, dayLimit: dayLimit, minuteLimit: minuteLimit)
    configuration.clock = clock
    configuration.keys += keys
    return Engine(configuration)
}

/// A parsed engine reply, with accessors for what tests assert on.
public struct EngineReply: Sendable {
    /// The whole reply.
    public let json: JSON
    /// The raw bytes.
    public let bytes: [UInt8]

    /// Parses reply bytes; a reply that is not JSON is a test failure in itself, kept as `null`.
    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        json = (try? JSON(parsing: bytes)) ?? .null
    }

    public var id: JSON? { json["id"] }
    public var result: JSON? { json["result"] }
    public var error: JSON? { json["error"] }
    /// `error.data.mnemonic`.
    public var mnemonic: String? { error?["data"]?["mnemonic"]?.stringValue }
    /// `error.code`.
    public var code: Int64? { error?["code"]?.intValue }
    /// `error.data.field`.
    public var field: String? { error?["data"]?["field"]?.stringValue }
    /// `error.message`.
    public var message: String? { error?["message"]?.stringValue }
    /// `result.data` as an array.
    public var rows: [JSON] { result?["data"]?.arrayValue ?? [] }
    /// The `id` of each row.
    public var ids: [Int64] { rows.compactMap { $0["id"]?.intValue } }
    /// `result.metadata.total_items`.
    public var totalItems: Int64? { result?["metadata"]?["total_items"]?.intValue }
    /// `result.metadata.limits`, or `error.data.metadata.limits`.
    public var limits: JSON? { result?["metadata"]?["limits"] ?? error?["data"]?["metadata"]?["limits"] }
}

extension Engine {
    /// Calls a method with `params` (the access token is not added).
    public func call(_ method: String, _ params: JSONObject, id: RPCID = .int(1)) -> EngineReply {
        EngineReply(handle(RPCRequest(id: id, method: method, params: params).encoded()))
    }

    /// Calls `get.employees` with `testToken` and `params`.
    public func employees(_ params: JSONObject = [:], token: String = testToken) -> EngineReply {
        var params = params
        if params["access_token"] == nil { params["access_token"] = .string(token) }
        return call("get.employees", params)
    }
}
