/// An error raised by Lua code, or by loading a chunk, as the host sees it.
public struct LuaError: Error, CustomStringConvertible, Sendable {
    /// What went wrong.
    public enum Kind: Sendable, Equatable {
        /// A chunk did not compile; `incomplete` when it ended early (`<eof>`), as a REPL needs to know.
        case syntax(incomplete: Bool)
        /// An error raised while running.
        case runtime
        /// The memory cap or the system refused an allocation.
        case memory
        /// The message handler itself failed.
        case handler
    }

    /// Who raised an error while running: the code itself, a limit of the state, or the host.
    public enum Origin: Sendable, Equatable {
        /// The running Lua code (`error`, a failed operation, a Swift function's plain error).
        case code
        /// ``LuaState/interrupt()`` stopped the call.
        case interrupt
        /// The call ran past its time limit.
        case timeLimit
        /// The call ran past its instruction limit.
        case instructionLimit
        /// The host raised an object of the error type registered under this name
        /// (``LuaStack/registerHostErrorMetatable(_:)``).
        case host(String)
    }

    /// The kind of failure.
    public var kind: Kind
    /// Who raised it; `.code` for loading errors and errors made on the Swift side.
    public var origin: Origin
    /// The error object, copied out (a string for most errors; a table when a script raised one).
    public var value: LuaValue
    /// The traceback taken where the error was raised, when the call asked for one.
    public var traceback: String?

    /// Creates an error.
    /// - Parameters:
    ///   - message: the text to report; by default the value's, as ``text(of:)`` gives it.
    public init(kind: Kind, value: LuaValue, traceback: String? = nil, origin: Origin = .code, message: String? = nil) {
        self.kind = kind
        self.value = value
        self.traceback = traceback
        self.origin = origin
        self.message = message ?? Self.text(of: value)
    }

    /// The message, as `lua.c` prints the error object: a string or number as it is, an
    /// object through its `__tostring` (taken while the object was still in Lua), else
    /// `(error object is a T value)`.
    public var message: String

    /// The text of an error value made or copied on the Swift side (no metatable to consult).
    public static func text(of value: LuaValue) -> String {
        switch value {
        case .string(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .integer(let number): return String(number)
        case .number(let number): return "\(number)"
        default: return "(error object is a \(value.typeName) value)"
        }
    }

    public var description: String { message }
}

/// An error a Swift function raises in Lua.
///
/// Throw `.message` for a plain error that Lua reports with the calling line prepended
/// (as `luaL_error` does), or `.value` to raise any value as it is.
public enum LuaRaise: Error, Sendable {
    case message(String)
    case value(LuaValue)
}

/// An error that knows how to push itself as a Lua error object (a table with a metatable, say).
public protocol LuaPushableError: Error {
    /// Pushes exactly one value: the error object.
    func pushError(onto stack: LuaStack)
}
