import DataAPIContract
import DataAPIServer
import Foundation
import TestSupport
import Testing

/// The `empsh` binary against what `empsh serve --faults P --seed S` serves: what a user sees, the exit
/// code, and that no secret reaches the terminal.
///
/// The server runs in-process with the configuration `empsh serve` builds from its options (same company,
/// fault probability, delays and fault seed); the binary's own `serve` subcommand is checked on its own.
@Suite("empsh against empsh serve --faults", .timeLimit(.minutes(5)))
struct ServeFaultTests {
    static let token = "tok-serve-fault-5ac1d2e9"
    static let countScript = "print(employees.count{})"
    static let fetchScript = "local n = 0 for e in employees.each{} do n = n + 1 end print(n) print(#employees.all{})"
    /// The kinds that fail at once (no multi-second delay, no minute wait), for schedules a test can afford.
    static let fastKinds: Set<FaultInjector.Kind> = [.dropConnection, .serverError, .truncatedBody, .malformedBody]

    /// What `empsh serve --employees N --token T --faults P --seed S` serves.
    static func serve(employees: Int, faults: Double = 0, seed: UInt64 = DemoCompany.defaultSeed) -> ServeConfiguration {
        ServeConfiguration(port: 0, employees: employees, seed: seed, token: token, faultProbability: faults)
    }

    /// A `--seed` under which `serve --faults probability` starts with `pattern` (true: a fast fault).
    static func seed(probability: Double, pattern: [Bool]) throws -> UInt64 {
        let faults = ServeConfiguration(faultProbability: probability).faults
        return try #require(
            FaultSchedule.seed(faults, pattern: pattern, allowed: fastKinds, injectorSeed: { ServeConfiguration(seed: $0).faultSeed }))
    }

    static func requests(_ log: LineLog) -> Int { log.lines.filter { $0.contains("POST /v2.0") }.count }
    static func injected(_ log: LineLog) -> Int { log.lines.filter { $0.contains("injecting fault") }.count }

    static func expectNoSecrets(_ texts: [String], _ secrets: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for text in texts {
            for secret in secrets where text.contains(secret) { Issue.record("\(secret) leaked: \(text)", sourceLocation: sourceLocation) }
        }
    }

    @Test("Two faults, then none: each and all retry through them and see every employee; exit 0")
    func recoversThroughFaults() async throws {
        let seed = try Self.seed(probability: 0.3, pattern: [true, true] + Array(repeating: false, count: 10))
        let log = LineLog()
        let result = try await HTTPTestServer.with(serve: Self.serve(employees: 300, faults: 0.3, seed: seed), logger: log.logger) { server in
            try await runEmpshDetached(["--url", server.url, "--token", Self.token, "-e", Self.fetchScript], timeout: 40)
        }
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "300\n300\n")
        #expect(Self.injected(log) == 2, "\(log.lines)")
        Self.expectNoSecrets([result.stdout, result.stderr] + log.lines, [Self.token])
    }

    @Test("Every request fails: exit 3 and one clear line naming retries_exhausted, the method and the failure")
    func retriesExhaustedExitsThree() async throws {
        let seed = try Self.seed(probability: 1, pattern: Array(repeating: true, count: 4))
        let log = LineLog()
        let result = try await HTTPTestServer.with(serve: Self.serve(employees: 50, faults: 1, seed: seed), logger: log.logger) { server in
            try await runEmpshDetached(["--url", server.url, "--token", Self.token, "-e", Self.countScript], timeout: 40)
        }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        // Four attempts, unless a busy machine makes them outlast the retries' 10 s budget first: then
        // fewer, and the message, the notices and the server's log agree on how many.
        let attempts = (2...4).first { result.stderr.contains("retries_exhausted: get.employees failed after \($0) attempts at http://127.0.0.1:") }
        #expect(attempts != nil, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "empsh: retrying get.employees in ").count == (attempts ?? 0), "\(result.stderr)")
        #expect(Self.requests(log) == attempts, "\(log.lines)")
        Self.expectNoSecrets([result.stdout, result.stderr] + log.lines, [Self.token])
    }

    @Test("A bad token: exit 3 with access_token_invalid after one request; the token printed nowhere")
    func badTokenExitsThree() async throws {
        let log = LineLog()
        let wrong = "tok-WRONG-serve-77aa"
        let result = try await HTTPTestServer.with(serve: Self.serve(employees: 50), logger: log.logger) { server in
            try await runEmpshDetached(["--url", server.url, "--token", wrong, "-e", Self.countScript], timeout: 30)
        }
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("access_token_invalid"), "\(result.stderr)")
        #expect(Self.requests(log) == 1, "\(log.lines)")
        Self.expectNoSecrets([result.stdout, result.stderr] + log.lines, [Self.token, wrong])
    }

    @Test("The demo login works over HTTP; a wrong password exits 3 with auth_error and is printed nowhere")
    func loginAndWrongPassword() async throws {
        let log = LineLog()
        let wrong = "pw-WRONG-serve-0xbeef"
        let (good, bad) = try await HTTPTestServer.with(serve: Self.serve(employees: 50), logger: log.logger) { server in
            let good = try await runEmpshDetached(
                ["--url", server.url, "--login", "demo", "--password", "demo", "-e", Self.countScript], timeout: 30)
            let bad = try await runEmpshDetached(["--url", server.url, "--login", "demo", "--password", wrong, "-e", Self.countScript], timeout: 30)
            return (good, bad)
        }
        #expect(good.status == 0 && good.stdout == "50\n", "\(good.stderr)")
        #expect(bad.status == 3, "\(bad.stderr)")
        #expect(bad.stderr.contains("auth_error"), "\(bad.stderr)")
        Self.expectNoSecrets([good.stdout, good.stderr, bad.stdout, bad.stderr] + log.lines, [Self.token, wrong])
    }

    @Test("The binary's own `empsh serve --port 0` announces its port and serves")
    func binaryServeSubcommand() async throws {
        let serve = try ServeProcess.start(["--employees", "50", "--token", Self.token], timeout: 20)
        let result = try await runEmpshDetached(["--url", serve.url, "--token", Self.token, "-e", Self.countScript], timeout: 30)
        serve.stop()
        #expect(result.status == 0 && result.stdout == "50\n", "\(result.stderr)")
    }

    @Test("SIGTERM stops `empsh serve` while 20 costly regexp requests are in flight: their evaluations are cancelled")
    func sigtermWhileEvaluating() async throws {
        let serve = try ServeProcess.start(["--employees", "25000", "--token", Self.token], timeout: 60)
        let body = RPCRequest(
            id: .int(1), method: "get.employees",
            params: [
                "access_token": .string(Self.token),
                "filter": .object([
                    "field": .string("full_name"), "operator": .string("regexp"),
                    "value": .string("(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)[0-9]$"),
                ]),
            ]
        ).encoded()
        let url = serve.url
        let inFlight = (0..<20).map { _ in Task.detached { try? await HTTPCurl.send(url, body: body) } }
        try await Task.sleep(for: .milliseconds(500))
        // A server still evaluating after 30 s is killed, and its status is then not 0.
        let (_, status) = serve.terminate(within: .seconds(30))
        var replies: [String] = []
        for request in inFlight { if let reply = await request.value { replies.append(String(decoding: reply.body, as: UTF8.self)) } }
        #expect(status == 0, "\(serve.log)")
        #expect(replies.contains { $0.contains("the server is stopping") }, "\(replies.prefix(2))")
    }

    @Test("A refused connection: each retry announced on stderr, the failure within 10 s naming the URL, no transport internals")
    func refusedConnectionFailsFastAndSaysSo() async throws {
        let url = "http://127.0.0.1:1/v2.0"
        let result = try await runEmpshDetached(["--url", url, "--token", Self.token, "-e", Self.countScript], timeout: 240)
        // Four attempts within the 10 s retry budget, read from the waits empsh announces rather than from a clock
        // (a busy machine stretches the attempts themselves, not the plan).
        let waits = result.stderr.split(separator: "\n").compactMap { line -> Double? in
            guard let range = line.range(of: "empsh: retrying get.employees in ") else { return nil }
            return Double(line[range.upperBound...].prefix { $0 != " " })
        }
        #expect(waits.count == 3, "\(result.stderr)")
        #expect(waits.reduce(0, +) <= 10, "\(waits)")
        #expect(result.status == 3, "\(result.stderr)")
        #expect(result.stderr.contains("empsh: retrying get.employees in "), "\(result.stderr)")
        #expect(result.stderr.contains("(attempt 2 of 4): connection refused"), "\(result.stderr)")
        #expect(result.stderr.contains("failed after 4 attempts at \(url): connection_failed: connection refused"), "\(result.stderr)")
        for word in ["NIO", "errno", "Error(", "IOError"] { #expect(!result.stderr.contains(word), "\(result.stderr)") }
        let fewer = try await runEmpshDetached(["--url", url, "--token", Self.token, "--retries", "1", "-e", Self.countScript], timeout: 30)
        #expect(fewer.status == 3 && fewer.stderr.contains("failed after 2 attempts at \(url)"), "\(fewer.stderr)")
    }
}
