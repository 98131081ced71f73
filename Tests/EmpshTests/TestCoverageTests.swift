import Foundation
import TestSupport
import Testing

/// `empsh test --coverage` and `--coverage-file`, with the built binary on a project in a temporary folder.
@Suite struct TestCoverageTests {
    /// `Tests/Fixtures/coverage-module.lua`, the sample `LuaCoverageTests` reads too. 17 executable lines:
    /// 1 3 4 5 7 8 9 10 11 13 14 16 17 18 19 20 22 (12, an `end` after a return, holds no code).
    static let module = (try? String(contentsOfFile: repositoryRoot() + "/Tests/Fixtures/coverage-module.lua", encoding: .utf8)) ?? ""

    static let tests = """
        local mod = require "mod"

        function test_greet()
          assert(mod.greet("Ёжик") == "Привет, Ёжик")
        end

        function test_sign_with_its_own_line_hook()
          local lines = 0
          debug.sethook(function() lines = lines + 1 end, "l")
          local sign = mod.sign(5)
          debug.sethook()
          assert(sign == "положительное", sign)
          assert(lines >= 3, "the test's own hook saw " .. lines .. " lines")
        end

        """

    /// A project in a folder with a Cyrillic name: `lua/mod.lua`, `tests/mod_test.lua` (`extra`
    /// appended), and an empty `reports/`. Remove its parent when done.
    static func project(extra: String = "") throws -> URL {
        let dir = try makeTemporaryDirectory().appendingPathComponent("проект отчётов")
        for folder in ["lua", "tests", "reports"] {
            try FileManager.default.createDirectory(at: dir.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try module.write(to: dir.appendingPathComponent("lua/mod.lua"), atomically: true, encoding: .utf8)
        try (tests + extra).write(to: dir.appendingPathComponent("tests/mod_test.lua"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func theTableCountsTheModuleLinesAndLeavesTheTestFileOut() throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let result = try runEmpsh(["test", "--coverage", "tests"], directory: dir.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let table = Array(lines.drop { !$0.hasPrefix("file ") }.prefix(3))
        #expect(
            table == [
                "file           lines  covered  percent",
                "lua/mod.lua       17       11    64.7%",
                "total             17       11    64.7%",
            ], "\(result.stdout)")
        #expect(lines.filter { !$0.isEmpty }.last == "2 passed, 0 failed")

        let plain = try runEmpsh(["test", "tests"], directory: dir.path)
        #expect(plain.status == 0)
        #expect(!plain.stdout.contains("percent"), "no table without --coverage: \(plain.stdout)")
    }

    @Test func theLCOVFileHasEachExecutableLineWithItsHits() throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let result = try runEmpsh(["test", "--coverage-file", "reports/coverage.lcov", "tests"], directory: dir.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("lua/mod.lua       17       11    64.7%"), "--coverage-file implies --coverage")
        let lcov = try String(contentsOf: dir.appendingPathComponent("reports/coverage.lcov"), encoding: .utf8)
        let records = lcov.split(separator: "\n").map(String.init)
        #expect(records.first == "TN:" && records.dropFirst().first == "SF:lua/mod.lua", "\(lcov)")
        #expect(!lcov.contains("mod_test"), "test files are left out: \(lcov)")
        // The main chunk ran in 3 states (the one listing the tests, then one per test).
        for covered in ["DA:1,3", "DA:3,3", "DA:4,1", "DA:8,1", "DA:9,1", "DA:22,3"] {
            #expect(records.contains(covered), "\(covered) in \(lcov)")
        }
        for uncovered in ["DA:10,0", "DA:11,0", "DA:13,0", "DA:17,0", "DA:18,0", "DA:19,0"] {
            #expect(records.contains(uncovered), "\(uncovered) in \(lcov)")
        }
        #expect(!records.contains { $0.hasPrefix("DA:12,") || $0.hasPrefix("DA:2,") }, "no code on 2 and 12")
        #expect(records.filter { $0.hasPrefix("DA:") }.count == 17)
        #expect(Array(records.suffix(3)) == ["LF:17", "LH:11", "end_of_record"])
    }

    @Test func aFailingTestStillExitsOneUnderCoverage() throws {
        let extra = "function test_fails()\n  assert(mod.sign(0) == \"плюс\", \"ноль ≠ плюс\")\nend\n"
        let dir = try Self.project(extra: extra)
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let result = try runEmpsh(["test", "--coverage-file", "reports/c.lcov", "tests"], directory: dir.path)
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("tests/mod_test.lua:16: ноль ≠ плюс"), "\(result.stdout)")
        // sign(0) ran lines 10 and 13 too.
        #expect(result.stdout.contains("lua/mod.lua       17       13    76.5%"), "\(result.stdout)")
        #expect(result.stdout.hasSuffix("2 passed, 1 failed\n"))
        let lcov = try String(contentsOf: dir.appendingPathComponent("reports/c.lcov"), encoding: .utf8)
        #expect(lcov.contains("DA:10,1\n") && lcov.contains("DA:13,1\n") && lcov.contains("LH:13\n"), "\(lcov)")
    }

    @Test func aCoverageFileThatCannotBeWrittenIsRefusedBeforeAnyTestRuns() throws {
        let dir = try Self.project()
        defer { try? FileManager.default.removeItem(at: dir.deletingLastPathComponent()) }
        let result = try runEmpsh(["test", "--coverage-file", "no-such-folder/c.lcov", "tests"], directory: dir.path)
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr == "empsh: test: cannot write the coverage file no-such-folder/c.lcov: No such file or directory\n")
        #expect(result.stdout.isEmpty)
        let onFolder = try runEmpsh(["test", "--coverage-file", "reports", "tests"], directory: dir.path)
        #expect(onFolder.status == 2)
        #expect(onFolder.stderr.contains("cannot write the coverage file reports: Is a directory"), "\(onFolder.stderr)")
    }
}
