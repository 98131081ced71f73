import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// `--churn N`: statuses change with time, deterministically, and every request sees one consistent state.
@Suite struct ChurnTests {
    static let company = DemoCompany.generate(employees: 250, seed: DemoCompany.defaultSeed).sorted { $0.id < $1.id }

    func engine(churn: Int, clock: ManualClock, seed: UInt64 = DemoCompany.defaultSeed) -> Engine {
        var configuration = EngineConfiguration.demo(employees: Self.company, token: testToken, dayLimit: 1_000_000, minuteLimit: 1_000_000)
        configuration.clock = clock
        configuration.churn = Churn(perSecond: churn, seed: seed)
        return Engine(configuration)
    }

    func statuses(_ engine: Engine) -> [Int64: String] {
        var out: [Int64: String] = [:]
        for row in engine.employees(["fields": .array([.string("id"), .string("status")]), "limit": .int(10_000)]).rows {
            if let id = row["id"]?.intValue { out[id] = row["status"]?.stringValue ?? "null" }
        }
        return out
    }

    @Test func noChurnNeverChanges() {
        let clock = ManualClock()
        let engine = engine(churn: 0, clock: clock)
        let before = engine.employees(["limit": .int(10_000)]).rows
        clock.advance(by: 3600)
        #expect(engine.employees(["limit": .int(10_000)]).rows == before)
        #expect(Churn.none.apply(to: Self.company, elapsed: 1000) == Self.company)
    }

    @Test func nEmployeesChangeEachSecondAndComeBack() {
        let clock = ManualClock()
        let engine = engine(churn: 5, clock: clock)
        let original = statuses(engine)
        clock.advance(by: 1)
        let afterOne = statuses(engine)
        let changed = original.keys.filter { original[$0] != afterOne[$0] }
        let withStatus = Self.company.filter { $0.status != nil }.count
        #expect(changed.count == 5 || (changed.count < 5 && withStatus < Self.company.count))
        #expect(changed.count >= 3)
        clock.advance(by: 1)
        let afterTwo = statuses(engine)
        #expect(original.keys.filter { original[$0] != afterTwo[$0] }.count > changed.count)
        // After a full round (250 / 5 = 50 s) everyone has been away once; after two, all are back.
        clock.advance(by: 98)
        #expect(statuses(engine) == original)
    }

    @Test func theSameSeedAndTimeGiveTheSameStatuses() {
        let a = ManualClock()
        let b = ManualClock()
        let first = engine(churn: 7, clock: a)
        let second = engine(churn: 7, clock: b)
        let c = ManualClock()
        let other = engine(churn: 7, clock: c, seed: 99)
        for clock in [a, b, c] { clock.advance(by: 13.5) }
        #expect(statuses(first) == statuses(second))
        #expect(statuses(first) != statuses(other))
        let churn = Churn(perSecond: 7)
        let expected = churn.apply(to: Self.company, elapsed: 13)
        #expect(statuses(first) == Dictionary(uniqueKeysWithValues: expected.map { ($0.id, $0.status?.rawValue ?? "null") }))
    }

    @Test func filtersAndPagingSeeTheChangedValues() {
        let clock = ManualClock()
        let engine = engine(churn: 20, clock: clock)
        clock.advance(by: 4)
        let expected = Churn(perSecond: 20).apply(to: Self.company, elapsed: 4).filter { $0.status == .available }.map(\.id)
        let filter = JSON.object(["field": .string("status"), "operator": .string("="), "value": .string("available")])
        var ids: [Int64] = []
        var offset = 0
        while true {
            let page = engine.employees([
                "filter": filter, "fields": .array([.string("id"), .string("status")]), "limit": .int(30), "offset": .int(Int64(offset)),
            ])
            #expect(page.totalItems == Int64(expected.count))
            #expect(page.rows.allSatisfy { $0["status"]?.stringValue == "available" })
            ids += page.ids
            if page.rows.count < 30 { break }
            offset += 30
        }
        #expect(ids == expected)
        #expect(expected != Self.company.filter { $0.status == .available }.map(\.id))
    }
}
