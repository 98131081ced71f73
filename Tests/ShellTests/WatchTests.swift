import DataAPIClient
import DataAPIContract
import DataAPIServer
import Lua
import Shell
import TestSupport
import Testing

/// `employees.watch` on a churning engine whose clock the test moves.
@Suite struct WatchTests {
    let clock = ManualClock()
    let shell: Shell

    init(churn: Int = 10, minuteLimit: Int = 1_000_000) throws {
        var configuration = EngineConfiguration.demo(
            employees: DemoCompany.generate(employees: 250, seed: DemoCompany.defaultSeed), token: testToken,
            dayLimit: 1_000_000, minuteLimit: minuteLimit)
        configuration.clock = clock
        configuration.churn = Churn(perSecond: churn)
        let client = Client(transport: InProcessTransport(engine: Engine(configuration)), credentials: .token(testToken))
        shell = try Shell(options: Shell.Options(), backend: .using(client, accountDescription: "test"))
    }

    func run(_ code: String) throws -> [LuaValue] { try shell.lua.run(code, name: "=test") }

    @Test func firstStepAddsEverythingThenReportsRealChanges() throws {
        let first = try run(
            """
            watcher = employees.watch{ fields = {"full_name", "status"}, every = 0.01 }
            local c = watcher()
            return #c.added, #c.removed, #c.changed, c.poll, c.added[1].id ~= nil
            """)
        #expect(first == [.integer(250), .integer(0), .integer(0), .integer(1), .boolean(true)])
        clock.advance(by: 1)
        let second = try run(
            """
            local c = watcher()
            local ok = true
            for _, ch in ipairs(c.changed) do
              ok = ok and ch.before.id == ch.after.id and ch.before.status ~= ch.after.status and #ch.fields == 1 and ch.fields[1] == "status"
            end
            return #c.added, #c.removed, #c.changed, ok, c.poll
            """)
        #expect(second[0] == .integer(0) && second[1] == .integer(0))
        #expect(second[2] == .integer(10))
        #expect(second[3] == .boolean(true) && second[4] == .integer(2))
        let quiet = try run("local c = watcher(); return #c.changed")
        #expect(quiet == [.integer(0)])
    }

    @Test func filteredWatchSeesRowsComeAndGo() throws {
        _ = try run(#"watcher = employees.watch{ filter = F.status:eq "available", fields = {"status"}, every = 0.01 }; first = watcher()"#)
        clock.advance(by: 3)
        let counts = try run("local c = watcher(); return #first.added, #c.added, #c.removed, #c.rows")
        guard case .integer(let before) = counts[0], case .integer(let added) = counts[1], case .integer(let removed) = counts[2],
            case .integer(let now) = counts[3]
        else {
            Issue.record("\(counts)")
            return
        }
        #expect(added + removed > 0)
        #expect(before + added - removed == now)
    }

    @Test func refusesAnIntervalThatWouldSpendTheMinuteBudget() throws {
        let limited = try WatchTests(churn: 0, minuteLimit: 120)
        #expect(throws: LuaError.self) { try limited.run("employees.watch{ every = 0.25 }()") }
        do {
            _ = try limited.run("employees.watch{ every = 0.25 }()")
        } catch let error as LuaError {
            #expect(
                error.message.contains(
                    "each poll costs 1 point, so every 0.25 s spends 240 points a minute, more than the account's 120; use every = 1 or more"))
        }
        #expect(try limited.run("return employees.watch{ every = 1 }().poll") == [.integer(1)])
    }

    @Test func badOptionsAreRefused() throws {
        #expect(throws: LuaError.self) { try run("employees.watch{ every = 0 }") }
        #expect(throws: LuaError.self) { try run("employees.watch('x')") }
    }
}
