import Foundation
import LineEditing
import Shell

/// What one invocation runs, in `pmain`'s order: every argument is checked before any Lua
/// runs; then the state is built, `-l` modules load, `-e` chunks run, the script runs with
/// `arg`, and the REPL (on `-i`, or with nothing to run on a terminal) or standard input
/// finishes.
struct RunPlan {
    var scriptPath: String?
    var arguments: [String]
    var chunks: [String]
    var modules: [String]
    var interactive: Bool
    var stdinIsTerminal: Bool
    /// `-E`: `LUA_INIT`, `LUA_PATH` and `LUA_CPATH` (and their `_5_4` forms) are not read.
    var ignoresLuaEnvironment = false
    /// `-W`: `warn()` prints from the start.
    var warnings = false

    /// Whether standard input is run as a script: no script and no -e, and not a terminal.
    var readsStandardInput: Bool {
        scriptPath == "-" || (scriptPath == nil && chunks.isEmpty && !interactive && !stdinIsTerminal)
    }

    /// Whether the REPL runs at the end.
    var entersREPL: Bool {
        interactive || (scriptPath == nil && chunks.isEmpty && stdinIsTerminal)
    }

    /// Runs the plan.
    /// - Returns: the exit code.
    /// - Throws: `ShellError.usage` for a script or configuration that cannot be used (before any Lua runs).
    func run(options: Shell.Options, connection: ConnectionOptions) throws -> Int32 {
        // 1. Everything that can be checked without Lua.
        let script: ScriptSource? = try scriptPath.flatMap { $0 == "-" ? nil : try ScriptSource.file($0) }
        var options = options
        let environment = ProcessInfo.processInfo.environment
        let scriptDirectory = scriptPath.flatMap { $0 == "-" ? nil : URL(fileURLWithPath: $0).deletingLastPathComponent().path }
        options.modulePaths = ModulePaths(
            environment: environment, scriptDirectory: scriptDirectory, ignoringLuaEnvironment: ignoresLuaEnvironment,
            currentDirectory: FileManager.default.currentDirectoryPath)
        // As lua5.4: LUA_INIT runs first (not with -E, nor in the --safe sandbox).
        let initialization = ignoresLuaEnvironment || options.safe ? nil : try ScriptSource.luaInit(environment: environment)
        if options.safe {
            options.safeReadPolicy = SafeReadPolicy(options: options, scriptDirectory: scriptDirectory, secretFiles: connection.secretFiles)
        }
        if connection.readsSecretFromStandardInput, readsStandardInput {
            throw ShellError.usage("standard input cannot hold both a secret (--token-file - or --password-file -) and the script")
        }
        let progress = FetchProgress()
        let backend = try connection.makeBackend(interactive: entersREPL, onWait: progress.rateLimitWait, onRetry: progress.retry)
        backend.progress = progress
        defer { backend.close() }

        // 2. The state, then -l, -e, the script, and the REPL or standard input.
        let shell = try Shell(options: options, backend: backend)
        try shell.setArguments(
            script: scriptPath ?? (readsStandardInput ? "-" : "(command line)"), arguments: arguments,
            interpreter: CommandLine.arguments.first ?? "empsh")
        do {
            if let initialization { try shell.guarded { try shell.run(initialization) } }
            if warnings { shell.lua.setWarnings(true) }
            for module in modules { try shell.guarded { try shell.run(.require(module)) } }
            for chunk in chunks { try shell.guarded { try shell.run(.commandLine(chunk)) } }
            if let script {
                try shell.guarded { try shell.run(script, arguments: arguments) }
            } else if readsStandardInput {
                let source = try ScriptSource.standardInput()
                try shell.guarded { try shell.run(source, arguments: arguments) }
            }
        } catch let error as ShellError {
            return ExitStatus.report(error, in: shell)
        }
        guard entersREPL else { return 0 }
        StandardStreams.writeError(
            "\(Version.text)\nempsh on \(backend.isDemo ? "the " : "")\(backend.accountDescription). Type .help for help; Ctrl-D exits.\n")
        let reader: LineReader
        var repl: REPL?
        if stdinIsTerminal {
            reader = EditLineReader(
                historyPath: EditLineReader.defaultHistoryPath(environment: environment), interrupt: Interrupts.forLineReader,
                completer: { word, inString, before in repl?.completions(for: word, inString: inString, before: before) ?? [] })
        } else {
            reader = PlainLineReader()
        }
        repl = try REPL(shell: shell, reader: reader)
        return repl?.run() ?? 0
    }
}
