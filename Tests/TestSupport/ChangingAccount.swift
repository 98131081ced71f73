import DataAPIContract
import Foundation

/// A fake `get.employees` account for paging tests: employees known by `id` (and a `full_name` made from
/// it) that leave and join between pages, and a reply that may leave out `total_items`.
///
/// It answers like the API: rows in ascending `id` order, or in descending order when the request has a
/// `sort` (any key: a sorted order that is not the id order); `offset` and `limit` as sent; a filter of
/// `id` conditions (`= != < <= > >=`, in `and`/`or` groups; a condition on another field matches every
/// row). `change` runs after the reply to each `get.employees` call is made, with the call's number
/// (1, 2, …), and may change the account for the next call. Every call costs a point (`points`).
public final class ChangingAccount: Transport, @unchecked Sendable {
    /// Changes the account after call `n`: `(n, &ids)`.
    public typealias Change = @Sendable (Int, inout [Int64]) -> Void

    private let lock = NSLock()
    private var ids: [Int64]
    private var params: [JSONObject] = []
    private let change: Change?
    private let reportsTotal: Bool

    /// Creates an account.
    /// - Parameters:
    ///   - ids: The employees' ids, in any order.
    ///   - reportsTotal: Whether replies carry `metadata.total_items`; `true` by default.
    ///   - change: Runs after each call's reply is made; none by default.
    public init(ids: [Int64], reportsTotal: Bool = true, change: Change? = nil) {
        self.ids = ids.sorted()
        self.reportsTotal = reportsTotal
        self.change = change
    }

    /// Employees `1...count`.
    public convenience init(employees count: Int, reportsTotal: Bool = true, change: Change? = nil) {
        self.init(ids: (0..<count).map { Int64($0 + 1) }, reportsTotal: reportsTotal, change: change)
    }

    public var endpointDescription: String { "changing account" }

    /// The ids the account holds now.
    public var currentIDs: [Int64] { lock.withLock { ids } }
    /// Calls made: points spent.
    public var points: Int { lock.withLock { params.count } }
    /// The `params` of every call, in order, without the token.
    public var requests: [JSONObject] { lock.withLock { params } }

    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        let request = try RPCRequest(bytes: body)
        var params = request.params
        params["access_token"] = nil
        let (query, _) = try Query.decode(params: request.params)
        let reply: [UInt8] = lock.withLock {
            self.params.append(params)
            let call = self.params.count
            var matching = ids.filter { Self.matches(query.filter, $0) }
            if !query.sort.isEmpty { matching.reverse() }
            let offset = min(query.offset ?? 0, matching.count)
            let end = min(matching.count, offset + (query.limit ?? 1000))
            let rows = matching[offset..<end].map { JSON.object(["id": .int($0), "full_name": .string("Сотрудник \($0)")]) }
            let metadata = Metadata(totalItems: reportsTotal ? matching.count : nil)
            let bytes = RPCReply(id: request.id, outcome: .result(metadata: metadata, data: .array(rows))).encoded()
            change?(call, &ids)
            ids.sort()
            return bytes
        }
        await Task.yield()
        return reply
    }

    /// Whether `id` passes a filter of `id` conditions; other conditions pass every row.
    static func matches(_ filter: Filter?, _ id: Int64) -> Bool {
        switch filter {
        case nil: return true
        case .condition(let condition):
            guard condition.field == "id", let value = condition.value.intValue else { return true }
            switch condition.op {
            case .equal: return id == value
            case .notEqual: return id != value
            case .less: return id < value
            case .lessOrEqual: return id <= value
            case .greater: return id > value
            case .greaterOrEqual: return id >= value
            default: return true
            }
        case .group(let group):
            return group.condition == .and
                ? group.filters.allSatisfy { matches($0, id) } : group.filters.contains { matches($0, id) }
        }
    }
}
