import CLuaShim

/// The registry table that maps each host error metatable to its name.
private let hostErrorTypes = "empsh.hostErrorTypes"

extension LuaStack {
    /// Registers the metatable on top of the stack (left there) as the type of errors the host
    /// raises, under `name`: an error object carrying it is reported with origin `.host(name)`.
    ///
    /// Scripts cannot forge one: the metatable is protected (`__metatable`), so `getmetatable`
    /// returns `name` rather than the table and `setmetatable` refuses to replace it.
    /// - Parameter name: the type's name (the metatable's registry key, say).
    public func registerHostErrorMetatable(_ name: String) {
        pushstring(name)
        rawsetfield(-2, "__metatable")
        if getregistry(hostErrorTypes) != .table {
            pop()
            createtable()
            pushvalue(-1)
            rawsetfield(empsh_registryindex(), hostErrorTypes)
        }
        pushvalue(-2)
        pushstring(name)
        rawset(-3)
        pop()
    }

    /// Who raised the error object at `index`: a limit (by the state's record of why it stopped
    /// the call), the host (a registered error metatable), or the running code.
    func origin(ofErrorAt index: Int32) -> LuaError.Origin {
        switch empsh_stop_reason(L) {
        case EMPSH_STOP_INTERRUPT: return .interrupt
        case EMPSH_STOP_TIME: return .timeLimit
        case EMPSH_STOP_INSTRUCTIONS: return .instructionLimit
        default: break
        }
        let index = absindex(index)
        guard getmetatable(index) else { return .code }
        guard getregistry(hostErrorTypes) == .table else {
            pop(2)
            return .code
        }
        pushvalue(-2)
        _ = rawget(-2)
        let name = type(-1) == .string ? tostring(-1) : nil
        pop(3)
        return name.map { .host($0) } ?? .code
    }

    /// The error object at `index` as text, as `lua.c` prints it: strings and numbers as they
    /// are, others through their `__tostring`, else `(error object is a T value)`.
    func errorText(at index: Int32) -> String {
        let index = absindex(index)
        switch type(index) {
        case .string, .number:
            pushvalue(index)  // lua_tolstring converts a number in place: convert a copy
            defer { pop() }
            _ = lua_tolstring(L, -1, nil)
            return tostring(-1) ?? ""
        default: break
        }
        let fallback = "(error object is a \(typename(index)) value)"
        guard luaL_getmetafield(L, index, "__tostring") != LUA_TNIL else { return fallback }
        pop()
        guard empsh_tolstring_p(L, index) == LUA_OK, type(-1) == .string else {
            pop()
            return fallback
        }
        defer { pop() }
        return tostring(-1) ?? fallback
    }

    /// Pushes an error that was copied out of Lua, with its host error metatable restored, so a
    /// host error re-raised through Swift keeps its origin.
    func push(error: LuaError) {
        if (try? push(error.value)) == nil {
            pushstring(error.message)
            return
        }
        guard case .host(let name) = error.origin, type(-1) == .table else { return }
        guard getregistry(hostErrorTypes) == .table else {
            pop()
            return
        }
        // Find the metatable registered under `name` (the table is small: one entry per type).
        pushnil()
        while next(-2) {
            if tostring(-1) == name {
                pop()
                setmetatable(-3)
                pop()
                return
            }
            pop()
        }
        pop()
    }
}

extension LuaStack {
    /// Whether the state holds more than its memory cap: Swift code that builds many values (a
    /// fetch's rows) checks it and stops with ``notEnoughMemory`` rather than grow on.
    public var isOverMemoryLimit: Bool { empsh_memory_exceeded(L) != 0 }

    /// Where bytes held for this state outside Lua (fetched pages waiting for it) are counted against
    /// its memory cap; usable from any thread while the state is open.
    public var memoryAccount: LuaMemoryAccount { LuaMemoryAccount(account: empsh_memory_account(L)) }

    /// The error for memory past the cap, as Lua words it.
    public static let notEnoughMemory = LuaRaise.value(.string("not enough memory"))

    /// Stops long host work (decoding, encoding, rendering, sorting many values) the way the instruction
    /// hook stops Lua code: when Ctrl-C arrived or the call's `--timeout` passed, records why (so the
    /// error keeps its origin, and a `pcall` in the script cannot swallow it: the hook trips again at the
    /// next instruction) and throws its message; over the memory cap, throws ``notEnoughMemory``.
    ///
    /// Cheap enough to call every few hundred values: a flag read, a clock read when a limit is set.
    /// - Throws: `LuaRaise.message("interrupted!" or "time limit exceeded")`, or ``notEnoughMemory``.
    public func checkLimits() throws {
        switch empsh_limit_reached(L) {
        case 1:
            empsh_mark_stopped(L, EMPSH_STOP_INTERRUPT)
            throw LuaRaise.message("interrupted!")
        case 2:
            empsh_mark_stopped(L, EMPSH_STOP_TIME)
            throw LuaRaise.message("time limit exceeded")
        default:
            guard isOverMemoryLimit else { return }
            empsh_gc_collect(L)  // what a collection would free does not count against the cap
            if isOverMemoryLimit { throw Self.notEnoughMemory }
        }
    }

    /// Runs `body` with the garbage collector paused, then lets it go on where it was.
    ///
    /// For host code that builds a large result which stays alive (every row of `employees.all`):
    /// collection steps taken meanwhile would trace the growing result again and again and free
    /// nothing. Only for work that runs no Lua code and makes little garbage; `checkLimits()` still
    /// collects before it reports memory past the cap.
    /// - Parameter body: The work.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` throws.
    public func withCollectorPaused<R>(_ body: () throws -> R) rethrows -> R {
        let wasRunning = empsh_gc_stop(L) != 0
        defer { if wasRunning { empsh_gc_restart(L) } }
        return try body()
    }
}

/// Counts bytes held for a Lua state outside Lua against its `--memory` cap (`empsh_memory_hold`):
/// the pages of a fetch waiting for the script, the page its rows are being built from.
/// Safe from any thread while the state is open. It holds the whole state's account, not the
/// thread it was taken on: a coroutine that started a fetch may be collected before the fetch's rows.
// @unchecked: the pointer is the state's control block, whose `extra` count C changes atomically.
public struct LuaMemoryAccount: @unchecked Sendable {
    let account: UnsafeMutableRawPointer?

    /// Counts `bytes` more (or, negative, fewer) against the cap.
    /// - Parameter bytes: The change.
    public func hold(_ bytes: Int) { empsh_memory_hold(account, bytes) }
}
