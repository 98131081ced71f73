import ArgumentParser
import Foundation
import LineEditing
import Lua
import Shell

/// `empsh [options] [script [args]]`: run Lua against the employees of a UIS / CoMagic account.
///
/// The command that runs scripts, the default subcommand of ``CommandLine``. It also names `serve`
/// and `test` as its subcommands, for its help text and the shell completions only: its script
/// argument takes every word after its options (`empsh -e x serve` runs a script named `serve`),
/// and ``CommandLine`` dispatches the subcommands.
struct Empsh: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "empsh",
        abstract: "A Lua shell for the employees of a UIS / CoMagic account (Data API get.employees), version \(Version.number).",
        // ArgumentParser's own usage would end in a required `<subcommand>`, after the script.
        usage: """
            empsh [<options>] [--] [<script [args]> ...]
            empsh <subcommand> [<options>]
            """,
        discussion: """
            Without a script or -e, empsh starts the REPL when standard input is a terminal, and \
            otherwise runs standard input as a script. A script gets its arguments in the global \
            `arg` and as `...`; `-` as the script reads it from standard input. Modules given with \
            -l load first, then the -e code runs, then the script, then the REPL when -i is given.

            Without credentials, empsh works on the embedded demo account. Modules are found \
            through EMPSH_PATH (";;" stands for the defaults), then lua/ beside the script, then the \
            project's lua/ (in the nearest folder above the script that holds lua/, .luarc.json or .git), \
            then $XDG_CONFIG_HOME/empsh/lua, then ./lua, then Lua's own path as lua5.4 builds it \
            (LUA_PATH_5_4 or LUA_PATH, ";;" standing for /usr/local/share/lua/5.4, /usr/share/lua/5.4, \
            ./?.lua and the LuaRocks tree ~/.luarocks); C modules likewise (LUA_CPATH_5_4 or LUA_CPATH). \
            LUA_INIT_5_4 or LUA_INIT (code, or @FILE) runs first, as in lua5.4, except with -E or --safe. \
            The REPL keeps its history in $XDG_STATE_HOME/empsh/history.

            Exit codes: 0 when all went well, 1 for a script error, 2 for a usage or configuration \
            error, 3 for an API, network or authentication failure, 124 when a run went on for a \
            second past its --timeout or past Ctrl-C (a long C call or a finalizer) and the watchdog \
            ended the process, and 130 when interrupted by Ctrl-C.
            """,
        version: Version.text,
        subcommands: [Serve.self, TestCommand.self],
        // Named, as the root has none (see `EmpshCommandLine`).
        helpNames: [.short, .long]
    )

    @OptionGroup(title: "Account")
    var connection: ConnectionOptions

    @Option(name: .short, help: ArgumentHelp("Runs CODE before the script; may be repeated.", valueName: "CODE"))
    var execute: [String] = []

    @Option(
        name: .customShort("l"),
        help: ArgumentHelp(
            "Requires MODULE into the global of that name (NAME=MODULE names the global); may be repeated.",
            valueName: "MODULE"))
    var library: [String] = []

    @Flag(name: .customShort("i"), help: "Enters the REPL after running the -e code and the script.")
    var interactive = false

    @Flag(
        name: .customShort("E"),
        help: "Ignores LUA_INIT, LUA_PATH and LUA_CPATH (and their _5_4 forms), as lua -E does.")
    var ignoreLuaEnvironment = false

    @Flag(name: .customShort("W"), help: "Turns warnings on (warn), as lua -W does.")
    var warnings = false

    @Option(help: ArgumentHelp("Sets how lists print: \(OutputFormat.helpList).", valueName: "FORMAT"))
    var format: OutputFormat = .table

    @Option(
        help: ArgumentHelp(
            "Colours headers, nulls, watch changes and errors: auto (on a terminal, unless NO_COLOR is set), always or never.",
            valueName: "WHEN"))
    var color: ColorMode = .auto

    @Flag(
        name: .customLong("safe"),
        help: ArgumentHelp(
            "Runs as a sandbox: no file is written, files are read only in the current directory, the script's directory and the module path, and no program, C module or debug function runs."
        ))
    var safe = false

    @Flag(name: .customLong("verbose"), help: "Prints a traceback with every error, API errors included.")
    var verbose = false

    @Option(name: .long, help: ArgumentHelp("Stops each run of Lua code after SECONDS of wall-clock time.", valueName: "SECONDS"))
    var timeout: Double?

    @Flag(
        name: .customLong("types"),
        help: ArgumentHelp(
            "Prints the LuaLS definitions of empsh's Lua API (---@meta) for editors, and exits."))
    var types = false

    @Flag(name: .customLong("generate-manual"), help: .hidden)
    var generateManual = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Caps the memory Lua holds at MB megabytes: its allocator's chunks (freed blocks included) and the fetched pages waiting for it, not only live objects; past it a run fails with \"not enough memory\" (exit 1). By default half the machine's memory, at most 4096.",
            valueName: "MB"))
    var memory: Int?

    @Argument(
        parsing: .captureForPassthrough,
        help: ArgumentHelp("The script to run, followed by its arguments.", valueName: "script [args]"))
    var script: [String] = []

    /// The script and its arguments; a leading `--` ends empsh's options, as in `lua`.
    var scriptAndArguments: [String] { script.first == "--" ? Array(script.dropFirst()) : script }

    func validate() throws {
        // captureForPassthrough also takes options it does not know: ask for help, or refuse them.
        if let first = script.first, first.hasPrefix("-"), first != "-", first != "--" {
            if first == "--help" || first == "-h" { throw CleanExit.helpRequest(self) }
            if first == "--version" || first == "-v" { throw CleanExit.message(Version.text) }
            throw ValidationError("Unknown option '\(first)'.\(Self.suggestion(for: first))")
        }
        if let timeout, !(timeout > 0) { throw ValidationError("--timeout must be a positive number of seconds.") }
        if let memory, !(1...(1 << 30)).contains(memory) { throw ValidationError("--memory must be a number of megabytes from 1.") }
        for spec in library where spec.isEmpty || spec.hasPrefix("=") || spec.hasSuffix("=") {
            throw ValidationError("-l needs a module name, or NAME=MODULE; got \"\(spec)\".")
        }
    }

    /// " Did you mean '--format'?" for a mistyped long option (as ArgumentParser says for the
    /// subcommands), from the options `--help` lists; "" when none is close.
    static func suggestion(for option: String) -> String {
        guard option.hasPrefix("--") else { return "" }
        let typed = String(option.prefix { $0 != "=" })
        let help = helpMessage(columns: 1000)
        // --version and --help are ArgumentParser's own: named here whatever its help text shows.
        var names = ["--version", "--help"]
        for word in help.split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "-") }) where word.hasPrefix("--") && word.count > 2 {
            if !names.contains(String(word)) { names.append(String(word)) }
        }
        return Suggestion.closest(to: typed, among: names).map { " Did you mean '\($0)'?" } ?? ""
    }

    /// Runs the command on the calling thread: `main` calls it on the main thread, as `lua.c`
    /// runs `pmain`, so a run starts no thread of Swift's pool (the client starts its own on the
    /// first call).
    /// - Throws: `ExitCode` for a run that ends with a code other than 0.
    func run() throws {
        if types {
            print(LuaTypes.definitions, terminator: "")
            return
        }
        if generateManual {
            print(Manual.page(), terminator: "")
            return
        }
        let script = scriptAndArguments
        let plan = RunPlan(
            scriptPath: script.first, arguments: Array(script.dropFirst()), chunks: execute, modules: library,
            interactive: interactive, stdinIsTerminal: isatty(STDIN_FILENO) != 0, ignoresLuaEnvironment: ignoreLuaEnvironment,
            warnings: warnings)
        var options = Shell.Options()
        options.verbose = verbose
        options.format = format
        options.color = color
        options.safe = safe
        options.limits = LuaLimits(timeout: timeout)
        if let memory { options.memoryLimit = memory << 20 }
        let code = ExitStatus.run {
            try plan.run(options: options, connection: connection)
        }
        if code != 0 { throw ExitCode(code) }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ColorMode: ExpressibleByArgument {}
