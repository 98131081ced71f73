import DataAPIContract
import EmployeeQuery
import Synchronization

/// The reference implementation of the Data API's `get.employees`, `login.user` and
/// `logout.user`: JSON-RPC request bytes in, reply bytes out.
///
/// The records are prepared once (`EmployeeStore`); each request is validated in full, then
/// filtered, sorted, paged and projected on that immutable data without a lock. Sessions and
/// point counters live behind one `Mutex`, held only to look up or update them. The HTTP server
/// and `InProcessTransport` both call `handle(_:)`, concurrently.
///
/// ```swift
/// let engine = Engine(.demo(employees: DemoCompany.generate(), token: "demo"))
/// let reply = engine.handle(Array(#"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"demo"}}"#.utf8))
/// ```
public final class Engine: Sendable {
    let store: EmployeeStore
    let keyRing: KeyRing
    let users: [String: UserAccount]
    let clock: any WallClock
    let sessionLifetime: Double
    let maxRequestBytes: Int
    let evaluationBudget: EvaluationBudget
    let state: Mutex<State>
    let churn: Churn
    /// When the engine started, for the churn's elapsed seconds.
    let startedAt: Double
    /// The churned store of the latest elapsed second asked for.
    let churnedStore: Mutex<(elapsed: Int, store: EmployeeStore)?> = Mutex(nil)

    /// The mutable part: live sessions and point usage.
    struct State: Sendable {
        var sessions: [String: Session] = [:]
        var ledger: PointLedger
    }

    /// Creates an engine; encodes every record once (about a second per 200 000 records).
    /// - Parameter configuration: The records, keys, accounts, budgets and clock.
    public init(_ configuration: EngineConfiguration) {
        store = EmployeeStore(configuration.employees, indexed: configuration.usesIndexes)
        keyRing = KeyRing(configuration.keys)
        var users: [String: UserAccount] = [:]
        for user in configuration.users { users[user.login] = user }
        self.users = users
        clock = configuration.clock
        sessionLifetime = configuration.sessionLifetime.seconds
        maxRequestBytes = configuration.maxRequestBytes
        evaluationBudget = configuration.evaluationBudget
        churn = configuration.churn
        startedAt = configuration.clock.now()
        state = Mutex(State(ledger: PointLedger(dayLimit: configuration.dayLimit, minuteLimit: configuration.minuteLimit)))
    }

    /// Answers one JSON-RPC request.
    ///
    /// Never throws and never traps: a body that is too large, not UTF-8, not JSON, nested too
    /// deeply, a batch or a notification gets an error reply like any failed call. The HTTP
    /// status is the transport's choice.
    /// - Parameter request: The request body.
    /// - Returns: The reply body: compact JSON, `id` echoed (`null` when it could not be read).
    public func handle(_ request: [UInt8]) -> [UInt8] {
        guard request.count <= maxRequestBytes else {
            // Not one of the documented cases (a bad `id` or `jsonrpc`): the reply says what is wrong.
            let error = DataAPIError.invalidRequest("Request body of \(request.count) bytes exceeds the limit of \(maxRequestBytes) bytes")
            return RPCReply(id: nil, outcome: .error(error)).encoded()
        }
        let rpc: RPCRequest
        do {
            rpc = try RPCRequest(bytes: request)
        } catch {
            return Self.errorReply(id: error.id, error.error)
        }
        switch rpc.method {
        case MethodDescription.employees.name: return getEmployees(rpc)
        case "login.user": return loginUser(rpc)
        case "logout.user": return logoutUser(rpc)
        default: return Self.errorReply(id: rpc.id, .methodNotFound(rpc.method))
        }
    }

    /// The reply bytes for an error, in the documentation's words where it has them (`DataAPIError.documented`).
    static func errorReply(id: RPCID?, _ error: DataAPIError) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        RPCReply.writeError(id: id, error: error.documented, to: &writer)
        return writer.bytes
    }

    /// A `DataAPIError` from whatever a contract decoder threw.
    static func apiError(_ error: any Error) -> DataAPIError {
        (error as? DataAPIError) ?? .internalError("Unexpected error: \(error)")
    }
}
