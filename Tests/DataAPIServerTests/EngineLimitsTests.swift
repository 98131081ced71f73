import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// Day and minute point budgets with a test clock (spec §6, §7). The clock starts 20 s into a
/// minute and 80 000 s into a UTC day.
@Suite struct EngineLimitsTests {
    let clock = ManualClock()

    func engine(day: Int = 3000, minute: Int = 120) -> Engine {
        makeEngine(FilterFixture.employees, clock: clock, dayLimit: day, minuteLimit: minute)
    }

    @Test func everyReplyCarriesTheLimitsAfterTheCharge() {
        let engine = engine()
        #expect(engine.employees().limits == json([
            "day_limit": 3000, "day_remaining": 2999, "day_reset": 6400,
            "minute_limit": 120, "minute_remaining": 119, "minute_reset": 40,
        ] as KeyValuePairs<String, Any>))
        clock.advance(by: 5.5)
        #expect(engine.employees().limits?["minute_remaining"] == .int(118))
        #expect(engine.employees().limits?["minute_reset"] == .int(35))  // 34.5 s rounds up
    }

    @Test func minuteLimitIsExceededThenRefills() throws {
        let engine = engine(minute: 3)
        for remaining in [2, 1, 0] { #expect(engine.employees().limits?["minute_remaining"] == .int(Int64(remaining))) }
        clock.advance(by: 23)
        let reply = engine.employees()
        #expect(reply.mnemonic == "limit_exceeded")
        #expect(reply.code == -32029)
        #expect(reply.field == "minute_limit")
        #expect(reply.message == "minute limit of 3 points exceeded; resets in 17 s")
        #expect(reply.error?["data"]?["params"]?["limit"] == .string("minute_limit"))
        #expect(reply.limits?["minute_remaining"] == .int(0))
        #expect(reply.limits?["day_remaining"] == .int(2997))  // the refused call is not charged
        clock.advance(by: 17)
        let refilled = engine.employees()
        #expect(refilled.error == nil)
        #expect(refilled.limits?["minute_remaining"] == .int(2))
        #expect(refilled.limits?["day_remaining"] == .int(2996))
    }

    @Test func dayLimitIsSpentUntilMidnight() {
        let engine = engine(day: 2, minute: 100)
        #expect(engine.employees().error == nil)
        clock.advance(by: 120)
        #expect(engine.employees().error == nil)
        clock.advance(by: 120)
        let reply = engine.employees()
        #expect(reply.mnemonic == "limit_exceeded")
        #expect(reply.field == "day_limit")
        #expect(reply.message == "day limit of 2 points exceeded; resets in 6160 s")
        clock.advance(by: 6160)
        #expect(engine.employees().limits?["day_remaining"] == .int(1))
    }

    @Test func onlySuccessfulCallsAreCharged() {
        let engine = engine(minute: 2)
        #expect(engine.employees(["limit": .int(-1)]).limits?["minute_remaining"] == .int(2))
        #expect(engine.employees(["filter": json(["field": "patronymic", "operator": "=", "value": "x"] as KeyValuePairs<String, Any>)])
            .mnemonic == "filter_prohibited")
        #expect(engine.employees().limits?["minute_remaining"] == .int(1))
        #expect(engine.employees().limits?["minute_remaining"] == .int(0))
        #expect(engine.employees().mnemonic == "limit_exceeded")
    }

    @Test func budgetsArePerKey() {
        let engine = engine(minute: 1)
        #expect(engine.employees().error == nil)
        #expect(engine.employees().mnemonic == "limit_exceeded")
        #expect(engine.employees(["user_id": .int(1)], token: "agent-test-token").error == nil)
        let session = engine.call("login.user", ["login": .string("demo"), "password": .string("demo")])
        #expect(engine.employees(token: session.result?["data"]?["access_token"]?.stringValue ?? "").error == nil)
    }

    @Test func concurrentCallsNeverOverspend() async {
        let engine = engine(minute: 50)
        let successes = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<200 { group.addTask { engine.employees().error == nil } }
            return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
        }
        #expect(successes == 50)
    }
}
