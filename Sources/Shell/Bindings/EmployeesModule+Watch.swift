import Lua

extension EmployeesModule {
    /// Sets `employees.watch` (the table on top of the stack gets the field): the Lua function of
    /// `Bindings/lua/watch.lua`, given two Swift helpers: `poll(options)` → `(list, points, minute_limit)`
    /// and `sleep(seconds)` (``Backend/sleep(seconds:)``).
    func installWatch(in stack: LuaStack) throws {
        try stack.load(EmbeddedLua.watch)
        stack.push { [unowned self] stack in try poll(stack) }
        stack.push { [unowned self] stack in
            backend.sleep(seconds: stack.tonumber(1) ?? 0)
            return 0
        }
        try stack.call(arguments: 2, results: 1)
        stack.rawsetfield(-2, "watch")
    }

    /// `poll(options)` → every matching row as a List, fetched past the response cache; the points
    /// the fetch cost; and the account's points per minute, or nil when no reply has said yet.
    private func poll(_ stack: LuaStack) throws -> Int32 {
        let options = try QueryOptions.read(stack, at: 1, function: "employees.watch")
        let plan = try plan(options)
        _ = try? backend.wait { await $0.clearCache() }
        let before = backend.statistics.points
        try RowSource(plan: plan, backend: backend).pushAllRows(onto: stack)
        try ListValue.wrap(stack, columns: options.fields)
        stack.pushinteger(Int64(backend.statistics.points - before))
        if let limits = try? backend.wait({ await $0.pointLimits }), limits.minuteLimit > 0 {
            stack.pushinteger(Int64(limits.minuteLimit))
        } else {
            stack.pushnil()
        }
        return 3
    }
}
