import Lua

extension Shell {
    /// Runs `body` (code that runs Lua) with Ctrl-C stopping it: the running Lua code raises
    /// "interrupted!" and the fetches in flight are cancelled. The ``Watchdog`` ends the
    /// process when the run goes a second past its time limit or past Ctrl-C.
    /// - Parameters:
    ///   - promptAfterwards: leave the prompt's Ctrl-C handler installed (the REPL), rather than
    ///     the default action (scripts: a Ctrl-C between runs ends the process).
    ///   - body: the work.
    /// - Throws: `ShellError.interrupted` when Ctrl-C arrived, whatever `body` did; otherwise
    ///   what `body` throws.
    public func guarded(promptAfterwards: Bool = false, _ body: () throws -> Void) throws {
        var failure: (any Error)?
        Watchdog.shared.arm(timeLimit: options.limits.timeout)
        defer { Watchdog.shared.disarm() }
        let interrupted = Interrupts.guarding(lua: lua, backend: backend, promptAfterwards: promptAfterwards) {
            do { try body() } catch { failure = error }
        }
        backend.progress?.finish()
        if interrupted { throw ShellError.interrupted }
        if let failure { throw failure }
    }
}
