import Foundation
import Lua
import Testing

/// Line coverage (`LuaCoverage`): counted by the C hook under the limits and beside a script's own
/// hook; executable lines read from the chunk's bytecode. Serialized: the collector is the process's.
@Suite(.serialized) struct LuaCoverageTests {
    /// `Tests/Fixtures/coverage-module.lua`, the sample `TestCoverageTests` runs through `empsh test` too.
    static let module: String = {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: tests.appendingPathComponent("Fixtures/coverage-module.lua"), encoding: .utf8)) ?? ""
    }()

    @Test func executableLinesAreActivelinesOfEveryFunctionLessUnreachableEnds() throws {
        let lines = try LuaCoverage.executableLines(of: Array(Self.module.utf8), name: "@mod.lua")
        // 5, 14 and 20 hold the assignments of the functions (main chunk code), 12 nothing.
        #expect(lines == [1, 3, 4, 5, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 22])
    }

    @Test func functionsNeverCreatedCountAndAnEndWithOnlyAnImplicitReturnDoesNot() throws {
        let code = """
            local function outer()
              local function inner()
                return 1
              end
              return inner
            end
            local function fallsThrough(t)
              t.x = 1
            end
            return outer, fallsThrough
            """
        let lines = try LuaCoverage.executableLines(of: Array(code.utf8), name: "@nested.lua")
        // inner's `return 1` (3) counts though inner is never made; 9's `end` only falls through.
        #expect(lines == [3, 4, 5, 6, 8, 9, 10])
        let error = #expect(throws: LuaError.self) { try LuaCoverage.executableLines(of: Array("local = 1".utf8), name: "@bad.lua") }
        #expect(error?.kind == .syntax(incomplete: false))
    }

    @Test func countsLinesOfFileChunksInEveryAttachedStateAndCoroutine() throws {
        LuaCoverage.reset()
        defer { LuaCoverage.reset() }
        for _ in 0..<2 {
            let lua = try LuaState()
            LuaCoverage.attach(lua)
            try lua.stack.load(Self.module, name: "@/project/lua/mod.lua")
            try lua.stack.call(arguments: 0, results: 1)
            lua.stack.setglobal("mod")
            _ = try lua.run("return coroutine.wrap(function() return mod.sign(-1) end)()", name: "=(command line)")
        }
        let counts = LuaCoverage.counts()
        #expect(counts.map(\.chunkName) == ["/project/lua/mod.lua"])
        #expect(counts.first?.hits == [1: 2, 3: 2, 5: 2, 7: 2, 8: 2, 10: 2, 11: 2, 14: 2, 16: 2, 20: 2, 22: 2])
    }

    @Test func aScriptsOwnLineHookStillRunsAndGethookShowsOnlyIt() throws {
        LuaCoverage.reset()
        defer { LuaCoverage.reset() }
        let lua = try LuaState()
        LuaCoverage.attach(lua)
        let code = """
            local seen = {}
            local function hook(event, line) seen[#seen + 1] = line end
            debug.sethook(hook, "l")
            local a = 1
            local f, mask = debug.gethook()
            debug.sethook()
            local after = debug.gethook()
            return table.concat(seen, " "), f == hook, mask, after
            """
        let results = try lua.run(code, name: "@hooked.lua")
        #expect(results == ["4 5 6", true, "l", .nil])
        #expect(LuaCoverage.counts().first?.hits == [1: 1, 2: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 8: 1])
    }

    @Test func theTimeLimitStillStopsALoopUnderCoverage() throws {
        LuaCoverage.reset()
        defer { LuaCoverage.reset() }
        let lua = try LuaState()
        LuaCoverage.attach(lua)
        lua.limits = LuaLimits(timeout: 0.2)
        let error = #expect(throws: LuaError.self) {
            try lua.run("local n = 0\nwhile true do\n  n = n + 1\nend", name: "@loop.lua")
        }
        #expect(error?.origin == .timeLimit)
        let hits = LuaCoverage.counts().first?.hits ?? [:]
        #expect(hits[1] == 1 && (hits[3] ?? 0) > 10, "\(hits)")
        #expect(try lua.run("return 7", name: "=t") == [7])
    }
}
