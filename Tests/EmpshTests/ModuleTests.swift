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
}
