import Foundation
import LineEditing
import Lua

/// The empsh shell: one Lua state with the empsh API installed, and the ways to run code in it
/// (chunks, script files, standard input, the REPL).
///
/// ```swift
/// let shell = try Shell(options: .init(), backend: .using(client, accountDescription: "example"))
/// try shell.run(.commandLine("print(employees.count{})"))
/// ```
public final class Shell {
    /// How the shell was started.
    public struct Options: Sendable {
        /// Limits for each top-level run (`--timeout`); none by default.
        public var limits: LuaLimits = .none
        /// Whether a traceback follows every error message (`--verbose`); off by default.
        public var verbose = false
        /// What `show` prints, one of ``OutputFormat`` (`--format`, `.mode`).
        public var format: OutputFormat = .table
        /// When output is coloured (`--color`): `.auto` by default, which honours `NO_COLOR`.
        public var color: ColorMode = .auto
        /// Where `require` looks for modules.
        public var modulePaths = ModulePaths(environment: ProcessInfo.processInfo.environment, scriptDirectory: nil)
        /// The most bytes the Lua heap may hold, rows that fetches build included (`--memory`);
        /// ``defaultMemoryLimit`` unless set.
        public var memoryLimit: Int? = Shell.defaultMemoryLimit
        /// Whether `--safe` restrictions apply (see `SafeMode`); off by default.
        public var safe = false
        /// What a `--safe` script may read; by default the current directory and the module path.
        public var safeReadPolicy: SafeReadPolicy?
        public init() {}
    }

    /// The Lua state everything runs in.
    public let lua: LuaState
    /// The options the shell was made with.
    public let options: Options
    /// The account the shell talks to.
    public let backend: Backend
    /// The output settings `show` reads; the REPL's `.mode` changes them.
    public let output: OutputSettings
    private let employees: EmployeesModule

    /// Creates a shell with a fresh Lua state and the empsh API installed.
    /// - Parameters:
    ///   - options: how the shell was started.
    ///   - backend: the account to talk to (the `empsh` target builds the embedded demo account).
    /// - Throws: `ShellError.usage` when the Lua state cannot be created.
    public init(options: Options, backend: Backend) throws {
        self.options = options
        self.backend = backend
        do {
            lua = try LuaState(memoryLimit: options.memoryLimit)
        } catch {
            throw ShellError.usage("cannot create a Lua state: \(error)")
        }
        employees = EmployeesModule(backend: backend)
        output = OutputSettings(format: options.format, color: options.color)
        do {
            try installAPI()
        } catch {
            throw ShellError.usage("cannot install the empsh API: \(error)")
        }
        lua.limits = options.limits
        backend.shouldStop = { [stop = lua.stopHandle] in stop.stopReason }
    }

    /// Half of the machine's memory, at most 4 GiB.
    public static let defaultMemoryLimit = Int(min(ProcessInfo.processInfo.physicalMemory / 2, 4 << 30))

    // Close the state before the bindings it calls are released (closing also refuses every
    // call from a pending finalizer into Swift). Under --timeout the watchdog bounds the finalizers
    // it runs (Lua runs them with hooks off); without one, a finalizer that loops runs until Ctrl-C.
    deinit {
        Watchdog.shared.arm(timeLimit: options.limits.timeout)
        lua.close()
        Watchdog.shared.disarm()
    }

    private func installAPI() throws {
        let stack = lua.stack
        JSONModule.install(in: stack)
        JSQueryModule.install(in: stack)
        try APIErrorObject.install(in: stack)
        try employees.install(in: stack)
        try Prelude.install(in: lua, output: output)
        _ = stack.getglobal("package")
        stack.pushstring(options.modulePaths.packagePath)
        stack.rawsetfield(-2, "path")
        stack.pushstring(options.modulePaths.packageCPath)
        stack.rawsetfield(-2, "cpath")
        stack.pop()
        if options.safe { try SafeMode.apply(to: lua, policy: options.safeReadPolicy ?? SafeReadPolicy(options: options)) }
    }

    /// Sets the global `arg` as `lua` does: `arg[0]` the script, `arg[1...]` its arguments,
    /// `arg[-1]` the interpreter.
    /// - Parameters:
    ///   - script: the script path (or `-e`'s placeholder).
    ///   - arguments: the script's arguments.
    ///   - interpreter: the path the shell was started as.
    public func setArguments(script: String, arguments: [String], interpreter: String) throws {
        var table: [LuaValue: LuaValue] = [.integer(0): .string(script), .integer(-1): .string(interpreter)]
        for (index, argument) in arguments.enumerated() { table[.integer(Int64(index + 1))] = .string(argument) }
        try lua.setGlobal("arg", .table(table))
    }

    /// Compiles and runs a chunk with `arguments` as `...`.
    /// - Throws: `ShellError.script` with the Lua error (its message names the chunk line).
    public func run(_ source: ScriptSource, arguments: [String] = []) throws {
        let stack = lua.stack
        let base = stack.gettop()
        defer { stack.settop(base) }
        do {
            try stack.load(source.code, name: source.chunkName)
            guard stack.checkstack(Int32(clamping: arguments.count) + 1) else {
                throw ShellError.usage("too many script arguments (\(arguments.count))")
            }
            for argument in arguments { stack.pushstring(argument) }
            try stack.call(arguments: Int32(arguments.count), results: 0)
        } catch let error as LuaError {
            throw ShellError.script(error)
        }
    }

    /// Writes the report of a failure to standard error: the message, and the traceback for
    /// script errors when verbose or when the error is not an API failure.
    public func report(_ error: ShellError) {
        var text: String
        switch error {
        case .usage(let message): text = "empsh: \(message)\n"
        case .interrupted: text = "interrupted\n"
        case .script(let luaError):
            text = luaError.message + "\n"
            if let traceback = luaError.traceback, options.verbose || error.failure == .script {
                text += traceback + "\n"
            }
        }
        StandardStreams.writeError(errorText(text))
    }

    /// An error message as written to standard error: red when colour is on for it.
    func errorText(_ text: String) -> String {
        guard options.color.colors(STDERR_FILENO) else {
            return text
        }
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return Palette().error(body) + (text.hasSuffix("\n") ? "\n" : "")
    }
}
