import Foundation
import Lua

extension REPL {
    /// `.watch SECONDS EXPR`: runs `EXPR` every `SECONDS` past the response cache, redrawing it
    /// (the screen is cleared first on a terminal); lists of rows with ids get a `Δ` column marking
    /// rows that appeared (`+`), changed (`~`) or disappeared (`-`). Ctrl-C ends it.
    func runWatch(_ argument: String) {
        let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
        guard parts.count == 2, let seconds = Double(parts[0]), seconds > 0, seconds.isFinite else {
            complain(".watch: give SECONDS and an expression, e.g. .watch 2 employees.all{filter = F.status:eq \"available\"}")
            return
        }
        let expression = parts[1]
        let base = stack.gettop()
        defer { stack.settop(base) }
        do {
            try stack.load("return " + expression, name: "=stdin")
        } catch {
            complain((error as? LuaError)?.message ?? "\(error)")
            return
        }
        let backend = shell.backend
        run {
            self.pushHelper("watch")
            self.stack.pushnumber(seconds)
            self.stack.pushvalue(base + 1)
            self.stack.pushstring(expression)
            self.stack.pushboolean(isatty(STDOUT_FILENO) != 0)
            self.stack.push { stack in
                backend.sleep(seconds: stack.tonumber(1) ?? 0)
                return 0
            }
            self.stack.push { _ in
                _ = try? backend.wait { await $0.clearCache() }
                return 0
            }
            try self.stack.call(arguments: 6, results: 0)
        }
    }
}
