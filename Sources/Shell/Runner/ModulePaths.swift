import Foundation

/// Where `require` looks for team modules, in order: `EMPSH_PATH` (whose `;;` stands for the
/// defaults), then the defaults: `lua/` beside the script, `$XDG_CONFIG_HOME/empsh/lua/`
/// (`~/.config` when unset), and `./lua/`.
public struct ModulePaths: Sendable, Equatable {
    /// The `package.path` templates, in search order.
    public var templates: [String]

    /// Resolves the search path.
    /// - Parameters:
    ///   - environment: the process environment.
    ///   - scriptDirectory: the running script's folder, when there is a script.
    public init(environment: [String: String], scriptDirectory: String?) {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        var defaults: [String] = []
        if let scriptDirectory { defaults += Self.templates(in: scriptDirectory + "/lua") }
        defaults += Self.templates(in: config + "/empsh/lua")
        defaults += Self.templates(in: "./lua")
        guard let custom = environment["EMPSH_PATH"], !custom.isEmpty else {
            templates = Self.unique(defaults)
            return
        }
        // As LUA_PATH: ";;" marks where the defaults go (at the end when absent).
        let marked = custom.contains(";;") ? custom : custom + ";;"
        let expanded = marked.replacingOccurrences(of: ";;", with: ";" + defaults.joined(separator: ";") + ";")
        templates = Self.unique(expanded.split(separator: ";").map(String.init).filter { !$0.isEmpty })
    }

    /// `package.path` as Lua wants it.
    public var packagePath: String { templates.joined(separator: ";") }

    private static func templates(in folder: String) -> [String] {
        [folder + "/?.lua", folder + "/?/init.lua"]
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
