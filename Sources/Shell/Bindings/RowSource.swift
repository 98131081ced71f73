import DataAPIClient
import DataAPIContract
import EmployeeQuery
import Lua

/// Runs a query plan and hands its rows to Lua in batches (Lua arrays of at most `batchRows` row tables).
///
/// When the server does all the work, each page's rows are built from the tape the client
/// recorded in its one parse of the reply, pages arriving in the background while Lua consumes
/// earlier ones. When part of the
/// query is local, every page is fetched, the local filter, sort, offset and limit run on the
/// decoded records with the engine's own code, and the result comes as one batch.
final class RowSource {
    private let plan: QueryPlan
    private let backend: Backend
    private var feed: PageFeed?
    /// The rows of the page being handed out.
    private var walk: TapeRowWalk?
    private var finished = false
    private let errorLevel: Int32
    /// Where the pages held for Lua count against `--memory`: the queued ones (by the feed) and the
    /// one `walk` reads (`walkBytes`); set at the first page.
    private var account: LuaMemoryAccount?
    private var walkBytes = 0

    /// - Parameter errorLevel: the call level an API error names the line of (see `APIErrorObject.level`).
    init(plan: QueryPlan, backend: Backend, errorLevel: Int32 = 1) {
        self.plan = plan
        self.backend = backend
        self.errorLevel = errorLevel
    }

    /// An iteration that stopped early (a `break` out of `employees.each`) ends its fetch.
    deinit {
        feed?.abandon()
        account?.hold(-walkBytes)
    }

    /// Pushes the next batch; returns `false`, pushing nothing, when there are no more rows.
    /// - Throws: the Lua error table of an API failure.
    func pushNextBatch(onto stack: LuaStack) throws -> Bool {
        do {
            return try pushBatch(onto: stack)
        } catch var error as APIErrorObject {
            error.level = errorLevel
            throw error
        }
    }

    /// Pushes every row as one Lua array (`employees.all`, a watch's poll).
    /// - Throws: As `pushNextBatch(onto:)`.
    func pushAllRows(onto stack: LuaStack) throws {
        stack.createtable()
        var count: Int64 = 0
        // Every row stays alive: collecting while they come would only trace them again and again.
        try stack.withCollectorPaused {
            while try pushNextBatch(onto: stack) {
                let batch = stack.gettop()
                for i in stride(from: 1, through: stack.rawlen(batch), by: 1) {
                    stack.rawgeti(batch, Int64(i))
                    count += 1
                    stack.rawseti(batch - 1, count)
                }
                stack.pop()
            }
        }
    }

    private func pushBatch(onto stack: LuaStack) throws -> Bool {
        guard !finished else { return false }
        if plan.hasLocalPart {
            finished = true
            try pushLocalResult(onto: stack)
            return true
        }
        if walk?.isFinished ?? true {
            guard let page = try nextPage(counting: stack.memoryAccount) else {
                finished = true
                holdWalk(0)
                walk = nil
                return false
            }
            // Rows an earlier page handed out are left out.
            walk = TapeRowWalk(page.tape, dropping: page.dropped)
            holdWalk(page.tape.byteCount)
            backend.count(page: page.count)
        }
        // Fields fetched only for the local part or de-duplication are left out.
        try LuaTapeDecoder.pushRows(from: &walk!, atMost: Self.batchRows, omitting: plan.extraFields, onto: stack)
        return true
    }

    /// Rows per batch: enough to make the call per batch negligible, few enough that the rows an
    /// `employees.each` loop has not reached yet stay a small part of the Lua heap.
    static let batchRows = 500

    /// Counts the page being read in place of the one before.
    private func holdWalk(_ bytes: Int) {
        account?.hold(bytes - walkBytes)
        walkBytes = bytes
    }

    private func nextPage(counting account: LuaMemoryAccount? = nil) throws -> Page? {
        if feed == nil {
            let feed = backend.fetch(plan.serverQuery, pageSize: plan.pageSize, onDemand: plan.stopsEarly)
            if let account {
                self.account = account
                feed.count(with: { account.hold($0) })
            }
            self.feed = feed
        }
        do {
            return try feed?.next()
        } catch let stop as LimitReached {
            throw LuaRaise.message(stop.message)
        } catch {
            throw APIErrorObject(error, method: MethodDescription.employees.name)
        }
    }

    /// Fetches the pages, runs the local part, and pushes the rows in the user's projection. The local
    /// filter runs page by page; with a limit and no local sort the fetch stops once enough rows passed it.
    private func pushLocalResult(onto stack: LuaStack) throws {
        var records: [Employee] = []
        while let page = try nextPage() {
            let rows: [Employee]
            do {
                rows = try page.employees()
            } catch {
                throw APIErrorObject(error, method: MethodDescription.employees.name)
            }
            do {
                records.append(contentsOf: try plan.localFilter?.filter(rows) ?? rows)
            } catch {
                throw APIErrorObject(error)
            }
            backend.count(page: page.count)
            if let stop = plan.earlyStopRows, records.count >= stop {
                feed?.abandon()
                break
            }
        }
        let selected: [Employee]
        do {
            selected = try plan.applyLocal(to: records, filtered: true)
        } catch {
            throw APIErrorObject(error)
        }
        let extra = Set(plan.extraFields)
        let projection = plan.serverQuery.fields.map { Set($0.filter { !extra.contains($0) }.compactMap(EmployeeField.init(rawValue:))) }
        var writer = JSONWriter(capacity: selected.count * 512)
        writer.beginArray()
        for record in selected { record.write(to: &writer, fields: projection) }
        writer.endArray()
        try writer.bytes.withUnsafeBytes { try LuaJSONDecoder.push($0, onto: stack) }
    }
}
