import DataAPIClient
import DataAPIContract
import EmployeeQuery
import Lua

/// The global `employees`: `page`, `each`, `all`, `count`, `explain`, `watch` — and `api.call`.
///
/// Every function takes the options table of `QueryOptions`. `page` sends the query as it is
/// (one call, as the API answers it); the others plan it first (`QueryPlanner`): the server
/// gets the largest part it supports, the rest runs here.
final class EmployeesModule {
    let backend: Backend

    init(backend: Backend) { self.backend = backend }

    /// The functions of `employees`, in order; `--types` annotates the ones listed here.
    static let functions: [(name: String, body: @Sendable (EmployeesModule) -> (LuaStack) throws -> Int32)] = [
        ("page", { $0.page }), ("all", { $0.all }), ("each", { $0.each }), ("count", { $0.count }), ("explain", { $0.explain }),
    ]

    func install(in stack: LuaStack) throws {
        stack.createtable(narr: 0, nrec: Int32(Self.functions.count))
        for function in Self.functions {
            let body = function.body
            stack.setfunction(-1, function.name) { [unowned self] in try body(self)($0) }
        }
        try installWatch(in: stack)
        stack.setglobal("employees")

        stack.createtable(narr: 0, nrec: 1)
        stack.setfunction(-1, "call") { [unowned self] in try call($0) }
        stack.setglobal("api")
    }

    // MARK: employees.page

    /// `employees.page{...}` → `{total=, data=List, metadata=}`: one call, sent as it is.
    private func page(_ stack: LuaStack) throws -> Int32 {
        let options = try QueryOptions.read(stack, at: 1, function: "employees.page")
        let params = options.query.params(accessToken: nil)
        let reply = try wait(method: MethodDescription.employees.name) { try await $0.call(method: MethodDescription.employees.name, params: params) }
        stack.createtable(narr: 0, nrec: 3)
        try LuaTapeDecoder.pushRows(reply.tape ?? JSONTape(), onto: stack)
        backend.count(page: stack.rawlen(-1))
        try ListValue.wrap(stack, columns: options.fields)
        stack.rawsetfield(-2, "data")
        if let total = reply.metadata.totalItems {
            stack.pushinteger(Int64(total))
            stack.rawsetfield(-2, "total")
        }
        try pushMetadata(reply.metadata, onto: stack)
        stack.rawsetfield(-2, "metadata")
        return 1
    }

    // MARK: employees.all / each / count / explain

    func plan(_ options: QueryOptions) throws -> QueryPlan {
        do {
            return try QueryPlanner.plan(
                filter: options.filter, sort: options.sort, fields: options.fields, limit: options.limit,
                offset: options.offset, pageSize: options.pageSize ?? Paging.maxLimit, userID: options.userID)
        } catch {
            throw APIErrorObject(error)
        }
    }

    /// `employees.all{...}` → a List of every matching row.
    private func all(_ stack: LuaStack) throws -> Int32 {
        let options = try QueryOptions.read(stack, at: 1, function: "employees.all")
        let plan = try plan(options)
        try RowSource(plan: plan, backend: backend).pushAllRows(onto: stack)
        try ListValue.wrap(stack, columns: options.fields)
        return 1
    }

    /// `for e in employees.each{...} do ... end`: rows one by one, fetched as they are needed.
    ///
    /// The iterator is a Lua closure (`Bindings/lua/each.lua`) that keeps the current batch as an
    /// upvalue, so an iteration left early holds nothing in the registry; its fetch ends when it is collected.
    private func each(_ stack: LuaStack) throws -> Int32 {
        let plan = try plan(QueryOptions.read(stack, at: 1, function: "employees.each"))
        let rows = RowSource(plan: plan, backend: backend, errorLevel: 2)
        if stack.getregistry(Self.iteratorFactory) != .function {
            stack.pop()
            try stack.load(EmbeddedLua.each)
            stack.pushvalue(-1)
            stack.setregistry(Self.iteratorFactory)
        }
        stack.push { stack in try rows.pushNextBatch(onto: stack) ? 1 : 0 }
        try stack.call(arguments: 1, results: 1)
        return 1
    }

    private static let iteratorFactory = "empsh.each"
    /// `employees.count{...}` → the number of matching rows: one call when the whole filter
    /// runs on the server, otherwise a fetch of the rows the local part must see.
    private func count(_ stack: LuaStack) throws -> Int32 {
        let plan = try plan(QueryOptions.read(stack, at: 1, function: "employees.count"))
        if plan.localFilter == nil {
            let query = plan.serverQuery
            var total = try wait(method: MethodDescription.employees.name) { try await $0.count(query: query) }
            backend.countCall()
            total = max(0, total - (plan.localOffset ?? plan.serverQuery.offset ?? 0))
            if let limit = plan.localLimit ?? plan.serverQuery.limit { total = min(total, limit) }
            stack.pushinteger(Int64(total))
            return 1
        }
        let rows = RowSource(plan: plan, backend: backend)
        var total: Int64 = 0
        while try rows.pushNextBatch(onto: stack) {
            total += Int64(stack.rawlen(-1))
            stack.pop()
        }
        stack.pushinteger(total)
        return 1
    }

    /// `employees.explain{...}` → the plan as text: server params, local remainder, pages and
    /// points. It counts the rows the server part matches (one call, 1 point) to know the pages.
    private func explain(_ stack: LuaStack) throws -> Int32 {
        let options = try QueryOptions.read(stack, at: 1, function: "employees.explain")
        let plan = try plan(options)
        let query = plan.serverQuery
        let total = try wait(method: MethodDescription.employees.name) { try await $0.count(query: query) }
        backend.countCall()
        stack.pushstring(plan.explain(totalItems: total, pageSize: plan.pageSize) + "\n(explain counted the matching rows: 1 point)")
        return 1
    }

    // MARK: api.call

    /// `api.call(method, params)` → the result table `{metadata=, data=}` as the API sends it.
    private func call(_ stack: LuaStack) throws -> Int32 {
        guard let method = stack.tostring(1), stack.type(1) == .string else {
            throw LuaRaise.message("api.call: expected a method name, got \(stack.typename(1))")
        }
        var params = JSONObject()
        if stack.type(2) == .table {
            var encoder = LuaJSONEncoder(stack: stack)
            try encoder.encode(2)
            guard case .object(let object) = try JSON(parsing: encoder.bytes) else {
                throw LuaRaise.message("api.call: params must be a table of named parameters")
            }
            params = object
        } else if stack.type(2) != .none && stack.type(2) != .nil {
            throw LuaRaise.message("api.call: params must be a table, got \(stack.typename(2))")
        }
        let reply = try wait(method: method) { [params] in try await $0.call(method: method, params: params) }
        backend.countCall()
        guard let data = reply.tape else {
            stack.createtable()  // a reply without data gives an empty table
            return 1
        }
        stack.createtable(narr: 0, nrec: 2)
        try LuaTapeDecoder.push(data, onto: stack)
        stack.rawsetfield(-2, "data")
        try pushMetadata(reply.metadata, onto: stack)
        stack.rawsetfield(-2, "metadata")
        return 1
    }

    private func pushMetadata(_ metadata: Metadata, onto stack: LuaStack) throws {
        var writer = JSONWriter()
        metadata.write(to: &writer)
        try writer.bytes.withUnsafeBytes { try LuaJSONDecoder.push($0, onto: stack) }
    }
}

extension EmployeesModule {
    /// Waits for a call of the client; its failure becomes the Lua error table of an API failure.
    func wait<T: Sendable>(method: String, _ operation: @escaping @Sendable (Client) async throws -> T) throws -> T {
        do {
            return try backend.wait(operation)
        } catch let stop as LimitReached {
            throw LuaRaise.message(stop.message)
        } catch {
            throw APIErrorObject(error, method: method)
        }
    }
}
