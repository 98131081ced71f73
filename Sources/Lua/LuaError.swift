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

    /// The kind of failure.
    public var kind: Kind
    /// The error object, copied out (a string for most errors; a table when a script raised one).
    public var value: LuaValue
    /// The traceback taken where the error was raised, when the call asked for one.
    public var traceback: String?

    /// Creates an error.
    public init(kind: Kind, value: LuaValue, traceback: String? = nil) {
        self.kind = kind
        self.value = value
        self.traceback = traceback
    }

    /// The message: the error string, or a table's `text` (a located message) or `message`
    /// field, or a description of the object.
    public var message: String {
        switch value {
        case .string(let bytes): return String(decoding: bytes, as: UTF8.self)
        case .table(let table):
            if let text = table[.string("text")]?.text { return text }
            if let message = table[.string("message")]?.text { return message }
            return "(error object is a table value)"
        case .nil: return "nil"
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
