import Lua

extension SafeMode {
    /// The state's own `os`: time, dates, clock, locale and exit as Lua has them; `getenv`
    /// without secrets; nothing that runs a program or touches a file.
    static func installOS(_ stack: LuaStack, _ originals: Originals) {
        pushCopy(stack, of: originals.os)
        stack.setfunction(-1, "getenv") { stack in
            let name = try string(stack, 1, "os.getenv")
            if isSecretVariable(name) {
                stack.pushnil()
                return 1
            }
            let count = try callOriginal(stack, originals.getenv) {
                stack.pushstring(name)
                return 1
            }
            if stack.type(-1) == .string, let value = stack.tostring(-1), isSecretValue(value) {
                stack.pop()
                stack.pushnil()
            }
            return count
        }
        for name in ["execute", "remove", "rename", "tmpname"] {
            stack.setfunction(-1, name, refusal("os." + name))
        }
        publish(stack, "os", originals)
    }

    /// `debug` (the global and `require "debug"`): every field refuses, naming itself.
    static func installDebug(_ stack: LuaStack) {
        stack.createtable()
        stack.createtable()
        stack.setfunction(-1, "__index") { stack in
            let key = stack.type(2) == .string ? stack.tostring(2) ?? "?" : stack.typename(2)
            throw LuaRaise.message("debug.\(key) is disabled by --safe")
        }
        stack.pushboolean(false)
        stack.rawsetfield(-2, "__metatable")
        stack.setmetatable(-2)
        stack.pushvalue(-1)
        stack.setglobal("debug")
        _ = stack.getglobal("package")
        stack.rawgetfield(-1, "loaded")
        stack.pushvalue(-3)
        stack.rawsetfield(-2, "debug")
        stack.pop(3)
    }
}
