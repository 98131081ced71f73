import Lua

/// Why a run of the shell failed. What the failure *is* is decided here, from where the error
/// came from (never from its text or shape); the `empsh` target's `ExitStatus` alone turns a
/// ``Failure`` into an exit code.
public enum ShellError: Error, CustomStringConvertible {
    /// A bad command line or configuration.
    case usage(String)
    /// An error raised while Lua code ran: by the script, by a limit, or by the API through it.
    case script(LuaError)
    /// The user pressed Ctrl-C.
    case interrupted

    /// The kinds of failure a run can end with.
    public enum Failure: Sendable, Equatable {
        /// The user's Lua code raised an error or broke a limit (time, instructions, memory).
        case script
        /// A bad command line or configuration, found before any Lua ran.
        case usage
        /// The API, the network or the credentials failed (an API error object empsh raised).
        case api
        /// A real Ctrl-C.
        case interrupted
        /// A run went on past its time limit or Ctrl-C, and the ``Watchdog`` ended the process.
        case notStopped
    }

    /// What kind of failure this is, by origin: an API error object raised by empsh (re-raised
    /// unchanged by the script or not) is `.api`; the interrupt flag of the state is
    /// `.interrupted`; anything else Lua raised is `.script`, whatever its text or fields.
    public var failure: Failure {
        switch self {
        case .usage: .usage
        case .interrupted: .interrupted
        case .script(let error):
            switch error.origin {
            case .interrupt: .interrupted
            case .host(APIErrorObject.metatable): .api
            default: .script
            }
        }
    }

    public var description: String {
        switch self {
        case .usage(let message): message
        case .script(let error): error.message
        case .interrupted: "interrupted"
        }
    }
}
