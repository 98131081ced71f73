import DataAPIClient
import DataAPIContract
import DataAPIServer
import Foundation
import Logging
import TestSupport
import Testing

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif

@Suite("empsh serve: configuration, data file, announcement")
struct HTTPServeTests {
    @Test(
        "Out-of-range values and bad combinations are refused, naming the option",
        arguments: [
            (ServeConfiguration(port: 70_000), "--port"),
            (ServeConfiguration(employees: 9), "--employees"),
            (ServeConfiguration(employees: 200_001), "--employees"),
            (ServeConfiguration(employees: 100, dataFile: "x.json"), "--data"),
            (ServeConfiguration(token: "has space"), "--token"),
            (ServeConfiguration(minuteLimit: 0), "--minute-limit"),
            (ServeConfiguration(dayLimit: -1), "--day-limit"),
            (ServeConfiguration(faultProbability: 1.5), "--faults"),
            (ServeConfiguration(faultProbability: .nan), "--faults"),
        ])
    func invalid(configuration: ServeConfiguration, option: String) {
        #expect {
            try configuration.validate()
        } throws: { error in
            (error as? ServeConfigurationError)?.option == option && "\(error)".contains(option)
        }
    }

    @Test("The defaults and the range ends are valid")
    func valid() throws {
        try ServeConfiguration().validate()
        try ServeConfiguration(port: 0, employees: 10, faultProbability: 1).validate()
        try ServeConfiguration(employees: 200_000, faultProbability: 0).validate()
        #expect(ServeConfiguration().port == 8080)
    }

    @Test("A data file of records round-trips; they come back sorted by id")
    func dataFileRoundTrip() throws {
        let staff = Array(DemoCompany.generate(employees: 20, seed: 3).reversed())
        let bytes = Array("[".utf8) + staff.map { $0.encoded() }.joined(separator: Array(",".utf8)) + Array("]".utf8)
        let loaded = try EmployeeFile.decode(bytes, name: "staff.json")
        #expect(loaded == staff.sorted { $0.id < $1.id })
    }

    @Test(
        "A bad data file is an error naming the file and the problem",
        arguments: [
            ("{\"id\":1}", "must hold a JSON array"),
            ("[{\"id\":1},", "is not valid JSON"),
            ("[{\"id\":1,\"first_name\":5}]", "first_name"),
            ("[{\"id\":1},{\"id\":1}]", "repeats id 1"),
            ("[{\"full_name\":\"No Id\"}]", "positive integer id"),
        ])
    func badDataFile(text: String, problem: String) {
        #expect {
            _ = try EmployeeFile.decode(Array(text.utf8), name: "people.json")
        } throws: { error in
            let message = "\(error)"
            return (error as? ServeConfigurationError)?.kind == .badDataFile && message.contains("people.json") && message.contains(problem)
        }
    }

    @Test("A missing data file is named")
    func missingDataFile() {
        #expect {
            _ = try EmployeeFile.load(path: "/nonexistent/empsh/people.json")
        } throws: { error in
            "\(error)".contains("/nonexistent/empsh/people.json") && "\(error)".contains("no such file")
        }
    }

    @Test("runServe announces the URL and the generated demo key, which opens the account; cancelling stops it")
    func announcesAndServes() async throws {
        let (lines, sink) = AsyncStream.makeStream(of: String.self)
        let serve = Task {
            try await runServe(ServeConfiguration(port: 0, employees: 30, seed: 1), logger: HTTPTestServer.quietLogger) { sink.yield($0) }
        }
        var iterator = lines.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        let keyLine = try #require(await iterator.next())
        #expect(listening.wholeMatch(of: /listening on http:\/\/127\.0\.0\.1:[1-9][0-9]*\/v2\.0/) != nil, "\(listening)")
        #expect(keyLine.wholeMatch(of: /demo key: [a-z0-9]{32}/) != nil, "\(keyLine)")
        let url = String(listening.dropFirst("listening on ".count))
        let key = String(keyLine.dropFirst("demo key: ".count))

        let reply = try await HTTPCurl.send(url, body: HTTPFixtures.request(token: key, limit: 2))
        let decoded = try RPCReply(bytes: reply.body)
        guard case .result(let metadata, _) = decoded.outcome else {
            Issue.record("\(decoded)")
            serve.cancel()
            return
        }
        #expect(metadata.totalItems.map { $0 > 0 && $0 <= 30 } == true)

        serve.cancel()
        _ = await serve.result
        #expect(try await HTTPCurl.send(url, body: [], maxTime: 3).exitCode == 7)
    }

    @Test("runServe with a token announces no key; a bad data file fails before listening")
    func tokenAndBadFile() async throws {
        let (lines, sink) = AsyncStream.makeStream(of: String.self)
        let serve = Task {
            defer { sink.finish() }
            try await runServe(ServeConfiguration(port: 0, token: "given"), logger: HTTPTestServer.quietLogger) { sink.yield($0) }
        }
        var iterator = lines.makeAsyncIterator()
        let listening = try #require(await iterator.next())
        #expect(listening.hasPrefix("listening on "))
        let reply = try await HTTPCurl.send(String(listening.dropFirst("listening on ".count)), body: HTTPFixtures.request(token: "given"))
        #expect((try? RPCReply(bytes: reply.body)).map { if case .result = $0.outcome { true } else { false } } == true)
        serve.cancel()
        _ = await serve.result
        #expect(await iterator.next() == nil, "no demo key line when a token is given")

        await #expect(throws: ServeConfigurationError.self) {
            try await runServe(ServeConfiguration(port: 0, dataFile: "/nonexistent/x.json")) { _ in Issue.record("announced") }
        }
    }
}
