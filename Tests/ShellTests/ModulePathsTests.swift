import Shell
import Testing

@Suite struct ModulePathsTests {
    @Test func defaultsInOrder() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg"], scriptDirectory: "/work/scripts")
        #expect(
            paths.templates == [
                "/work/scripts/lua/?.lua", "/work/scripts/lua/?/init.lua", "/cfg/empsh/lua/?.lua", "/cfg/empsh/lua/?/init.lua",
                "./lua/?.lua", "./lua/?/init.lua",
            ])
    }

    @Test func homeConfigWhenXDGIsUnset() {
        let paths = ModulePaths(environment: ["HOME": "/home/ops"], scriptDirectory: nil)
        #expect(paths.templates.first == "/home/ops/.config/empsh/lua/?.lua")
    }

    @Test func doubleSemicolonStandsForTheDefaults() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg", "EMPSH_PATH": "/team/?.lua;;/last/?.lua"], scriptDirectory: nil)
        #expect(
            paths.templates == [
                "/team/?.lua", "/cfg/empsh/lua/?.lua", "/cfg/empsh/lua/?/init.lua", "./lua/?.lua", "./lua/?/init.lua", "/last/?.lua",
            ])
    }

    @Test func withoutDoubleSemicolonTheDefaultsFollow() {
        let paths = ModulePaths(environment: ["XDG_CONFIG_HOME": "/cfg", "EMPSH_PATH": "/team/?.lua"], scriptDirectory: nil)
        #expect(paths.templates.first == "/team/?.lua")
        #expect(paths.templates.contains("./lua/?.lua"))
    }
}
