import DataAPIClient
import DataAPIContract
import DataAPIServer
import Lua
import Shell
import Synchronization
import TestSupport
import Testing

/// `employees.all/each/count/watch` over an account that changes while they page, one past the offset
/// ceiling, and a local filter with a limit (issue 19), through Lua as a script runs them.
@Suite struct PagingShellTests {
    /// A shell over `account`, with what it says on stderr collected.
    struct Fixture {
        let shell: Shell
        let account: ChangingAccount
        let notices = Notices()

        init(_ account: ChangingAccount) throws {
            self.account = account
            let client = Client(transport: account, credentials: .token(testToken), configuration: Client.Configuration())
            let backend = Backend.using(client, accountDescription: "test")
            shell = try Shell(options: Shell.Options(), backend: backend)
            backend.progress = FetchProgress(enabled: false) { [notices] text in notices.add(text) }
        }

        func run(_ code: String) throws -> [LuaValue] { try shell.lua.run(code, name: "=test") }

        /// Runs `code`, which returns one number, and the points the account charged for it.
        func number(_ code: String) throws -> (value: Int64?, points: Int) {
            let before = account.points
            let value = try run(code).first
            if case .integer(let n)? = value { return (n, account.points - before) }
            return (nil, account.points - before)
        }
    }

    @Test(arguments: ["all", "each", "watch"])
    func theIssuesAccountLosesNobody(function: String) throws {
        let before = (1...250).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in
            guard call == 1 else { return }
            ids.removeAll { $0 <= 10 }
            ids += (1001...1005).map(Int64.init)
        }
        let fixture = try Fixture(account)
        let collect =
            switch function {
            case "all": "local rows = employees.all{page_size = 100}"
            case "each": "local rows = {} for e in employees.each{page_size = 100} do rows[#rows + 1] = e end"
            default: "local rows = employees.watch{page_size = 100, every = 3600}().rows"
            }
        let results = try fixture.run(
            collect + """

                local ids = {}
                for _, e in ipairs(rows) do ids[#ids + 1] = e.id end
                return table.concat(ids, ",")
                """)
        let ids = (results.first?.text ?? "").split(separator: ",").compactMap { Int64($0) }
        #expect(Set(ids).count == ids.count)
        #expect(Set(11...250).isSubset(of: Set(ids)), "lost: \(Set(11...250).subtracting(ids).sorted())")
        #expect(ids.count == 255)
        let said = fixture.notices.all
        #expect(said.count == 1)
        #expect(said.first?.contains("the account changed while paging; 1 more call fetched the rows that moved") == true, "\(said)")
    }

    @Test func anUnchangedAccountSaysNothing() throws {
        let fixture = try Fixture(ChangingAccount(employees: 250))
        #expect(try fixture.number("return #employees.all{page_size = 100}") == (250, 3))
        #expect(fixture.notices.all.isEmpty)
    }

    @Test func twoHundredThousandEmployeesWithTheFewestPoints() throws {
        let fixture = try Fixture(ChangingAccount(employees: 200_000))
        // 20 pages of 10 000 rows, and one more for the row each page repeats to check the next.
        #expect(try fixture.number("return #employees.all{fields = {'id'}}") == (200_000, 21))
        let each = try fixture.number(
            """
            local n, last = 0, 0
            for e in employees.each{} do
              if e.id ~= last + 1 then return -e.id end
              n, last = n + 1, e.id
            end
            return n
            """)
        #expect(each == (200_000, 21))
        #expect(try fixture.number("return employees.count{}") == (200_000, 1))
        #expect(try fixture.number("return employees.count{filter = F.patronymic:is_null()}") == (200_000, 21))
        #expect(try fixture.number("return #employees.watch{every = 3600}().rows") == (200_000, 21))
        let explain = try fixture.run("return employees.explain{}").first?.text ?? ""
        #expect(explain.contains("pages: 21 (200000 rows at 10000 a page)"), "\(explain)")
        #expect(
            explain.contains(
                "ranges: 2, past the offset ceiling (110000 rows a filter): rows 1–109990; then id > the last id read: rows 109991–200000"),
            "\(explain)")
        #expect(explain.contains("here it costs 1 point"), "\(explain)")
    }

    @Test func aLocalFilterWithALimitStopsEarly() throws {
        let fixture = try ShellFixture(employees: 20_000)
        let ordered = fixture.company.sorted { $0.id < $1.id }
        let positions = ordered.indices.filter { ordered[$0].patronymic == "Петрович" }
        try #require(positions.count > 3)
        let pages = positions[2] / 1000 + 1  // pages of 1000 read until the third Петрович
        #expect(pages < 20)
        let filter = #"filter = F.patronymic:eq "Петрович", page_size = 1000"#
        let all = try fixture.run("local rows = employees.all{\(filter), limit = 3} return #rows, rows[3].id")
        #expect(all.first == .integer(3))
        #expect(all.last == .integer(ordered[positions[2]].id))
        #expect(fixture.transport.employeeParams.count == pages)
        #expect(try fixture.run("return employees.count{\(filter), limit = 2, offset = 1}").first == .integer(2))
        #expect(fixture.transport.employeeParams.count == 2 * pages)
        // Without a limit every page is read.
        #expect(try fixture.run("return employees.count{\(filter)}").first == .integer(Int64(positions.count)))
        #expect(fixture.transport.employeeParams.count == 2 * pages + 20)
        let explain = try fixture.run("return employees.explain{\(filter), limit = 3}").first?.text ?? ""
        #expect(explain.contains("one call at a time, in order, stopping once 3 rows pass the local filter"), "\(explain)")
    }
}

/// Lines written to stderr, collected.
final class Notices: Sendable {
    private let lines = Mutex<[String]>([])
    func add(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
}
