import DataAPIClient
import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

/// Keys, agents and `user_id`, sessions (spec §1, §7, §8).
@Suite struct EngineAuthTests {
    let clock = ManualClock()
    let engine: Engine

    init() {
        engine = makeEngine(
            FilterFixture.employees, clock: clock,
            keys: [
                APIKey(token: "blocked", role: .customer(userID: 1), isBlocked: true),
                APIKey(token: "expired", role: .customer(userID: 1), isExpired: true),
                APIKey(token: "blocked-and-expired", role: .customer(userID: 1), isBlocked: true, isExpired: true),
                APIKey(token: "agent-2", role: .agent(customerUserIDs: [1, 9])),
            ])
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let token: String
        let userID: Int64?
        let mnemonic: String?
        let code: Int64?
        let field: String?
        var testDescription: String { "\(token) user_id \(userID.map(String.init) ?? "-")" }
    }

    static let cases: [Case] = [
        Case(token: testToken, userID: nil, mnemonic: nil, code: nil, field: nil),
        Case(token: testToken, userID: 1, mnemonic: nil, code: nil, field: nil),
        Case(token: testToken, userID: 2, mnemonic: "forbidden", code: -32003, field: "user_id"),
        Case(token: "agent-test-token", userID: 1, mnemonic: nil, code: nil, field: nil),
        Case(token: "agent-test-token", userID: nil, mnemonic: "required_parameter_missed", code: -32602, field: "user_id"),
        Case(token: "agent-test-token", userID: 9, mnemonic: "forbidden", code: -32003, field: "user_id"),
        Case(token: "agent-2", userID: 9, mnemonic: nil, code: nil, field: nil),
        Case(token: "nobody", userID: nil, mnemonic: "access_token_invalid", code: -32001, field: "access_token"),
        Case(token: "", userID: nil, mnemonic: "access_token_invalid", code: -32001, field: "access_token"),
        Case(token: "blocked", userID: nil, mnemonic: "access_token_blocked", code: -32001, field: "access_token"),
        Case(token: "expired", userID: nil, mnemonic: "access_token_expired", code: -32001, field: "access_token"),
        Case(token: "blocked-and-expired", userID: nil, mnemonic: "access_token_blocked", code: -32001, field: "access_token"),
    ]

    @Test(arguments: cases)
    func keyAndUserID(_ c: Case) {
        var params: JSONObject = ["access_token": .string(c.token)]
        if let userID = c.userID { params["user_id"] = .int(userID) }
        let reply = engine.call("get.employees", params)
        #expect(reply.mnemonic == c.mnemonic, "\(reply.json.encodedString())")
        #expect(reply.code == c.code)
        #expect(reply.field == c.field)
        if c.mnemonic == nil { #expect(reply.ids == [1, 2, 3, 4]) }
    }

    @Test func accessTokenOfTheWrongType() {
        let reply = engine.call("get.employees", ["access_token": .int(5)])
        #expect(reply.mnemonic == "data_type_error")
        #expect(reply.field == "access_token")
    }

    func login(_ login: String = "demo", _ password: String = "demo") -> EngineReply {
        engine.call("login.user", ["login": .string(login), "password": .string(password)])
    }

    @Test func loginGivesASessionKeyThatWorks() throws {
        let reply = login()
        let data = try #require(reply.result?["data"])
        #expect(data.objectValue?.keys == ["access_token", "expire_at", "app_id"])
        let token = try #require(data["access_token"]?.stringValue)
        #expect(token.count == 32)
        #expect(data["expire_at"] == .int(1_700_000_000 + 3600))
        #expect(data["app_id"] == .int(1))
        #expect(engine.employees(token: token).ids == [1, 2, 3, 4])
        #expect(engine.employees(["user_id": .int(1)], token: token).error == nil)
        #expect(engine.employees(["user_id": .int(2)], token: token).mnemonic == "forbidden")
        #expect(login().result?["data"]?["access_token"]?.stringValue != token)
    }

    @Test(arguments: [("demo", "wrong"), ("wrong", "demo"), ("", "")])
    func wrongLoginIsAnAuthError(_ name: String, _ password: String) {
        let reply = login(name, password)
        #expect(reply.mnemonic == "auth_error")
        #expect(reply.code == -32001)
    }

    @Test func loginParamsAreChecked() {
        #expect(engine.call("login.user", ["login": .string("demo")]).mnemonic == "required_parameter_missed")
        #expect(engine.call("login.user", ["login": .string("demo")]).field == "password")
        #expect(engine.call("login.user", ["login": .int(1), "password": .string("demo")]).mnemonic == "data_type_error")
        #expect(engine.call("login.user", ["login": .string("demo"), "password": .string("demo"), "x": .null]).field == "x")
    }

    @Test func sessionExpiresAfterItsLifetime() throws {
        let token = try #require(login().result?["data"]?["access_token"]?.stringValue)
        clock.advance(by: 3599)
        #expect(engine.employees(token: token).error == nil)
        clock.advance(by: 1)
        let reply = engine.employees(token: token)
        #expect(reply.mnemonic == "access_token_invalid")
        #expect(reply.code == -32001)
        #expect(engine.call("logout.user", ["access_token": .string(token)]).mnemonic == "access_token_invalid")
    }

    @Test func logoutEndsTheSession() throws {
        let token = try #require(login().result?["data"]?["access_token"]?.stringValue)
        let other = try #require(login().result?["data"]?["access_token"]?.stringValue)
        let reply = engine.call("logout.user", ["access_token": .string(token)])
        #expect(reply.result?["data"] == .object([:]))
        #expect(engine.employees(token: token).mnemonic == "access_token_invalid")
        #expect(engine.employees(token: other).error == nil)
        #expect(engine.call("logout.user", ["access_token": .string(token)]).mnemonic == "access_token_invalid")
        #expect(engine.call("logout.user", ["access_token": .string(testToken)]).mnemonic == "invalid_parameter_value")
        #expect(engine.call("logout.user", [:]).mnemonic == "required_parameter_missed")
    }
}
