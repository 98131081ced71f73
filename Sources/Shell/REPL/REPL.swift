import Foundation
import LineEditing
import Lua

/// The interactive loop, built from lua.c's small functions: `readLine(prompt:)`,
/// `compileAsExpression` (`return <line>`), `compileStatement` (reading more while the chunk
/// ends early at `<eof>`), a call under the message handler with Ctrl-C armed, and
/// `printResults`. Lines starting with `.` are REPL commands (`.help`).
///
/// A top-level `local` survives the line it is on: ``LocalRewriter`` turns it into a global
/// of the session before the chunk compiles (lua.c loses it); a `<const>` one is declared again,
/// `<const>`, at the start of every later line.
public final class REPL {
    let shell: Shell
    let reader: LineReader
    var stack: LuaStack { shell.lua.stack }
    private var helpers: Int32 = 0
    /// Whether `.timer on` is in effect.
    var timer = false
    /// `.pager` and `.maxrows`: how results taller than the terminal are shown.
    var paging = ResultDisplay.Settings()
    private var interruptsInARow = 0
    /// Top-level `<const>` locals of earlier lines, declared again at the start of each line.
    private var constants: [String] = []

    /// Creates a REPL over a shell.
    /// - Parameters:
    ///   - shell: the shell whose state the lines run in.
    ///   - reader: where lines come from.
    /// - Throws: `ShellError.usage` when the REPL's Lua helpers cannot load (a bug).
    public init(shell: Shell, reader: LineReader) throws {
        self.shell = shell
        self.reader = reader
        let stack = shell.lua.stack
        do {
            // repl.lua returns {print=, complete=, pretty=}: printing results and finding completions.
            try stack.load(EmbeddedLua.repl)
            try stack.call(arguments: 0, results: 1)
            helpers = stack.ref()
        } catch {
            throw ShellError.usage("cannot start the REPL: \(error)")
        }
    }

    /// The candidates that complete `word` (full replacements), given whether it is inside a string and the
    /// line before it (a string after `F.status:eq ` completes to the field's values).
    ///
    /// Completing `a.b.` reads `a.b`, which can run the user's `__index`; the call gets at most
    /// `completionLimits`, so such code that loops or blocks costs one empty completion, not the session.
    public func completions(for word: String, inString: Bool, before: String = "") -> [String] {
        let base = stack.gettop()
        let limits = shell.lua.limits
        shell.lua.limits = Self.completionLimits
        defer {
            stack.settop(base)
            shell.lua.limits = limits
        }
        pushHelper("complete")
        stack.pushstring(word)
        stack.pushboolean(inString)
        stack.pushstring(before)
        guard (try? stack.call(arguments: 3, results: 1)) != nil, stack.type(-1) == .table else { return [] }
        return (0..<stack.arrayLength(-1)).compactMap { index in
            stack.rawgeti(-1, Int64(index + 1))
            defer { stack.pop() }
            return stack.tostring(-1)
        }
    }

    /// The limits of one completion: far more than finding names takes.
    static let completionLimits = LuaLimits(instructions: 50_000_000, timeout: 0.5)

    /// Reads and runs commands until `.quit`, end of input, or Ctrl-C twice in a row.
    /// - Returns: the exit code: 0.
    public func run() -> Int32 {
        while true {
            fflush(StandardStreams.output)
            switch readLine(prompt: prompt("_PROMPT", default: "empsh> ")) {
            case .end:
                if isatty(STDOUT_FILENO) != 0 { fputs("\n", StandardStreams.output) }
                return 0
            case .interrupted(let lineWasEmpty):
                // Ctrl-C clears a line; twice in a row on an empty one exits.
                guard lineWasEmpty else {
                    interruptsInARow = 0
                    continue
                }
                interruptsInARow += 1
                if interruptsInARow >= 2 { return 0 }
                note("(Ctrl-C again or Ctrl-D to exit; .help for help)")
            case .line(let line):
                interruptsInARow = 0
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix(".") && !trimmed.hasPrefix("..") {
                    remember(trimmed)
                    if runCommand(trimmed) == .quit { return 0 }
                    continue
                }
                if compile(line) { execute() }
            }
        }
    }

    private func readLine(prompt: String) -> LineInput { reader.readLine(prompt: prompt) }

    /// Adds an entry to the history, unless it holds the secret in use (the token or password): that one is
    /// kept out of the history file, and the REPL says so.
    private func remember(_ entry: String) {
        guard reader.keepsHistory else { return }
        if (try? shell.backend.wait(stoppable: false) { await $0.mentionsSecret(entry) }) ?? true {
            note("(this line holds the secret in use; it is not saved to the history)")
            return
        }
        reader.addHistory(entry)
    }

    /// `_PROMPT`/`_PROMPT2` when set to a string or number, else the default. No metamethod
    /// runs here: the prompt is drawn outside any protected, interruptible call.
    private func prompt(_ name: String, default fallback: String) -> String {
        _ = stack.getglobal(name)
        defer { stack.pop() }
        switch stack.type(-1) {
        case .string: return stack.tostring(-1) ?? fallback
        case .number: return stack.isinteger(-1) ? String(stack.tointeger(-1) ?? 0) : String(stack.tonumber(-1) ?? 0)
        default: return fallback
        }
    }

    /// Compiles a line (reading more lines while it is incomplete) and leaves the function on the
    /// stack; or reports the syntax error and returns false.
    private func compile(_ line: String) -> Bool {
        if compileAsExpression(line) {
            remember(line)
            return true
        }
        var text = line
        while true {
            do {
                let rewrite = LocalRewriter.rewriteDeclarations(text)
                let declared = Set(rewrite.variables + rewrite.constants)
                let kept = constants.filter { !declared.contains($0) }
                try stack.load(LocalRewriter.prelude(constants: kept) + rewrite.text, name: "=stdin")
                constants = kept + rewrite.constants
                remember(text)
                return true
            } catch let error as LuaError {
                guard case .syntax(incomplete: true) = error.kind else {
                    remember(text)
                    complain(error.message)
                    return false
                }
                switch readLine(prompt: prompt("_PROMPT2", default: "   ...> ")) {
                case .line(let more): text += "\n" + more
                case .interrupted, .end:
                    fputs("\n", StandardStreams.output)
                    return false
                }
            } catch {
                complain("\(error)")
                return false
            }
        }
    }

    /// lua.c's `addreturn`: `return <line>;`, so expressions print their values.
    private func compileAsExpression(_ line: String) -> Bool {
        do {
            try stack.load(LocalRewriter.prelude(constants: constants) + "return " + line + ";", name: "=stdin")
            return true
        } catch {
            return false
        }
    }

    /// Calls the function on top with Ctrl-C armed and shows its results: on a terminal, through the
    /// pager or capped when taller than the screen (``ResultDisplay``); otherwise in full.
    func execute() {
        let function = stack.gettop()
        defer { stack.settop(function - 1) }
        let display = ResultDisplay(settings: paging)
        var shown: ResultDisplay.Text?
        var count: Int32 = 0
        run {
            count = try self.stack.call(arguments: 0)
            shown = try display.render { try self.resultsText(first: function, count: count, cap: $0) }
        } show: {
            guard let text = shown else { return }
            display.show(text) { cap in
                var capped: ResultDisplay.Text?
                do {
                    try self.shell.guarded(promptAfterwards: true) {
                        capped = try display.render(cap: cap) { try self.resultsText(first: function, count: count, cap: $0) }
                    }
                } catch {
                    self.complain((error as? LuaError)?.message ?? "\(error)")
                }
                return capped
            }
        }
    }

    /// The text the REPL prints for the `count` results from `first` on (left on the stack): a list at
    /// most `cap` rows long when `cap` is given.
    private func resultsText(first: Int32, count: Int32, cap: Int?) throws -> ResultDisplay.Text {
        pushHelper("text")
        if let cap { stack.pushinteger(Int64(cap)) } else { stack.pushnil() }
        for index in 0..<count { stack.pushvalue(first + index) }
        try stack.call(arguments: count + 1, results: 3)
        defer { stack.pop(3) }
        let total = stack.tointeger(-2).map(Int.init)
        return ResultDisplay.Text(text: stack.tostring(-3) ?? "", rows: total, shown: stack.tointeger(-1).map(Int.init) ?? total ?? 0)
    }

    /// Runs Lua under Ctrl-C, reporting what fails; then, when it succeeded, `show` (outside the guard:
    /// paging waits on the user); then `.timer`'s line, of the run alone.
    func run(_ body: @escaping () throws -> Void, show: () -> Void = {}) {
        let before = shell.backend.statistics
        let start = DispatchTime.now()
        var succeeded = false
        do {
            try shell.guarded(promptAfterwards: true, body)
            succeeded = true
        } catch ShellError.interrupted {
            fflush(StandardStreams.output)
            note("interrupted")
        } catch let error as LuaError {
            fflush(StandardStreams.output)
            complain(error.message, traceback: shell.options.verbose ? error.traceback : nil)
        } catch {
            fflush(StandardStreams.output)
            complain("\(error)")
        }
        let after = shell.backend.statistics
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
        fflush(StandardStreams.output)
        if succeeded { show() }
        if timer {
            note(
                String(
                    format: "time %.1f ms; %d points (%d calls), %d pages, %d rows", ms,
                    after.points - before.points, after.calls - before.calls, after.pages - before.pages,
                    after.rows - before.rows))
        }
    }

    func pushHelper(_ name: String) {
        stack.getref(helpers)
        stack.rawgetfield(-1, name)
        stack.remove(-2)
    }

    func note(_ text: String) {
        StandardStreams.writeError(text + "\n")
    }

    func complain(_ message: String, traceback: String? = nil) {
        note(shell.errorText(message) + (traceback.map { "\n" + $0 } ?? ""))
    }
}
