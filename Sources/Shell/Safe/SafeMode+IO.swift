import Lua

extension SafeMode {
    /// The state's own `io`: the library's functions, with opening, redirecting and running
    /// programs guarded.
    static func installIO(_ stack: LuaStack, _ originals: Originals, _ policy: SafeReadPolicy) {
        pushCopy(stack, of: originals.io)
        stack.setfunction(-1, "open", guardedOpen(originals, policy))
        stack.setfunction(-1, "lines", guardedLines(originals, policy))
        stack.setfunction(-1, "input", guardedInput(originals, policy))
        stack.setfunction(-1, "output", guardedOutput(originals, policy))
        stack.setfunction(-1, "popen", refusal("io.popen"))
        stack.setfunction(-1, "tmpfile", refusal("io.tmpfile", " (files cannot be written)"))
        publish(stack, "io", originals)
    }

    /// `io.open`: reading only, of the files the policy lets a script read.
    private static func guardedOpen(_ originals: Originals, _ policy: SafeReadPolicy) -> LuaFunction {
        { stack in
            let path = try string(stack, 1, "io.open")
            let mode: String
            switch stack.type(2) {
            case .none, .nil: mode = "r"
            case .string: mode = stack.tostring(2) ?? ""
            default: throw LuaRaise.message("bad argument #2 to 'io.open' (string expected, got \(stack.typename(2)))")
            }
            guard mode == "r" || mode == "rb" else {
                throw LuaRaise.message("io.open in mode '\(mode)' is disabled by --safe (files cannot be written)")
            }
            guard let real = try readablePath(path, policy, "io.open") else { return pushMissing(stack, path, policy) }
            return try callOriginal(stack, originals.open) {
                stack.pushstring(real)
                stack.pushstring(mode)
                return 2
            }
        }
    }

    /// `io.lines`: standard input, or a file the policy lets a script read.
    private static func guardedLines(_ originals: Originals, _ policy: SafeReadPolicy) -> LuaFunction {
        { stack in
            let count = stack.gettop()
            if stack.type(1) == .none || stack.type(1) == .nil {
                return try callOriginal(stack, originals.lines) { pushAll(stack, count) }
            }
            let path = try string(stack, 1, "io.lines")
            guard let real = try readablePath(path, policy, "io.lines") else {
                throw LuaRaise.message("\(path): \(missingReason(path, policy))")
            }
            return try callOriginal(stack, originals.lines) {
                stack.pushstring(real)
                for index in stride(from: 2, through: count, by: 1) { stack.pushvalue(index) }
                return max(1, count)
            }
        }
    }

    /// `io.input`: a file handle, or a file the policy lets a script read.
    private static func guardedInput(_ originals: Originals, _ policy: SafeReadPolicy) -> LuaFunction {
        { stack in
            let count = stack.gettop()
            guard isName(stack, 1) else {  // a file handle, or none (Lua checks the rest)
                return try callOriginal(stack, originals.input) { pushAll(stack, count) }
            }
            let path = try string(stack, 1, "io.input")
            guard let real = try readablePath(path, policy, "io.input") else {
                throw LuaRaise.message("\(path): \(missingReason(path, policy))")
            }
            return try callOriginal(stack, originals.input) {
                stack.pushstring(real)
                return 1
            }
        }
    }

    /// `io.output`: standard output or standard error only.
    private static func guardedOutput(_ originals: Originals, _ policy: SafeReadPolicy) -> LuaFunction {
        { stack in
            let count = min(1, stack.gettop())
            if stack.type(1) != .none && stack.type(1) != .nil {
                stack.getref(originals.stdout)
                stack.getref(originals.stderr)
                let standard = stack.rawequal(1, -2) || stack.rawequal(1, -1)
                stack.pop(2)
                guard standard else {
                    throw LuaRaise.message("io.output to a file is disabled by --safe (files cannot be written; io.stdout and io.stderr can)")
                }
            }
            return try callOriginal(stack, originals.output) { pushAll(stack, count) }
        }
    }

    /// Pushes copies of the first `count` arguments; returns `count` (taken before the function
    /// was pushed above them).
    static func pushAll(_ stack: LuaStack, _ count: Int32) -> Int32 {
        for index in stride(from: 1, through: count, by: 1) { stack.pushvalue(index) }
        return count
    }

    static func missingReason(_ path: String, _ policy: SafeReadPolicy) -> String {
        if case .failure(.missing(let reason)) = policy.resolve(path) { return reason }
        return "cannot be read"
    }
}
