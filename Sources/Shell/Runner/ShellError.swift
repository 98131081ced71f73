import Lua

/// Why a run of the shell failed, and the exit code it maps to.
///
/// Exit codes are decided here and nowhere else: 0 ok, 1 script error, 2 usage or
/// configuration, 3 API, network or authentication failure, 130 interrupted.
public enum ShellError: Error, CustomStringConvertible {
    /// A bad command line or configuration (exit 2).
    case usage(String)
    /// An error raised by the script (exit 1), or by the API through it (exit 3).
    case script(LuaError)
    /// The user pressed Ctrl-C (exit 130).
    case interrupted

    /// The process exit code for this failure.
    public var exitCode: Int32 {
        switch self {
        case .usage: 2
        case .interrupted: 130
        case .script(let error): ShellError.exitCode(for: error)
        }
    }

    /// 3 when the Lua error carries an API/network failure, 130 when it was an interrupt, else 1.
    static func exitCode(for error: LuaError) -> Int32 {
        if case .table(let table) = error.value, table[.string("mnemonic")] != nil { return 3 }
        if error.message.hasSuffix("interrupted!") { return 130 }
        return 1
    }

    public var description: String {
        switch self {
        case .usage(let message): message
        case .script(let error): error.message
        case .interrupted: "interrupted"
        }
    }
}
