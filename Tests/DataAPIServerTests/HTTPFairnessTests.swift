import DataAPIContract
import DataAPIServer
import Foundation
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `empsh serve` stays fair: a connection that never finishes its request is closed after the read
/// timeout, and a cheap request is answered while costly ones wait in their bounded pool.
@Suite("HTTP: fairness")
struct HTTPFairnessTests {
    /// Connects to 127.0.0.1:`port`, sends `bytes`, then reads until the server closes the connection.
    /// - Returns: `true` when the server closed it (read gave 0), `false` when the watchdog expired first.
    static func sendAndAwaitClose(port: Int, _ bytes: [UInt8], watchdogSeconds: Int) -> Bool {
        let fd = LoopbackSocket.connect(port: port, watchdogSeconds: watchdogSeconds)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        LoopbackSocket.send(fd, bytes)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count == 0 { return true }
            if count < 0 { return errno == ECONNRESET }
        }
    }

    @Test("Connections that never finish their request head or body are closed after the read timeout")
    func slowClientsAreClosed() async throws {
        var configuration = HTTPServer.Configuration(logger: HTTPTestServer.quietLogger)
        configuration.readTimeout = .milliseconds(300)
        try await HTTPTestServer.with(engine: HTTPFixtures.engine(), configuration: configuration) { server in
            let port = server.port
            let head = Array("POST /v2.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Ty".utf8)
            let body = Array("POST /v2.0 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"".utf8)
            // Watchdog: 30 s, a hundred times the timeout; an open connection would hold it to the end.
            async let headClosed = Task.detached { Self.sendAndAwaitClose(port: port, head, watchdogSeconds: 30) }.value
            async let bodyClosed = Task.detached { Self.sendAndAwaitClose(port: port, body, watchdogSeconds: 30) }.value
            #expect(await headClosed, "a connection with half a request head stayed open")
            #expect(await bodyClosed, "a connection with half a request body stayed open")
            let reply = try await HTTPFixtures.post(server.url, HTTPFixtures.request(id: "1"))
            #expect(reply.status == 200, "the server still answers")
        }
    }

    @Test("A cheap request is answered while costly ones run: it does not queue behind them")
    func cheapRequestIsAnsweredWhileCostlyOnesRun() async throws {
        var engineConfiguration = EngineConfiguration.demo(employees: DemoCompany.generate(employees: 25_000), token: HTTPFixtures.token)
        engineConfiguration.clock = HTTPFixedClock()
        var configuration = HTTPServer.Configuration(logger: HTTPTestServer.quietLogger)
        configuration.costlyEvaluations = 1
        let order = Completions()
        try await HTTPTestServer.with(engine: Engine(engineConfiguration), configuration: configuration) { server in
            let pattern = "(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)[0-9]$"
            try await withThrowingTaskGroup(of: Void.self) { group in
                for id in 1...4 {
                    group.addTask {
                        // The costly ones run one at a time, each for seconds in a debug build on a busy
                        // machine: the deadline is only a watchdog.
                        _ = try await HTTPFixtures.post(
                            server.url, HTTPEvaluationBoundTests.request(pattern: pattern, id: id), timeout: .minutes(10))
                        order.add("costly")
                    }
                }
                // Only sequencing: the costly requests are sent first.
                try await Task.sleep(for: .milliseconds(300))
                let quick = try await HTTPFixtures.post(server.url, HTTPFixtures.request(id: "5"), timeout: .minutes(10))
                order.add("cheap")
                guard case .result = try RPCReply(bytes: quick.body).outcome else {
                    Issue.record("the cheap request failed: \(String(decoding: quick.body, as: UTF8.self))")
                    return
                }
                try await group.waitForAll()
            }
        }
        #expect(order.all == ["cheap", "costly", "costly", "costly", "costly"])
    }

    /// The order in which requests were answered.
    final class Completions: Sendable {
        private let names = Mutex<[String]>([])
        func add(_ name: String) { names.withLock { $0.append(name) } }
        var all: [String] { names.withLock { $0 } }
    }
}
