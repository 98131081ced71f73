import Foundation
import TestSupport
import Testing

/// A team module is found the same way from `-e`, a script and the REPL's stdin mode.
@Suite struct ModuleTests {
    func makeModule(in folder: URL, name: String, value: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "return { who = \"\(value)\" }\n".write(to: folder.appendingPathComponent("\(name).lua"), atomically: true, encoding: .utf8)
    }

    @Test func fromEmpshPath() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try makeModule(in: dir.appendingPathComponent("team"), name: "ops", value: "empsh-path")
        let result = try runEmpsh(["-e", "print(require('ops').who)"], environment: ["EMPSH_PATH": dir.path + "/team/?.lua;;"])
        #expect(result.stdout == "empsh-path\n", "\(result.stderr)")
    }

    @Test func fromXDGConfigAndFromStdin() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try makeModule(in: dir.appendingPathComponent("empsh/lua"), name: "ops", value: "xdg")
        let env = ["XDG_CONFIG_HOME": dir.path]
        #expect(try runEmpsh(["-e", "print(require('ops').who)"], environment: env).stdout == "xdg\n")
        #expect(try runEmpsh([], stdin: "print(require('ops').who)\n", environment: env).stdout == "xdg\n")
    }

    @Test func besideTheScriptBeforeXDG() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try makeModule(in: dir.appendingPathComponent("cfg/empsh/lua"), name: "ops", value: "xdg")
        try makeModule(in: dir.appendingPathComponent("scripts/lua"), name: "ops", value: "beside")
        let script = dir.appendingPathComponent("scripts/report.lua")
        try "print(require('ops').who)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try runEmpsh([script.path], environment: ["XDG_CONFIG_HOME": dir.appendingPathComponent("cfg").path])
        #expect(result.stdout == "beside\n", "\(result.stderr)")
    }

    @Test func missingModuleIsAScriptErrorListingThePlacesSearched() throws {
        let result = try runEmpsh(["-e", "require('no_such_team_module')"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("module 'no_such_team_module' not found"))
        #expect(result.stderr.contains("/empsh/lua/no_such_team_module.lua"))
    }

    /// `require "pl.pretty"` as Debian's lua-penlight lays it out, in a folder LUA_PATH gives
    /// (`;;` keeps Lua's defaults); LUA_PATH_5_4 wins over LUA_PATH; -E ignores both.
    @Test func fromADebianStyleFolderGivenByLuaPath() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let share = dir.appendingPathComponent("share/lua/5.4")
        try FileManager.default.createDirectory(at: share.appendingPathComponent("pl"), withIntermediateDirectories: true)
        try "return { write = function(t) return 'pretty ' .. #t end }\n".write(
            to: share.appendingPathComponent("pl/pretty.lua"), atomically: true, encoding: .utf8)
        let code = "print(require('pl.pretty').write{1, 2, 3}) print(select('#', package.path:find('/usr/share/lua/5.4/?.lua', 1, true)))"
        let path = ["LUA_PATH": share.path + "/?.lua;;"]
        let result = try runEmpsh(["-e", code], environment: path)
        #expect(result.stdout == "pretty 3\n2\n", "\(result.stderr)")
        let preferred = try runEmpsh(["-e", code], environment: ["LUA_PATH_5_4": share.path + "/?.lua;;", "LUA_PATH": "/nowhere/?.lua"])
        #expect(preferred.stdout == "pretty 3\n2\n", "\(preferred.stderr)")
        let ignored = try runEmpsh(["-E", "-e", code], environment: path)
        #expect(ignored.status == 1 && ignored.stderr.contains("module 'pl.pretty' not found"), "\(ignored.stderr)")
        // Under --safe the module folder is readable, as the path says; C modules are not.
        let safe = try runEmpsh(["--safe", "-e", code + " print(package.cpath == '')"], environment: path)
        #expect(safe.stdout == "pretty 3\n2\ntrue\n", "\(safe.stderr)")
    }

    /// Debian's own lua-penlight, when installed: what lua5.4 finds, empsh finds.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/usr/share/lua/5.4/pl/pretty.lua")))
    func debianPenlightWhenInstalled() throws {
        let result = try runEmpsh(["-e", "print(require('pl.pretty').write({1}, ''))"])
        #expect(result.status == 0 && result.stdout == "{1}\n", "\(result.stderr)")
    }

    /// A script in `reports/` finds its project's `lua/` (the nearest folder above holding
    /// `lua/`, `.luarc.json` or `.git`), run from `/`; `empsh test` likewise.
    @Test func projectModulesFromAnywhere() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let project = dir.appendingPathComponent("отчёты")
        try makeModule(in: project.appendingPathComponent("lua"), name: "team", value: "проект")
        let reports = project.appendingPathComponent("reports/monthly")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let script = reports.appendingPathComponent("run.lua")
        try "print(require('team').who)\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try runEmpsh([script.path], directory: "/")
        #expect(result.stdout == "проект\n", "\(result.stderr)")
        let test = reports.appendingPathComponent("team_test.lua")
        try "function test_team() assert(require('team').who == 'проект') end\n".write(to: test, atomically: true, encoding: .utf8)
        let tested = try runEmpsh(["test", test.path], directory: "/")
        #expect(tested.status == 0 && tested.stdout.contains("1 passed, 0 failed"), "\(tested.stdout)\(tested.stderr)")
    }

    /// `.git` or `.luarc.json` marks a project too: the search stops there, so an enclosing
    /// folder's `lua/` is not the project's.
    @Test(arguments: [".luarc.json", ".git"])
    func aMarkerEndsTheSearch(marker: String) throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try makeModule(in: dir.appendingPathComponent("lua"), name: "team", value: "outer")
        let inner = dir.appendingPathComponent("inner")
        try FileManager.default.createDirectory(at: inner.appendingPathComponent("reports"), withIntermediateDirectories: true)
        try "{}".write(to: inner.appendingPathComponent(marker), atomically: true, encoding: .utf8)
        let script = inner.appendingPathComponent("reports/run.lua")
        try "print(require('team').who)\n".write(to: script, atomically: true, encoding: .utf8)
        let missing = try runEmpsh([script.path], directory: "/")
        #expect(missing.status == 1 && missing.stderr.contains(inner.path + "/lua/team.lua"), "\(missing.stderr)")
        try makeModule(in: inner.appendingPathComponent("lua"), name: "team", value: "inner")
        #expect(try runEmpsh([script.path], directory: "/").stdout == "inner\n")
    }

    /// LUA_INIT_5_4 (else LUA_INIT) runs first, code or @file, as in lua5.4; not with -E or --safe.
    @Test func luaInitRunsFirst() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("init.lua")
        try "greeting = 'из файла'\n".write(to: file, atomically: true, encoding: .utf8)
        let code = "print(greeting)"
        #expect(try runEmpsh(["-e", code], environment: ["LUA_INIT": "greeting = 'код'"]).stdout == "код\n")
        #expect(try runEmpsh(["-e", code], environment: ["LUA_INIT": "greeting = 1", "LUA_INIT_5_4": "@" + file.path]).stdout == "из файла\n")
        #expect(try runEmpsh(["-E", "-e", code], environment: ["LUA_INIT": "greeting = 'код'"]).stdout == "nil\n")
        #expect(try runEmpsh(["--safe", "-e", code], environment: ["LUA_INIT": "greeting = 'код'"]).stdout == "nil\n")
        let failing = try runEmpsh(["-e", code], environment: ["LUA_INIT": "error('init failed')"])
        #expect(failing.status == 1 && failing.stderr.contains("LUA_INIT:1: init failed") && failing.stdout.isEmpty, "\(failing.stderr)")
    }

    /// warn() prints "Lua warning: ..." on standard error once on (`@on` or -W), as lua5.4.
    @Test func warningsAsInLua() throws {
        let code = "warn('один ', 'два') warn('@on') warn('три') warn('@off') warn('четыре')"
        #expect(try runEmpsh(["-e", code]).stderr == "Lua warning: три\n")
        #expect(try runEmpsh(["-W", "-e", code]).stderr == "Lua warning: один два\nLua warning: три\n")
    }
}
