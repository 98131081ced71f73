import Foundation
import Lua

/// Where `require` looks for modules: empsh's folders first, then Lua's, as `lua5.4` builds its path.
///
/// `package.path`, in order: `EMPSH_PATH` (whose `;;` stands for empsh's defaults: `lua/` beside
/// the script, the project's `lua/`, `$XDG_CONFIG_HOME/empsh/lua/` (`~/.config` when unset) and
/// `./lua/`), then Lua's part: `LUA_PATH_5_4`, else `LUA_PATH` (whose `;;` stands for Lua's
/// defaults), else Lua's defaults — those of the Lua empsh links (`/usr/local/share/lua/5.4/`,
/// `/usr/share/lua/5.4/`, `./?.lua`, ...) and the LuaRocks user tree (`~/.luarocks`).
/// `package.cpath` likewise, with `?.so` in empsh's folders, `LUA_CPATH_5_4` and `LUA_CPATH`.
public struct ModulePaths: Sendable, Equatable {
    /// The `package.path` templates, in search order.
    public var templates: [String]
    /// The `package.cpath` templates, in search order.
    public var cTemplates: [String]
    private let environment: [String: String]
    private let ignoresLuaEnvironment: Bool
    private let currentDirectory: String

    /// Resolves the search paths.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - scriptDirectory: the running script's folder, when there is a script.
    ///   - ignoringLuaEnvironment: `-E`: `LUA_PATH*` and `LUA_CPATH*` are not read.
    ///   - currentDirectory: where the project is looked for when there is no script; `nil`
    ///     (the default) for none.
    public init(
        environment: [String: String], scriptDirectory: String?, ignoringLuaEnvironment: Bool = false,
        currentDirectory: String? = nil
    ) {
        self.environment = environment
        self.ignoresLuaEnvironment = ignoringLuaEnvironment
        self.currentDirectory = currentDirectory ?? ""
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let config = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? (home + "/.config")
        var folders: [String] = []
        if let scriptDirectory { folders.append(scriptDirectory + "/lua") }
        if let project = (scriptDirectory ?? currentDirectory).flatMap(Self.projectDirectory(from:)) {
            // The project being the current directory, its modules are named as ./lua's are.
            let here = currentDirectory.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
            folders.append(project == here ? "./lua" : project + "/lua")
        }
        folders += [config + "/empsh/lua", "./lua"]
        let custom = environment["EMPSH_PATH"].flatMap { $0.isEmpty ? nil : $0 }
        let lua = { (names: [String], defaults: String) -> [String] in
            let set = ignoringLuaEnvironment ? nil : names.lazy.compactMap { environment[$0] }.first
            return Self.expand(set, defaults: Self.split(defaults))
        }
        templates = Self.unique(
            Self.expand(custom.map { $0.contains(";;") ? $0 : $0 + ";;" }, defaults: folders.flatMap { [$0 + "/?.lua", $0 + "/?/init.lua"] })
                + lua(
                    ["LUA_PATH_5_4", "LUA_PATH"],
                    LuaState.defaultPath + ";\(home)/.luarocks/share/lua/5.4/?.lua;\(home)/.luarocks/share/lua/5.4/?/init.lua"))
        cTemplates = Self.unique(
            folders.map { $0 + "/?.so" }
                + lua(["LUA_CPATH_5_4", "LUA_CPATH"], LuaState.defaultCPath + ";\(home)/.luarocks/lib/lua/5.4/?.so"))
    }

    /// The same paths for a script in `scriptDirectory` (`empsh test`: each test file's folder).
    public func forScript(in scriptDirectory: String) -> ModulePaths {
        ModulePaths(
            environment: environment, scriptDirectory: scriptDirectory, ignoringLuaEnvironment: ignoresLuaEnvironment,
            currentDirectory: currentDirectory.isEmpty ? nil : currentDirectory)
    }

    /// `package.path` as Lua wants it.
    public var packagePath: String { templates.joined(separator: ";") }
    /// `package.cpath` as Lua wants it.
    public var packageCPath: String { cTemplates.joined(separator: ";") }

    /// The project a folder belongs to: the folder itself or the nearest one above it that
    /// holds `lua/`, `.luarc.json` or `.git`; `nil` when none does.
    public static func projectDirectory(from folder: String) -> String? {
        var url = URL(fileURLWithPath: folder).standardizedFileURL
        let manager = FileManager.default
        for _ in 0..<256 {
            let path = url.path
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: path + "/lua", isDirectory: &isDirectory), isDirectory.boolValue { return path }
            if manager.fileExists(atPath: path + "/.luarc.json") || manager.fileExists(atPath: path + "/.git") { return path }
            if path == "/" { return nil }
            url = url.deletingLastPathComponent()
        }
        return nil
    }

    /// As Lua's `setpath`: a variable's value with its (first) `;;` replaced by the defaults;
    /// the defaults when it is unset. (empsh's own `EMPSH_PATH` puts its defaults last when it
    /// has no `;;`.)
    private static func expand(_ value: String?, defaults: [String]) -> [String] {
        guard let value else { return defaults }
        guard let mark = value.range(of: ";;") else { return split(value) }
        return split(String(value[..<mark.lowerBound])) + defaults + split(String(value[mark.upperBound...]))
    }

    private static func split(_ path: String) -> [String] {
        path.split(separator: ";").map(String.init).filter { !$0.isEmpty }
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
