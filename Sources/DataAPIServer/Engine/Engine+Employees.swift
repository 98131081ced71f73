import DataAPIContract
import EmployeeQuery

/// `get.employees`: decode → authenticate → reserve a point → validate and compile → filter →
/// sort → page → project, streaming the rows into the reply.
extension Engine {
    func getEmployees(_ rpc: RPCRequest) -> [UInt8] {
        // Structural errors and authentication failures come before any point is touched and carry no metadata.
        let query: Query
        let caller: Caller
        let now = clock.now()
        do {
            let decoded = try Query.decode(params: rpc.params)
            guard let token = decoded.accessToken else { throw DataAPIError.requiredParameterMissed(field: "access_token") }
            query = decoded.query
            caller = try authenticate(token, userID: query.userID, now: now)
        } catch {
            return Self.errorReply(id: rpc.id, Self.apiError(error))
        }
        let reservation: PointLedger.Reservation
        let limits: Metadata.Limits
        do {
            (reservation, limits) = try state.withLock { state throws(DataAPIError) in try state.ledger.reserve(caller.token, now: now) }
        } catch {
            return Self.errorReply(id: rpc.id, error)
        }
        let request: EmployeesRequest
        do {
            request = try EmployeesRequest(query)
        } catch {
            var failure = error
            let refunded = state.withLock { $0.ledger.refund(reservation, now: clock.now()) }
            failure.metadata = Metadata(limits: refunded)
            return Self.errorReply(id: rpc.id, failure)
        }
        return run(request, id: rpc.id, limits: limits)
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
    func run(_ request: EmployeesRequest, id: RPCID, limits: Metadata.Limits) -> [UInt8] {
        let employees = store.employees
        var matches: [Int32] = []
        if request.hasFilter {
            for index in employees.indices where request.matches(employees[index]) { matches.append(Int32(index)) }
        } else {
            matches = (0..<Int32(employees.count)).map { $0 }
        }
        if !request.sort.isEmpty { sort(&matches, by: request.sort) }
        let start = min(request.offset, matches.count)
        let page = matches[start..<min(start + request.limit, matches.count)]
        let fields = request.fields
        var writer = JSONWriter(capacity: 512 + page.count * (fields == nil ? 1024 : 256))
        RPCReply.writeResult(id: id, metadata: Metadata(totalItems: matches.count, limits: limits), to: &writer) { writer in
            writer.beginArray()
            for index in page {
                if let fields {
                    employees[Int(index)].write(to: &writer, fields: fields)
                } else {
                    writer.raw(store.encodedRecord(Int(index)))
                }
            }
            writer.endArray()
        }
        return writer.bytes
    }

    /// Sorts record indices by the keys, then by id (the records' own order), ascending.
    private func sort(_ indices: inout [Int32], by keys: [(field: EmployeeField, descending: Bool)]) {
        let ranks = keys.map { (ranks: store.ranks[$0.field]!, descending: $0.descending) }
        indices.withUnsafeMutableBufferPointer { buffer in
            buffer.sort { a, b in
                for key in ranks {
                    let ra = key.ranks[Int(a)]
                    let rb = key.ranks[Int(b)]
                    if ra != rb { return key.descending ? ra > rb : ra < rb }
                }
                return a < b
            }
        }
    }
}
