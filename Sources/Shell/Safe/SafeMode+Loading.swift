import Foundation
import Lua

extension SafeMode {
    /// `load`, `loadfile`, `dofile`, `package.searchpath` and the Lua-file searcher: text
    /// chunks only, files only where the policy allows; no C searchers, no `package.loadlib`.
    static func installLoading(_ stack: LuaStack, _ originals: Originals, _ policy: SafeReadPolicy) {
        stack.push(function: { stack in
            let count = stack.gettop()
            return try callOriginal(stack, originals.load) {
                stack.pushvalue(1)
                if count >= 2 { stack.pushvalue(2) } else { stack.pushnil() }
                stack.pushstring("t")
                if count >= 4 { stack.pushvalue(4) }  // an explicit nil env differs from none
                return count >= 4 ? 4 : 3
            }
        })
        stack.setglobal("load")
        stack.push(function: { stack in try loadFile(stack, originals, policy, function: "loadfile") })
        stack.setglobal("loadfile")
        stack.push(function: { stack in
            stack.settop(1)
            let results = try loadFile(stack, originals, policy, function: "dofile")
            guard results == 1 else { throw LuaRaise.value(.string(stack.tostring(-2) ?? "cannot load")) }
            return try stack.call(arguments: 0)
        })
        stack.setglobal("dofile")

        stack.getref(originals.package)
        stack.setfunction(-1, "loadlib", refusal("package.loadlib"))
        stack.pushstring("")
        stack.rawsetfield(-2, "cpath")
        stack.setfunction(-1, "searchpath") { stack in
            let name = try string(stack, 1, "package.searchpath")
            let path = try string(stack, 2, "package.searchpath")
            let separator = stack.type(3) == .string ? stack.tostring(3) ?? "." : "."
            let replacement = stack.type(4) == .string ? stack.tostring(4) ?? "/" : "/"
            return pushSearch(stack, name: name, path: path, separator: separator, replacement: replacement, policy)
        }
        stack.pop()

        // Keep the preload searcher; the Lua-file one is ours; the C ones go.
        stack.getref(originals.searchers)
        stack.push(function: luaFileSearcher(originals, policy))
        stack.rawseti(-2, 2)
        for index in [4, 3] as [Int64] {
            stack.pushnil()
            stack.rawseti(-2, index)
        }
        stack.pop()
    }

    /// `require`'s searcher for Lua files: along `package.path`, only where the policy allows, text
    /// chunks only; returns the loader and the file name, or the "no file ..." message.
    private static func luaFileSearcher(_ originals: Originals, _ policy: SafeReadPolicy) -> LuaFunction {
        { stack in
            let name = try string(stack, 1, "require")
            stack.getref(originals.package)
            let path = stack.rawgetfield(-1, "path") == .string ? stack.tostring(-1) ?? "" : ""
            stack.pop(2)
            guard pushSearch(stack, name: name, path: path, separator: ".", replacement: "/", policy) == 1 else {
                stack.remove(-2)
                return 1  // the "no file ..." message
            }
            let file = stack.tostring(-1) ?? ""
            stack.settop(0)
            stack.pushstring(file)
            guard try loadFile(stack, originals, policy, function: "require") == 1 else {
                throw LuaRaise.value(.string("error loading module '\(name)' from file '\(file)':\n\t\(stack.tostring(-1) ?? "")"))
            }
            stack.pushstring(file)
            return 2
        }
    }

    /// Loads the file named at index 1 (standard input when none) as a text chunk with the
    /// environment at index 3 when given; pushes the function, or `nil` and a message.
    /// - Returns: 1 for a function, 2 for `nil, message`.
    static func loadFile(_ stack: LuaStack, _ originals: Originals, _ policy: SafeReadPolicy, function: String) throws -> Int32 {
        let hasEnvironment = stack.gettop() >= 3
        guard stack.type(1) != .none && stack.type(1) != .nil else {
            return try callOriginal(stack, originals.loadfile) {
                stack.pushnil()
                stack.pushstring("t")
                if hasEnvironment { stack.pushvalue(3) }
                return hasEnvironment ? 3 : 2
            }
        }
        let name = try string(stack, 1, function)
        guard let real = try readablePath(name, policy, function),
            var text = FileManager.default.contents(atPath: real).map({ [UInt8]($0) })
        else {
            stack.pushnil()
            stack.pushstring("cannot open \(name): \(missingReason(name, policy))")
            return 2
        }
        // As luaL_loadfile: a first line starting with '#' (a #! line) is skipped, its newline kept.
        if text.first == UInt8(ascii: "#") { text.removeFirst(text.firstIndex(of: 10) ?? text.count) }
        return try callOriginal(stack, originals.load) {
            text.withUnsafeBytes { stack.pushbytes($0) }
            stack.pushstring("@" + name)
            stack.pushstring("t")
            if hasEnvironment { stack.pushvalue(3) }
            return hasEnvironment ? 4 : 3
        }
    }

    /// `package.searchpath` within the policy: pushes the first readable file, or `nil` and the
    /// list of files tried. - Returns: 1 or 2.
    static func pushSearch(
        _ stack: LuaStack, name: String, path: String, separator: String, replacement: String, _ policy: SafeReadPolicy
    ) -> Int32 {
        let stem = separator.isEmpty ? name : name.replacingOccurrences(of: separator, with: replacement)
        var tried: [String] = []
        for template in path.split(separator: ";") where !template.isEmpty {
            let file = template.replacingOccurrences(of: "?", with: stem)
            switch policy.resolve(file) {
            case .success:
                stack.pushstring(file)
                return 1
            case .failure(.missing): tried.append("no file '\(file)'")
            case .failure(.denied): tried.append("no file '\(file)' (--safe does not read there)")
            }
        }
        stack.pushnil()
        stack.pushstring(tried.joined(separator: "\n\t"))
        return 2
    }
}
