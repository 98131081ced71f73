import CLuaShim

/// A Lua 5.4 state with the standard libraries, owned by Swift and closed deterministically.
///
/// Every call into Lua is protected; a Swift function's error is raised by C after Swift has
/// returned; runaway code is stopped by instruction, time and memory limits.
///
/// ```swift
/// let lua = try LuaState()
/// let results = try lua.run("return 1 + 1", name: "=example")
/// // results == [.integer(2)]
/// ```
public final class LuaState {
    /// The release of the Lua library empsh is built with, as `LUA_RELEASE` says it: `Lua 5.4.6`.
    public static var release: String { "Lua \(LUA_VERSION_MAJOR).\(LUA_VERSION_MINOR).\(LUA_VERSION_RELEASE)" }

    /// The main thread's stack.
    public let stack: LuaStack
    /// Limits applied to each top-level call (`run`, `call`); nested calls share them.
    public var limits: LuaLimits = .none {
        didSet {
            let instructions = limits.instructions.map { UInt64(max(1, $0)) } ?? 0
            let timeout = limits.timeout.map { UInt64(max(0.001, min($0, 1e9)) * 1e9) } ?? 0
            empsh_set_limits(stack.L, instructions, timeout)
        }
    }
    private var closed = false

    /// Creates a state with the standard libraries open.
    /// - Parameter memoryLimit: the most bytes Lua may hold; `nil` (the default) means no cap.
    /// - Throws: `LuaError` of kind `.memory` when the state cannot be created.
    public init(memoryLimit: Int? = nil) throws {
        _ = LuaTrampoline.installed
        // swift-format-ignore: AlwaysUseLowerCamelCase
        guard let L = empsh_newstate(memoryLimit.map { max(0, $0) } ?? 0) else {
            throw LuaError(kind: .memory, value: .string("cannot create Lua state"))
        }
        stack = LuaStack(L)
        self.memoryLimit = memoryLimit
    }

    deinit { close() }

    /// Closes the state now, freeing every value and Swift closure it holds. Idempotent.
    public func close() {
        guard !closed else { return }
        closed = true
        empsh_close(stack.L)
    }

    /// The memory cap in bytes, or `nil` for none.
    public var memoryLimit: Int? {
        didSet { empsh_set_memory_limit(stack.L, memoryLimit.map { max(0, $0) } ?? 0) }
    }

    /// Bytes Lua holds now.
    public var memoryUsed: Int { empsh_memory_used(stack.L) }

    /// Asks running Lua code to stop with the error "interrupted!". Safe from a signal handler
    /// or another thread; stays requested until the next top-level call begins.
    public func interrupt() { empsh_interrupt(stack.L) }

    /// Why the running top-level call should stop — `"interrupted!"` or `"time limit exceeded"` —
    /// or `nil`; for host code that waits on something while Lua waits on it. Never raises.
    public var stopReason: String? {
        guard !closed else { return nil }
        switch empsh_limit_reached(stack.L) {
        case 1: return "interrupted!"
        case 2: return "time limit exceeded"
        default: return nil
        }
    }

    /// What another thread may do with this state: ask it to stop, and read why it should stop.
    public var stopHandle: LuaStopHandle { LuaStopHandle(state: self) }

    /// The `package.path` this Lua was built with (what `;;` stands for in `LUA_PATH`).
    public static var defaultPath: String { String(cString: empsh_default_path()) }
    /// The `package.cpath` this Lua was built with (what `;;` stands for in `LUA_CPATH`).
    public static var defaultCPath: String { String(cString: empsh_default_cpath()) }

    /// Turns `warn()`'s output on or off, as the control messages `@on` and `@off` do (`lua -W`);
    /// off when the state is made, as in `lua5.4`.
    public func setWarnings(_ on: Bool) { lua_warning(stack.L, on ? "@on" : "@off", 0) }

    // MARK: Globals

    /// Sets a global to a value.
    /// - Throws: `LuaRaise` when the value nests too deep to push.
    public func setGlobal(_ name: String, _ value: LuaValue) throws {
        try stack.push(value)
        stack.setglobal(name)
    }

    /// Sets a global to a Swift function.
    public func setGlobal(_ name: String, function: @escaping LuaFunction) {
        stack.push(function: function)
        stack.setglobal(name)
    }

    /// A global's value, copied out.
    /// - Throws: `LuaRaise` when the value nests too deep to copy.
    public func global(_ name: String) throws -> LuaValue {
        _ = stack.getglobal(name)
        defer { stack.pop() }
        return try stack.read(-1)
    }

    // MARK: Loading and calling

    /// Compiles a chunk and pushes it as a function; see ``LuaStack/load(_:name:)``.
    public func load(_ code: String, name: String) throws { try stack.load(code, name: name) }

    /// Calls the function below `arguments` values; see ``LuaStack/call(arguments:results:)``.
    @discardableResult
    public func call(arguments: Int32, results: Int32? = nil) throws -> Int32 {
        try stack.call(arguments: arguments, results: results)
    }

    /// Compiles and runs a chunk, returning its results copied out.
    /// - Parameters:
    ///   - code: Lua source.
    ///   - name: the chunk name (default `=(string)`).
    ///   - arguments: values passed to the chunk as `...`.
    /// - Returns: the chunk's results.
    /// - Throws: `LuaError` for a syntax or runtime error.
    @discardableResult
    public func run(_ code: String, name: String = "=(string)", arguments: [LuaValue] = []) throws -> [LuaValue] {
        let base = stack.gettop()
        defer { stack.settop(base) }
        try stack.load(code, name: name)
        for argument in arguments { try stack.push(argument) }
        let count = try stack.call(arguments: Int32(arguments.count))
        return try (0..<count).map { try stack.read(base + 1 + $0) }
    }
}

/// A ``LuaState`` seen from another thread (a Ctrl-C handler's queue, a fetch waiting for the script): it can
/// only ask the running code to stop and read why it should stop. It holds the state weakly, so it never keeps
/// a state alive, and does nothing once the state is gone.
// @unchecked: only `interrupt()` and `stopReason` reach the state; they touch only its stop flag and deadline,
// which the C side sets and reads as from a signal handler (see `LuaState.interrupt()`).
public struct LuaStopHandle: @unchecked Sendable {
    private weak var state: LuaState?

    init(state: LuaState) { self.state = state }

    /// Asks the running code to stop with "interrupted!"; see ``LuaState/interrupt()``.
    public func interrupt() { state?.interrupt() }

    /// Why the running top-level call should stop, or `nil`; see ``LuaState/stopReason``.
    public var stopReason: String? { state?.stopReason }
}

/// Limits for a top-level call into Lua.
public struct LuaLimits: Sendable, Equatable {
    /// The most VM instructions (counted in steps of 1 000); `nil` for no limit.
    public var instructions: Int?
    /// The most seconds of wall-clock time; `nil` for no limit.
    public var timeout: Double?

    /// No limits.
    public static let none = LuaLimits()

    /// Creates limits; `nil` means no limit of that kind.
    public init(instructions: Int? = nil, timeout: Double? = nil) {
        self.instructions = instructions
        self.timeout = timeout
    }
}
