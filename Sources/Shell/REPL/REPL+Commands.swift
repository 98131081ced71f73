import Foundation
import Lua

extension REPL {
    enum CommandOutcome { case proceed, quit }

    static let help = """
        Type Lua; expressions print their values, and lists print as tables.
        A statement continues on the next line while it is incomplete. Tab completes names,
        fields and methods. Ctrl-C stops a running command or clears the line; Ctrl-C twice
        or Ctrl-D exits.

        .help                          Shows this text.
        .help NAME                     The functions of a part of the Lua API, with what
                                       they take and do: employees, F, F.status, list,
                                       json, api, jsquery, empsh.
        .mode \(OutputFormat.names(separator: "|"))
                                       Sets how lists print (no argument: shows it);
                                       line prints one field per line.
        .timer on|off                  Prints the time, points, calls, pages and rows of each
                                       command.
        .pager on|off|auto             Shows results taller than the terminal through the
                                       pager ($EMPSH_PAGER, $PAGER, else less -RFX): auto
                                       (the default) when taller, on always, off never
                                       (every row printed). No argument: shows it.
        .maxrows N|auto                The rows a list shows when no pager can run (auto:
                                       as many as fit the screen); a closing line says how
                                       many were left out.
        .explain OPTIONS               Shows the plan of employees.all(OPTIONS), e.g.
                                       .explain {filter = F.status:eq "available"}
        .cache on|off|clear            Uses, stops using or empties the response cache
                                       (no argument: shows whether it is on).
        .watch SECONDS EXPR            Runs EXPR every SECONDS and redraws it (a list, a
                                       count_by or group_by, a chart); rows that appeared
                                       (+), changed (~) or went (×) since the last run are
                                       marked. Ctrl-C stops.
        .paths                         Lists where require looks for modules.
        .reload MODULE                 Loads MODULE again (and updates its global).
        .quit                          Exits.

        Examples:
          employees.all{fields = {"id", "full_name"}, limit = 5}
          employees.count{filter = F.status:eq "available"}
        """

    /// The dot commands, for "did you mean …?".
    static let commands = [
        "help", "quit", "exit", "mode", "timer", "pager", "maxrows", "cache", "explain", "watch", "paths", "reload",
    ]

    /// Runs a dot command.
    func runCommand(_ line: String) -> CommandOutcome {
        let parts = line.dropFirst().split(separator: " ", maxSplits: 1).map(String.init)
        let name = parts.first ?? ""
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch name {
        case "help":
            if argument.isEmpty {
                print(Self.help)
            } else if let text = LuaHelp.text(for: argument) {
                print(text)
            } else {
                complain(LuaHelp.unknown(argument))
            }
        case "quit", "exit": return .quit
        case "mode":
            if argument.isEmpty {
                print(shell.output.format.rawValue)
            } else if let format = OutputFormat(rawValue: argument) {
                shell.output.format = format
            } else {
                complain(".mode: unknown format \"\(argument)\"; use \(OutputFormat.names())")
            }
        case "timer":
            switch argument {
            case "on": timer = true
            case "off": timer = false
            default: complain(".timer: say on or off")
            }
        case "pager": runPager(argument)
        case "maxrows": runMaxRows(argument)
        case "cache":
            switch argument {
            case "on": _ = try? shell.backend.wait { await $0.setCache(.interactive) }
            case "off": _ = try? shell.backend.wait { await $0.setCache(.off) }
            case "clear": _ = try? shell.backend.wait { await $0.clearCache() }
            case "": print((try? shell.backend.wait { await $0.isCaching }) == true ? "on" : "off")
            default: complain(".cache: say on, off or clear")
            }
        case "explain":
            guard !argument.isEmpty else { return complainAndGoOn(".explain: give an options table, e.g. .explain {limit = 5}") }
            runChunk("print(employees.explain(" + argument + "))")
        case "watch":
            runWatch(argument)
        case "paths":
            runChunk("for p in package.path:gmatch('[^;]+') do print(p) end")
        case "reload":
            guard !argument.isEmpty else { return complainAndGoOn(".reload: name a module") }
            let name = argument.replacingOccurrences(of: "\"", with: "\\\"")
            runChunk(
                """
                local name = "\(name)"
                local old = package.loaded[name]
                package.loaded[name] = nil
                local new = require(name)
                if old ~= nil and rawget(_G, name) == old then rawset(_G, name, new) end
                print("reloaded " .. name)
                """)
        default:
            let near = Suggestion.closest(to: name, among: Self.commands).map { "did you mean .\($0)? " } ?? ""
            complain("unknown command .\(name); \(near).help lists the commands")
        }
        return .proceed
    }

    /// `.pager [on|off|auto]`.
    private func runPager(_ argument: String) {
        guard !argument.isEmpty else {
            let pager =
                switch PagerCommand.resolve(environment: ProcessInfo.processInfo.environment) {
                case .command(let command): "pager: \(command)"
                case .missing(let why): why
                case .none: "no pager: set PAGER or install less"
                }
            return print("\(paging.mode.rawValue) (\(pager))")
        }
        guard let mode = ResultDisplay.Mode(rawValue: argument) else { return complain(".pager: say on, off or auto") }
        paging.mode = mode
    }

    /// `.maxrows [N|auto]`.
    private func runMaxRows(_ argument: String) {
        switch argument {
        case "": print(paging.maxRows.map(String.init) ?? "auto (as many as fit the screen)")
        case "auto": paging.maxRows = nil
        default:
            guard let rows = Int(argument), rows > 0 else { return complain(".maxrows: give a number of rows (1 or more) or auto") }
            paging.maxRows = rows
        }
    }

    private func complainAndGoOn(_ message: String) -> CommandOutcome {
        complain(message)
        return .proceed
    }

    /// Compiles and runs a command's chunk, printing its results as the REPL does.
    private func runChunk(_ code: String) {
        let base = stack.gettop()
        do {
            try stack.load(code, name: "=stdin")
        } catch {
            complain((error as? LuaError)?.message ?? "\(error)")
            stack.settop(base)
            return
        }
        execute()
    }
}
