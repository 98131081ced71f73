import ArgumentParser
import Foundation
import LineEditing
import Shell

/// The one place where outcomes become exit codes: 0 ok, 1 script error, 2 usage or
/// configuration, 3 API, network or authentication failure, 124 a run that did not stop in
/// time (ended by the watchdog), 130 interrupted. The shell says what kind a failure is (by its origin); this maps kinds.
enum ExitStatus {
    /// The exit code of a kind of failure.
    static func code(for failure: ShellError.Failure) -> Int32 {
        switch failure {
        case .script: 1
        case .usage: 2
        case .api: 3
        case .interrupted: 130
        case .notStopped: 124
        }
    }

    /// Runs the body of a command; an escaping error is reported and becomes its exit code.
    static func run(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch {
            let status = code(for: error)
            StandardStreams.writeError("empsh: \(status.message)\n")
            return status.code
        }
    }

    /// An error's exit code, and its message.
    struct Status {
        var code: Int32
        /// What to print: on standard output for code 0 (help, version), else on standard error.
        var message: String
    }

    static func code(for error: any Error) -> Status {
        switch error {
        case let exit as ExitCode:
            return Status(code: exit.rawValue, message: "")
        case let shell as ShellError:
            return Status(code: code(for: shell.failure), message: shell.description)
        default:
            // ArgumentParser's errors: help and version (0) and usage errors (64 on Linux → 2).
            let parsed = Empsh.exitCode(for: error)
            let code: Int32 = parsed == .success ? 0 : parsed == .validationFailure ? 2 : parsed.rawValue
            return Status(code: code, message: commandLineMessage(for: error))
        }
    }

    /// ArgumentParser's message for an error, help or completion request, rendered as ``Empsh``'s
    /// (its help and completions list the subcommands). A message about ``Empsh`` names the command
    /// stack, the root and its default subcommand, both `empsh`: it says `empsh`, as the user types it.
    static func commandLineMessage(for error: any Error) -> String {
        Empsh.fullMessage(for: error)
            .replacingOccurrences(of: "'empsh help empsh ", with: "'empsh help ")
            .replacingOccurrences(of: "'empsh empsh ", with: "'empsh ")
    }

    /// What a shell failure reports, and its code.
    static func report(_ error: ShellError, in shell: Shell) -> Int32 {
        shell.report(error)
        return code(for: error.failure)
    }
}
