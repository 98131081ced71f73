import DataAPIContract
import EmployeeQuery

/// `get.employees`: decode → authenticate → reserve a point → validate and compile → filter →
/// sort → page → project, streaming the rows into the reply.
extension Engine {
    func getEmployees(_ rpc: RPCRequest) -> [UInt8] {
        let now = clock.now()
        // Authentication failures are not counted and carry no metadata; every later error does (spec §6).
        let caller: Caller
        do {
            caller = try authenticate(rpc.params, now: now)
        } catch {
            return Self.errorReply(id: rpc.id, Self.apiError(error))
        }
        let query: Query
        do {
            query = try Query.decode(params: rpc.params).query
        } catch {
            var failure = Self.apiError(error)
            failure.metadata = Metadata(limits: state.withLock { $0.ledger.limits(caller.userID, now: now) })
            return Self.errorReply(id: rpc.id, failure)
        }
        let reservation: PointLedger.Reservation
        let limits: Metadata.Limits
        do {
            (reservation, limits) = try state.withLock { state throws(DataAPIError) in try state.ledger.reserve(caller.userID, now: now) }
        } catch {
            return Self.errorReply(id: rpc.id, error)
        }
        do {
            return try run(EmployeesRequest(query), id: rpc.id, limits: limits)
        } catch {
            var failure = error
            let refunded = state.withLock { $0.ledger.refund(reservation, now: clock.now()) }
            failure.metadata = Metadata(limits: refunded)
            return Self.errorReply(id: rpc.id, failure)
        }
    }

    /// Reads `access_token` and `user_id` from a call's params and checks them, before the rest of
    /// the params is decoded (so that the account is known for the metadata of later errors).
    /// - Throws: `DataAPIError`: `required_parameter_missed` without a token; a `data_type_error` of
    ///   `access_token` or `user_id`; what `authenticate(_:userID:now:)` throws.
    func authenticate(_ params: JSONObject, now: Double) throws(DataAPIError) -> Caller {
        let token: String
        switch params["access_token"] {
        case .string(let value)?: token = value
        case nil, .null?: throw DataAPIError.requiredParameterMissed(field: "access_token")
        case let other?: throw DataAPIError.dataTypeError(field: "access_token", value: other, expected: "string")
        }
        var userID: Int64?
        switch params["user_id"] {
        case nil, .null?: break
        case .int(let value)?: userID = value
        case _?:
            // A malformed user_id is reported by the decoding that follows, once the account is known;
            // an agent's key cannot be placed without it, so its error comes now, uncounted.
            do {
                return try authenticate(token, userID: nil, now: now)
            } catch {
                do { _ = try Query.decode(params: params) } catch { throw Self.apiError(error) }
                throw error
            }
        }
        return try authenticate(token, userID: userID, now: now)
    }

    /// Checks a key: a permanent one, or a live session (an expired session is dropped).
    func authenticate(_ token: String, userID: Int64?, now: Double) throws(DataAPIError) -> Caller {
        let session: Session? =
            keyRing.isPermanent(token)
            ? nil
            : state.withLock { state in
                guard let session = state.sessions[token] else { return nil }
                guard session.expiresAt > now else {
                    state.sessions[token] = nil
                    return nil
                }
                return session
            }
        return try keyRing.authenticate(token: token, userID: userID, session: session)
    }

    /// Evaluates a validated request on the immutable store; no lock is held.
    /// - Throws: `invalid_parameter_value` when the filter's evaluation runs past `evaluationBudget`.
    func run(_ request: EmployeesRequest, id: RPCID, limits: Metadata.Limits) throws(DataAPIError) -> [UInt8] {
        let store = currentStore()
        let (total, page) = try select(request, in: store)
        let columns = request.fields.map(EncodedRecords.columns)
        var writer = JSONWriter(capacity: 512 + page.count * (columns == nil ? 1024 : 256))
        RPCReply.writeResult(id: id, metadata: Metadata(totalItems: total, limits: limits), to: &writer) { writer in
            writer.beginArray()
            for position in page {
                if let columns {
                    store.encoded.write(Int(position), columns: columns, to: &writer)
                } else {
                    writer.raw(store.encoded.record(Int(position)))
                }
            }
            writer.endArray()
        }
        return writer.bytes
    }

    /// The number of matches and the page's record positions, in order: through the index and the
    /// precomputed sort orders, or, on a store without an index, by scanning every record and
    /// sorting every match (the reference the indexed path is tested against).
    private func select(_ request: EmployeesRequest, in store: EmployeeStore) throws(DataAPIError) -> (total: Int, page: [Int32]) {
        let selector = PageSelector(orders: store.orders)
        guard let index = store.index else {
            var matches = try request.matchingIndices(in: store.employees, within: evaluationBudget)
            if !request.sort.isEmpty { selector.sort(&matches, by: request.sort) }
            let start = min(request.offset, matches.count)
            return (matches.count, Array(matches[start..<min(start + request.limit, matches.count)]))
        }
        let matches = try request.matchingRecords(in: store.employees, index: index, within: evaluationBudget)
        return (matches.count, selector.page(of: matches, sortedBy: request.sort, offset: request.offset, limit: request.limit))
    }

    /// The records as served now: the store itself, or with a churn the store of the current
    /// elapsed second, built once per second so that filter, sort and paging see the same values.
    private func currentStore() -> EmployeeStore {
        guard churn.perSecond > 0 else { return store }
        let elapsed = Int(max(0, clock.now() - startedAt))
        return churnedStore.withLock { cached in
            // A request that read the clock just before a second began does not take the store back.
            if let cached, cached.elapsed >= elapsed { return cached.store }
            let fresh = store.churned(churn, elapsed: elapsed)
            cached = (elapsed, fresh)
            return fresh
        }
    }
}
