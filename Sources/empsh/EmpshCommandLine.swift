import ArgumentParser
import Foundation
import LineEditing
import Shell

/// The command line's root: ArgumentParser dispatches on the first word, to `serve`, `test` or
/// `help`, and otherwise to ``Empsh``, its default subcommand, which runs scripts.
///
/// ArgumentParser checks for a subcommand's name only after the root's own arguments, and the
/// script argument of ``Empsh`` takes every word after its options (as `lua` does: `empsh -e x
/// serve` runs a script named `serve`), so the root has no argument of its own: a subcommand is
/// named by the first word, or not at all. A script named like a subcommand (`empsh` too, the
/// default's name) runs as `./serve` or `-- serve`. The root shows no help of its own (`--help` reaches ``Empsh``, whose help lists the
/// subcommands), and errors, help and completions are rendered as ``Empsh``'s (`ExitStatus`).
@main
struct EmpshCommandLine: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "empsh",
        shouldDisplay: false,
        subcommands: [HelpTopic.self, Empsh.self, Serve.self, TestCommand.self],
        defaultSubcommand: Empsh.self,
        helpNames: [])

    /// Parses, runs, and maps every outcome to empsh's exit codes (a usage error is 2, not 64).
    static func main() async {
        StandardStreams.reopenClosed()
        MemoryTuning.apply()
        Watchdog.exitCode = ExitStatus.code(for: .notStopped)
        do {
            var command = try parseAsRoot()
            // A script runs on the main thread (see `Empsh.run()`): nothing is awaited before it.
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let status = ExitStatus.code(for: error)
            let message = status.message
            if status.code == 0 {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { StandardStreams.writeError(message + "\n") }
            Foundation.exit(status.code)
        }
    }
}

/// `empsh help [SUBCOMMAND]`: the help of empsh or of a subcommand, on standard output; in place of
/// ArgumentParser's own `help`, which shows the root's help for a name it does not know.
struct HelpTopic: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "help", shouldDisplay: false, helpNames: [])

    @Argument(parsing: .captureForPassthrough)
    var words: [String] = []

    /// - Throws: `ValidationError` for an unknown subcommand (exit 2).
    func run() throws {
        guard let name = words.first else {
            print(Empsh.helpMessage())
            return
        }
        let subcommands = Empsh.configuration.subcommands
        guard words.count == 1, let subcommand = subcommands.first(where: { Empsh.commandName(of: $0) == name }) else {
            let names = subcommands.map { Empsh.commandName(of: $0) }.joined(separator: ", ")
            throw ValidationError("help: no subcommand \"\(words.joined(separator: " "))\"; the subcommands are \(names).")
        }
        // As ArgumentParser shows it for `empsh serve --help`: the subcommand takes no --version.
        print(EmpshCommandLine.helpMessage(for: subcommand))
    }
}

extension Empsh {
    /// A subcommand's name, as its configuration spells it (each of empsh's sets `commandName`).
    static func commandName(of subcommand: ParsableCommand.Type) -> String {
        subcommand.configuration.commandName ?? "\(subcommand)".lowercased()
    }
}
