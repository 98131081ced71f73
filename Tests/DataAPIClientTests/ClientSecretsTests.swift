import DataAPIContract
import EmployeeQuery
import TestSupport
import Testing

@testable import DataAPIClient

@Suite struct ClientSecretsTests {
    static let token = "tok-5f3a9c1e-SECRET"
    static let password = "pa55-SECRET-word"

    @Test func secretsNeverPrintThemselves() {
        let secret = Secret(Self.token)
        #expect("\(secret)" == "***")
        #expect(String(reflecting: secret) == "***")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains(Self.token))

        for credentials in [Credentials.token(Self.token), .login(login: "ops", password: Self.password)] {
            var text = ""
            dump(credentials, to: &text)
            text += "\(credentials) \(String(reflecting: credentials)) \(credentials.kind)"
            #expect(!text.contains(Self.token) && !text.contains(Self.password))
            #expect(text.contains("***"))
        }
        #expect("\(Credentials.login(login: "ops", password: Self.password))" == "login ops, password ***")
    }

    @Test func clientDescriptionHidesTheToken() {
        let client = Client(transport: ScriptedTransport(Fake.server(total: 1)), credentials: .token(Self.token), userID: 7)
        #expect(client.description == "Client(scripted, token ***, user_id 7)")
        #expect(!"\(client.configuration)".contains(Self.token))
    }

    @Test func errorsEchoingSecretsAreScrubbed() async throws {
        // A server that quotes the token back in its error message and value.
        let transport = ScriptedTransport { request, _ in
            Fake.error(
                request,
                DataAPIError(
                    .invalidParameterValue, message: "bad token \(Self.token) given", field: "access_token", value: .string(Self.token)
                ))
        }
        let logs = LineLog()
        let client = Client(
            transport: transport, credentials: .token(Self.token),
            configuration: Client.Configuration(logger: logs.logger), clock: TestClock()
        )
        let error = await #expect(throws: DataAPIError.self) { try await client.count(query: Query()) }
        let text = "\(String(describing: error)) \(String(reflecting: error)) \(error?.value?.encodedString() ?? "")"
        #expect(!text.contains(Self.token))
        #expect(text.contains("bad token *** given"))
        // The request went out with the token, but no log line carries it.
        #expect(transport.bodies[0].contains(Self.token))
        #expect(!logs.lines.isEmpty)
        #expect(logs.lines.contains { $0.contains("\"access_token\":\"***\"") })
        #expect(!logs.lines.contains { $0.contains(Self.token) })
    }

    @Test func passwordsAndSessionKeysStayOutOfLogsAndErrors() async throws {
        let sessionKey = "sess-KEY-0001-SECRET"
        let transport = ScriptedTransport { request, index in
            switch (request.method, index) {
            case ("login.user", _): return Fake.login(request, key: sessionKey, expireAt: 4_000_000_000)
            default: throw TransportError(.timeout, detail: "no reply to a request with \(sessionKey) and \(Self.password)")
            }
        }
        let logs = LineLog()
        let client = Client(
            transport: transport, credentials: .login(login: "ops", password: Self.password),
            configuration: Client.Configuration(retry: .exponential(maxAttempts: 2), logger: logs.logger), clock: TestClock()
        )
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        let text = "\(String(describing: error)) \(String(describing: error?.underlying))"
        #expect(error?.kind == .retriesExhausted)
        for secret in [sessionKey, Self.password] {
            #expect(!text.contains(secret))
            #expect(!logs.lines.contains { $0.contains(secret) })
        }
        #expect(logs.lines.contains { $0.contains("\"password\":\"***\"") })
        #expect(logs.lines.contains { $0.contains("retrying") })
    }

    @Test func scrubberReplacesEveryOccurrence() {
        var scrubber = Scrubber([Secret("abcdef"), Secret("")])
        scrubber.add(Secret("abcdefgh"))
        #expect(scrubber.scrub("x abcdefgh y abcdef z") == "x *** y *** z")
    }

    /// A secret is hidden however a JSON text quotes it.
    @Test(arguments: [#"ab"cd\ef"#, #"tok/en\"#, "tab\there", #"a\"\/b"#, "naïve-токен\u{1}"])
    func scrubberHidesJSONEscapedSecrets(token: String) {
        let scrubber = Scrubber([Secret(token)])
        var quoted: [UInt8] = []
        JSONWriter.appendEscaped(token, to: &quoted)
        let json = String(decoding: quoted, as: UTF8.self)
        let texts = ["raw \(token) end", "{\"access_token\":\(json)}", json.replacingOccurrences(of: "/", with: "\\/")]
        for text in texts {
            let clean = scrubber.scrub(text)
            #expect(!clean.contains(token) && clean.contains("***"), "\(text) -> \(clean)")
            #expect(!clean.contains(String(json.dropFirst().dropLast())), "\(text) -> \(clean)")
        }
    }
}
