import Lua
import Shell
import Testing

@Suite struct ModulePathsTests {
    @Test func defaultsInOrder() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg"], scriptDirectory: "/work/scripts")
        #expect(
            Array(paths.templates.prefix(6)) == [
                "/work/scripts/lua/?.lua", "/work/scripts/lua/?/init.lua", "/cfg/empsh/lua/?.lua", "/cfg/empsh/lua/?/init.lua",
                "./lua/?.lua", "./lua/?/init.lua",
            ])
        // Then Lua's defaults, as lua5.4 has them, and the LuaRocks user tree.
        #expect(Array(paths.templates.dropFirst(6)).starts(with: LuaState.defaultPath.split(separator: ";").map(String.init)))
        #expect(paths.templates.contains("/usr/share/lua/5.4/?.lua") && paths.templates.contains("./?.lua"))
        #expect(paths.templates.last?.hasSuffix("/.luarocks/share/lua/5.4/?/init.lua") == true)
        #expect(paths.cTemplates.prefix(3) == ["/work/scripts/lua/?.so", "/cfg/empsh/lua/?.so", "./lua/?.so"])
    }

    @Test func homeConfigWhenXDGIsUnset() {
        let paths = ModulePaths(environment: ["HOME": "/home/ops"], scriptDirectory: nil)
        #expect(paths.templates.first == "/home/ops/.config/empsh/lua/?.lua")
    }

    @Test func doubleSemicolonStandsForTheDefaults() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg", "EMPSH_PATH": "/team/?.lua;;/last/?.lua"], scriptDirectory: nil)
        #expect(
            Array(paths.templates.prefix(6)) == [
                "/team/?.lua", "/cfg/empsh/lua/?.lua", "/cfg/empsh/lua/?/init.lua", "./lua/?.lua", "./lua/?/init.lua", "/last/?.lua",
            ])
    }

    @Test func withoutDoubleSemicolonTheDefaultsFollow() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg", "EMPSH_PATH": "/team/?.lua"], scriptDirectory: nil)
        #expect(paths.templates.first == "/team/?.lua")
        #expect(paths.templates.contains("./lua/?.lua"))
    }

    @Test func luaPathAsLuaReadsIt() {
        let base = ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/ops"]
        let lua = LuaState.defaultPath.split(separator: ";").map(String.init)
        // No ";;": only what the variable says, after empsh's folders.
        let only = ModulePaths(environment: base.merging(["LUA_PATH": "/deb/?.lua"]) { $1 }, scriptDirectory: nil)
        #expect(Array(only.templates.dropFirst(4)) == ["/deb/?.lua"])
        // ";;" stands for Lua's defaults (with the LuaRocks tree), where it is.
        let marked = ModulePaths(environment: base.merging(["LUA_PATH": "/a/?.lua;;/z/?.lua"]) { $1 }, scriptDirectory: nil)
        #expect(
            Array(marked.templates.dropFirst(4)) == ["/a/?.lua"] + lua + [
                "/home/ops/.luarocks/share/lua/5.4/?.lua", "/home/ops/.luarocks/share/lua/5.4/?/init.lua", "/z/?.lua",
            ])
        // LUA_PATH_5_4 wins; -E reads neither.
        let versioned = ModulePaths(environment: base.merging(["LUA_PATH": "/old/?.lua", "LUA_PATH_5_4": "/new/?.lua"]) { $1 }, scriptDirectory: nil)
        #expect(versioned.templates.last == "/new/?.lua" && !versioned.templates.contains("/old/?.lua"))
        let ignored = ModulePaths(environment: base.merging(["LUA_PATH": "/old/?.lua"]) { $1 }, scriptDirectory: nil, ignoringLuaEnvironment: true)
        #expect(!ignored.templates.contains("/old/?.lua") && ignored.templates.contains("/usr/share/lua/5.4/?.lua"))
        let cpath = ModulePaths(environment: base.merging(["LUA_CPATH": "/c/?.so"]) { $1 }, scriptDirectory: nil)
        #expect(cpath.cTemplates == ["/cfg/empsh/lua/?.so", "./lua/?.so", "/c/?.so"])
    }
}
