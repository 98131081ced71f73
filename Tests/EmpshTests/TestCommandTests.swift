import Foundation
import TestSupport
import Testing

/// `empsh test [PATH...]`.
@Suite struct TestCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func theExamplesModuleTestsPass() throws {
        let result = try runEmpsh(["test", "Examples/lua"], directory: Self.root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last == "5 passed, 0 failed", "\(result.stdout)")
        #expect(lines.contains("ok    Examples/lua/team_test.lua  test_policy_breach_names_what_is_wrong"))
    }

    static let failing = #"""
        local mod = require "mod"
        leaked = (leaked or 0) + 1

        function test_passes_in_a_fresh_state()
            assert(leaked == 1, "a fresh state per test")
            leaked = 99
        end

        function test_assert_fails()
            local x = 1
            assert(x == 2, "x should be 2")
        end

        function test_error_in_a_module()
            mod.boom()
        end

        function test_api_error()
            employees.page{ filter = {field = "operator", operator = "is_null"} }
        end

        function test_still_fresh()
            assert(leaked == 1, "still fresh: " .. tostring(leaked))
        end

        function helper() error("never runs") end
        """#

    @Test func failuresNameTheTestAndTheLineAndTheRunExitsOne() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("test"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lua"), withIntermediateDirectories: true)
        try "local M = {}\nfunction M.boom() error('boom') end\nreturn M\n"
            .write(to: dir.appendingPathComponent("lua/mod.lua"), atomically: true, encoding: .utf8)
        try Self.failing.write(to: dir.appendingPathComponent("test/a_test.lua"), atomically: true, encoding: .utf8)
        try "this is not lua".write(to: dir.appendingPathComponent("test/broken_test.lua"), atomically: true, encoding: .utf8)
        try "function test_x() error('not a test file') end".write(
            to: dir.appendingPathComponent("test/helper.lua"), atomically: true, encoding: .utf8)

        let result = try runEmpsh(["test"], directory: dir.path)
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                ok    test/a_test.lua  test_passes_in_a_fresh_state
                FAIL  test/a_test.lua  test_assert_fails
                test/a_test.lua:11: x should be 2
                FAIL  test/a_test.lua  test_error_in_a_module
                test/a_test.lua:15: ./lua/mod.lua:2: boom
                FAIL  test/a_test.lua  test_api_error
                test/a_test.lua:19: filter_prohibited: Фильтрация по параметру запрещена и невозможна, так как параметр для фильтрации не находится в списке разрешенных для фильтрации (field filter.field)
                ok    test/a_test.lua  test_still_fresh
                FAIL  test/broken_test.lua  (loading the file)
                test/broken_test.lua:1: syntax error near 'is'
                2 passed, 4 failed

                """, "\(result.stdout)")

        let one = try runEmpsh(["test", "test/a_test.lua"], directory: dir.path)
        #expect(one.stdout.hasSuffix("\n2 passed, 3 failed\n"))
    }

    @Test func withNothingToRunItIsAUsageError() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let none = try runEmpsh(["test"], directory: dir.path)
        #expect(none.status == 2)
        #expect(none.stderr.contains("no *_test.lua files in test/ and lua/"))
        let missing = try runEmpsh(["test", "nowhere"], directory: dir.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no such file or folder: nowhere"))
    }

    /// Module tests run in CI without an account: record them once, replay them with no network.
    @Test func testsRunFromARecording() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let recording = dir.appendingPathComponent("team.ndjson").path
        let recorded = try runEmpsh(["test", "--record", recording, "Examples/lua"], directory: Self.root.path)
        #expect(recorded.status == 0, "\(recorded.stdout)\(recorded.stderr)")
        let replayed = try runEmpsh(["test", "--replay", recording, "Examples/lua"], directory: Self.root.path)
        #expect(replayed.status == 0, "\(replayed.stdout)\(replayed.stderr)")
        #expect(replayed.stdout == recorded.stdout)
    }
}
