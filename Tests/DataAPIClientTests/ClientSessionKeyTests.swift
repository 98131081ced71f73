import DataAPIContract
import Synchronization
import Testing

@testable import DataAPIClient

#if canImport(Glibc)
    import Glibc
#endif

/// Session keys as servers really hand them out: expired with `access_token_expired`, their end named
/// `expire` or as a date, or with less life than the renewal margin.
@Suite struct ClientSessionKeyTests {
    /// A login reply whose `data` is `members` (besides `access_token`).
    static func login(_ request: RPCRequest, key: String, _ members: [(String, JSON)]) -> [UInt8] {
        let data = JSON.object(JSONObject([("access_token", .string(key))] + members))
        return RPCReply(id: request.id, outcome: .result(metadata: Metadata(), data: data)).encoded()
    }

    /// A server whose keys `sess-N` live `lifetime` seconds by `clock`, named by `expiry` (the login reply's
    /// members for a key's end), and rejected past it with `rejection`.
    static func server(
        clock: TestClock, lifetime: Double, rejection: DataAPIError = .accessTokenExpired(), expiry: @escaping @Sendable (Double) -> [(String, JSON)]
    ) -> ScriptedTransport.Handler {
        let keys = Mutex<[String: Double]>([:])
        return { request, _ in
            if request.method == "login.user" {
                let end = clock.now() + lifetime
                let key = keys.withLock { keys in
                    let key = "sess-\(keys.count + 1)"
                    keys[key] = end
                    return key
                }
                return login(request, key: key, expiry(end))
            }
            let key = request.params["access_token"]?.stringValue ?? ""
            let valid = keys.withLock { ($0[key] ?? 0) > clock.now() }
            return valid ? Fake.page(request, total: 3) : Fake.error(request, rejection)
        }
    }

    @Test func anExpiredSessionKeyLogsInOnceAndRetries() async throws {
        let clock = TestClock()
        // The server ends its keys after an hour but names an end two hours later: the first sign is
        // access_token_expired, which must bring one login and a retry, not the end of the run.
        let transport = ScriptedTransport(Self.server(clock: clock, lifetime: 3600) { [("expire_at", .double($0 + 7200))] })
        let client = Client(transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: clock)
        _ = try await client.count(query: Query())
        clock.advance(by: 3600)
        #expect(try await client.count(query: Query()) == 3)
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "get.employees", "login.user", "get.employees"])
        #expect(transport.requests.last?.params["access_token"] == .string("sess-2"))
    }

    @Test func accessTokenExpiredOnAFreshKeyIsRetriedOnceOnly() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == "login.user"
                ? Self.login(request, key: "sess-x", [("expire_at", .int(4_000_000_000))]) : Fake.error(request, .accessTokenExpired())
        }
        let client = Client(
            transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(error?.mnemonic == .accessTokenExpired)
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "login.user", "get.employees"])
    }

    @Test func aPermanentKeyPastItsEndIsNotRenewed() async throws {
        let transport = ScriptedTransport { request, _ in Fake.error(request, .accessTokenExpired()) }
        let client = Client(transport: transport, credentials: .token("perm-token"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        #expect(error?.mnemonic == .accessTokenExpired)
        #expect(transport.requests.count == 1)
    }

    @Test(arguments: [
        ("expire", "seconds"), ("expire", "date"), ("expire_at", "date"), ("expire_at", "iso"), ("expire", "string seconds"),
    ])
    func theKeysEndIsReadHoweverItIsNamed(member: String, form: String) async throws {
        let clock = TestClock()
        let transport = ScriptedTransport(
            Self.server(clock: clock, lifetime: 3600) { end in
                let value: JSON =
                    switch form {
                    case "seconds": .int(Int64(end))
                    case "string seconds": .string(String(Int64(end)))
                    case "date": .string(Self.date(end, separator: " ", zone: ""))
                    default: .string(Self.date(end, separator: "T", zone: "+03:00"))
                    }
                return [(member, value)]
            })
        let client = Client(transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: clock)
        _ = try await client.count(query: Query())
        clock.advance(by: 3500)
        _ = try await client.count(query: Query())  // still 100 s left: no new login
        clock.advance(by: 60)  // 40 s left, inside the 60 s margin: renewed before the call
        _ = try await client.count(query: Query())
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "get.employees", "login.user", "get.employees"])
    }

    @Test func aShortLivedKeyIsRenewedOnceNotBeforeEveryCall() async throws {
        let clock = TestClock()
        // Every key lives 30 s: less than the 60 s margin from the start.
        let transport = ScriptedTransport(Self.server(clock: clock, lifetime: 30) { [("expire_at", .double($0))] })
        let client = Client(transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: clock)
        for _ in 0..<5 {
            _ = try await client.count(query: Query())
            clock.advance(by: 1)
        }
        #expect(transport.requests.filter { $0.method == "login.user" }.count == 1)
        clock.advance(by: 30)  // past its end: renewed once, before the call
        _ = try await client.count(query: Query())
        _ = try await client.count(query: Query())
        #expect(transport.requests.map(\.method).suffix(3) == ["login.user", "get.employees", "get.employees"])
        #expect(transport.requests.filter { $0.method == "login.user" }.count == 2)
    }

    @Test func aKeyWhoseEndHasPassedByOurClockIsUsedUntilRejected() async throws {
        let clock = TestClock()
        // The server's clock is an hour behind: its expire_at is already past by ours.
        let transport = ScriptedTransport { request, _ in
            request.method == "login.user"
                ? Self.login(request, key: "sess-skew", [("expire_at", .double(clock.now() - 1800))]) : Fake.page(request, total: 3)
        }
        let client = Client(transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: clock)
        for _ in 0..<3 { _ = try await client.count(query: Query()) }
        #expect(transport.requests.map(\.method) == ["login.user", "get.employees", "get.employees", "get.employees"])
    }

    @Test func anUnreadableEndIsAMalformedReply() async throws {
        let transport = ScriptedTransport { request, _ in
            request.method == "login.user" ? Self.login(request, key: "sess-1", [("expire", .string("soon"))]) : Fake.page(request, total: 3)
        }
        let client = Client(
            transport: transport, credentials: .login(login: "ops", password: "pa55word"), configuration: Fake.quiet, clock: TestClock())
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .malformedReply)
        #expect(error?.message.contains("data.expire is neither Unix seconds nor a date") == true, "\(String(describing: error))")
    }

    @Test func datesAreReadAsUTCOrTheirOffset() {
        #expect(SessionExpiry.date("2026-12-07 13:00:00") == 1_796_648_400)
        #expect(SessionExpiry.date("2026-12-07T16:00:00+03:00") == 1_796_648_400)
        #expect(SessionExpiry.date("2026-12-07T13:00:00.5Z") == 1_796_648_400.5)
        #expect(SessionExpiry.date("2026-12-07T10:00:00-0300") == 1_796_648_400)
        #expect(SessionExpiry.date("2026-13-07 13:00:00") == nil)
        #expect(SessionExpiry.date("2026-12-07 13:00") == nil)
        #expect(SessionExpiry.date("2026-12-07 13:00:00 UTC") == nil)
        #expect(SessionExpiry.seconds(.int(1_796_648_400_000)) == 1_796_648_400)  // milliseconds
        #expect(SessionExpiry.seconds(.double(-1)) == nil)
        #expect(SessionExpiry.read(["app_id": .int(1)]) == .absent)
    }

    /// `end` as `YYYY-MM-DD?hh:mm:ss` in UTC, or in +03:00 when `zone` says so.
    static func date(_ end: Double, separator: String, zone: String) -> String {
        var seconds = Int(end) + (zone == "+03:00" ? 3 * 3600 : 0)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(fields.tm_year + 1900)-\(two(fields.tm_mon + 1))-\(two(fields.tm_mday))\(separator)"
            + "\(two(fields.tm_hour)):\(two(fields.tm_min)):\(two(fields.tm_sec))\(zone)"
    }
}
