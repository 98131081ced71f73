import ArgumentParser
import Foundation
import Lua
import Shell

/// `empsh`: run Lua against the employees of a UIS / CoMagic account.
@main
struct Empsh: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "empsh",
        abstract: "A Lua shell for the employees of a UIS / CoMagic account (Data API get.employees).",
        discussion: """
            With a script, runs it with its arguments in the global `arg`. With -e, runs the code.
            Without credentials it works on the embedded demo account.
            Exit codes: 0 ok, 1 script error, 2 usage or configuration, 3 API, network or \
            authentication failure, 130 interrupted.
            """,
        subcommands: [Serve.self]
    )

    @OptionGroup(title: "Account")
    var connection: ConnectionOptions

    @Option(name: .short, help: ArgumentHelp("Runs CODE before the script.", valueName: "CODE"))
    var execute: [String] = []

    @Option(help: ArgumentHelp("What show prints: table, json, csv or ndjson.", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Flag(name: .customLong("verbose"), help: "Prints a traceback with every error.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Stops the run after SECONDS of wall-clock time.", valueName: "SECONDS"))
    var timeout: Double?

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("The script to run, then its arguments.", valueName: "script [args]"))
    var script: [String] = []

    func validate() throws {
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if execute.isEmpty && script.isEmpty {
            throw ValidationError("Give a script or -e CODE (the REPL is not built yet).")
        }
    }

    func run() async throws {
        var options = Shell.Options()
        options.verbose = verbose
        options.format = format
        options.limits = LuaLimits(timeout: timeout)
        let code = ExitStatus.run {
            let scriptPath = script.first
            let source = try scriptPath.map(ScriptSource.file)
            options.modulePaths = ModulePaths(
                environment: ProcessInfo.processInfo.environment,
                scriptDirectory: scriptPath.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path })
            let backend = try connection.makeBackend(interactive: false, onWait: nil)
            defer { backend.close() }
            let shell = try Shell(options: options, backend: backend)
            try shell.setArguments(
                script: scriptPath ?? "(command line)", arguments: Array(script.dropFirst()),
                interpreter: CommandLine.arguments.first ?? "empsh")
            do {
                for chunk in execute { try shell.run(.commandLine(chunk)) }
                if let source { try shell.run(source, arguments: Array(script.dropFirst())) }
            } catch let error as ShellError {
                shell.report(error)
                return error.exitCode
            }
            return 0
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// Parses, runs, and maps every outcome to empsh's exit codes (a usage error is 2, not 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exitCode as ExitCode {
            Foundation.exit(exitCode.rawValue)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
