import CLuaShim

/// A Swift function callable from Lua. It reads its arguments from the stack, pushes its
/// results and returns how many; throwing raises a Lua error (through the C trampoline,
/// after this function has returned).
public typealias LuaFunction = (LuaStack) throws -> Int32

/// Holds a Swift closure for the lifetime of its Lua userdata (freed by `__gc`).
final class LuaClosureBox {
    let function: LuaFunction
    init(_ function: @escaping LuaFunction) { self.function = function }
}

/// The Swift side of the trampoline, registered with C once.
enum LuaTrampoline {
    static let installed: Void = {
        empsh_set_callbacks(dispatch, release)
    }()

    private static let dispatch: empsh_dispatch_fn = { state, box in
        guard let state, let box else { return EMPSH_RAISE }
        let stack = LuaStack(state)
        let closure = Unmanaged<LuaClosureBox>.fromOpaque(box).takeUnretainedValue()
        do {
            return try closure.function(stack)
        } catch {
            pushError(error, onto: stack)
            return EMPSH_RAISE
        }
    }

    private static let release: empsh_release_fn = { box in
        guard let box else { return }
        Unmanaged<AnyObject>.fromOpaque(box).release()
    }

    /// Pushes the Lua error object for a Swift error: `file:line: message` for plain errors,
    /// the original object for a re-raised Lua error.
    static func pushError(_ error: Error, onto stack: LuaStack) {
        stack.checkstack(4)
        switch error {
        case let error as LuaPushableError:
            error.pushError(onto: stack)
        case let error as LuaError:
            stack.push(error: error)
        case LuaRaise.value(let value):
            if (try? stack.push(value)) == nil { stack.pushnil() }
        case LuaRaise.message(let message):
            stack.pushstring(stack.location() + message)
        default:
            stack.pushstring(stack.location() + String(describing: error))
        }
    }
}

extension LuaStack {
    /// Pushes a Swift closure as a Lua function.
    public func push(function: @escaping LuaFunction) {
        _ = LuaTrampoline.installed
        let box = Unmanaged.passRetained(LuaClosureBox(function)).toOpaque()
        empsh_pushclosure(L, box)
    }

    /// Sets `t[name]` to a Swift closure; `table` is a stack index.
    public func setfunction(_ table: Int32, _ name: String, _ function: @escaping LuaFunction) {
        let table = absindex(table)
        push(function: function)
        rawsetfield(table, name)
    }
}
