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
        #expect(
            engine.employees().limits
                == json(
                    [
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
        #expect(reply.message == "Limit per minute has been exceeded. Value of current limit per minute is 3")
        #expect(reply.error?["data"]?["params"] == json(["limit_type": "minute", "limit_max_value": 3] as KeyValuePairs<String, Any>))
        #expect(reply.limits?["minute_reset"] == .int(17))
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
        #expect(reply.message == "Limit per day has been exceeded. Value of current limit per day is 2")
        #expect(reply.error?["data"]?["params"]?["limit_type"] == .string("day"))
        #expect(reply.limits?["day_reset"] == .int(6160))
        clock.advance(by: 6160)
        #expect(engine.employees().limits?["day_remaining"] == .int(1))
    }

    @Test func onlySuccessfulCallsAreCharged() {
        let engine = engine(minute: 2)
        #expect(engine.employees(["limit": .int(-1)]).limits?["minute_remaining"] == .int(2))
        #expect(
            engine.employees(["filter": json(["field": "patronymic", "operator": "=", "value": "x"] as KeyValuePairs<String, Any>)])
                .mnemonic == "filter_prohibited")
        #expect(engine.employees().limits?["minute_remaining"] == .int(1))
        #expect(engine.employees().limits?["minute_remaining"] == .int(0))
        #expect(engine.employees().mnemonic == "limit_exceeded")
    }

    @Test("Budgets belong to the account: its permanent key, a session key and an agent's key acting for it share them")
    func budgetsArePerAccount() {
        let other = APIKey(token: "other-customer", role: .customer(userID: 2))
        let engine = makeEngine(FilterFixture.employees, clock: clock, dayLimit: 4, minuteLimit: 100, keys: [other])
        let session = engine.call("login.user", ["login": .string("demo"), "password": .string("demo")])
        let sessionKey = session.result?["data"]?["access_token"]?.stringValue ?? ""
        #expect(engine.employees().limits?["day_remaining"] == .int(3))
        #expect(engine.employees(["user_id": .int(1)], token: "agent-test-token").limits?["day_remaining"] == .int(2))
        #expect(engine.employees(token: sessionKey).limits?["day_remaining"] == .int(1))
        #expect(engine.employees(token: sessionKey).limits?["day_remaining"] == .int(0))
        for token in [testToken, sessionKey] {
            let refused = engine.employees(token: token)
            #expect(refused.mnemonic == "limit_exceeded", "\(token)")
            #expect(refused.error?["data"]?["params"]?["limit_type"] == .string("day"))
        }
        #expect(engine.employees(["user_id": .int(1)], token: "agent-test-token").mnemonic == "limit_exceeded")
        // Another account keeps its own budget.
        #expect(engine.employees(token: "other-customer").limits?["day_remaining"] == .int(3))
    }

    @Test("Every counted reply carries metadata.limits, structural errors included; uncounted ones (auth, parse) carry none")
    func metadataOnEveryCountedError() {
        let engine = engine(minute: 10)
        let counted: [(JSONObject, String)] = [
            (["limit": .string("ten")], "data_type_error"),
            (["bogus": .int(1)], "unexpected_parameters"),
            (["fields": .string("id")], "data_type_error"),
            (["filter": json(["field": "full_name", "operator": "~", "value": "x"] as KeyValuePairs<String, Any>)], "invalid_parameter_value"),
            (["sort": json([["field": "email"] as KeyValuePairs<String, Any>])], "sort_prohibited"),
            (["user_id": .string("1")], "data_type_error"),
        ]
        for (params, mnemonic) in counted {
            let reply = engine.employees(params)
            #expect(reply.mnemonic == mnemonic, "\(params)")
            #expect(reply.limits?["minute_remaining"] == .int(10), "\(params): not charged, but reported")
        }
        let uncounted: [EngineReply] = [
            engine.call("get.employees", [:]),
            engine.employees(token: "nobody"),
            engine.employees(["user_id": .string("1")], token: "agent-test-token"),
            EngineReply(engine.handle(Array("{not json".utf8))),
        ]
        for reply in uncounted {
            #expect(reply.error != nil && reply.error?["data"]?["metadata"] == nil, "\(reply.json)")
        }
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
