import DataAPIClient
import DataAPIContract
import DataAPIServer
import Foundation
import Logging
import Synchronization

/// A reference server running on a free port of 127.0.0.1 for the length of a test.
///
/// ```swift
/// try await HTTPTestServer.with(engine: engine) { server in
///     let reply = try await post(server.url, body)
/// }
/// ```
public struct HTTPTestServer: Sendable {
    /// The bound port.
    public let port: Int
    /// The endpoint, `http://127.0.0.1:PORT/v2.0`.
    public var url: String { "http://\(HTTPServer.host):\(port)\(HTTPServer.path)" }
    /// The base URL without the path, `http://127.0.0.1:PORT`.
    public var origin: String { "http://\(HTTPServer.host):\(port)" }

    /// A logger that drops everything, so tests stay quiet.
    public static let quietLogger = Logger(label: "empsh.serve.test") { _ in SwiftLogNoOpLogHandler() }

    /// Starts a server on a free port, runs `body`, then stops the server by cancelling it and waits until it has stopped.
    /// - Parameters:
    ///   - engine: The engine that answers.
    ///   - configuration: The server's configuration; its port is replaced by 0. Quiet, without faults, by default.
    ///   - body: The test, given the running server.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the server throws; `HTTPTestServerError` when the server stopped before listening.
    public static func with<T: Sendable>(
        engine: Engine, configuration: HTTPServer.Configuration = .init(logger: quietLogger),
        _ body: (HTTPTestServer) async throws -> T
    ) async throws -> T {
        var configuration = configuration
        configuration.port = 0
        let server = HTTPServer(engine: engine, configuration: configuration)
        let (ports, sink) = AsyncStream.makeStream(of: Int.self)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                defer { sink.finish() }
                try await server.run { port in sink.yield(port) }
            }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                try await group.waitForAll()
                throw HTTPTestServerError(message: "the server stopped before listening")
            }
            let result: Result<T, any Error>
            do { result = .success(try await body(HTTPTestServer(port: port))) } catch { result = .failure(error) }
            group.cancelAll()
            try await group.waitForAll()
            return try result.get()
        }
    }
}

extension HTTPTestServer {
    /// Serves in-process what `empsh serve` serves for `serve`: the same generated company, key, point budgets,
    /// faults and fault seed (as `runServe` builds them), without touching the process's signal handlers.
    /// - Parameters:
    ///   - serve: What `empsh serve` was told; its `token` must be set, its `port` is ignored.
    ///   - logger: The server's logger (one line per request, one per injected fault); quiet by default.
    ///   - body: The test, given the running server.
    /// - Returns: What `body` returns.
    /// - Throws: What `body` or the server throws.
    public static func with<T: Sendable>(
        serve: ServeConfiguration, logger: Logger = quietLogger, _ body: (HTTPTestServer) async throws -> T
    ) async throws -> T {
        let employees = DemoCompany.generate(employees: serve.employees ?? DemoCompany.defaultEmployeeCount, seed: serve.seed)
        let engine = Engine(.demo(employees: employees, token: serve.token ?? "demo-key", dayLimit: serve.dayLimit, minuteLimit: serve.minuteLimit))
        let configuration = HTTPServer.Configuration(
            faults: serve.faults, faultSeed: serve.faultSeed, dayLimit: serve.dayLimit, minuteLimit: serve.minuteLimit, logger: logger)
        return try await with(engine: engine, configuration: configuration, body)
    }
}

/// Log lines kept in memory: `LEVEL MESSAGE [METADATA] ERROR`, for tests that count requests or look for secrets.
public final class LineLog: Sendable {
    private let store = Mutex<[String]>([])

    /// Creates an empty log.
    public init() {}

    /// Every line so far.
    public var lines: [String] { store.withLock { $0 } }

    /// A logger at `trace` that writes here.
    public var logger: Logger {
        var logger = Logger(label: "test") { _ in Handler(log: self) }
        logger.logLevel = .trace
        return logger
    }

    fileprivate func append(_ line: String) { store.withLock { $0.append(line) } }

    private struct Handler: LogHandler {
        let log: LineLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let error = event.error.map { " \($0)" } ?? ""
            log.append("\(event.level) \(event.message) \(self.metadata.merging(event.metadata ?? [:]) { $1 })\(error)")
        }

    }
}

/// The test server could not start.
public struct HTTPTestServerError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Seeds that make the fault injector's first decisions come out as a test needs them.
///
/// The injector is pure and its decisions depend only on the seed and the order of the requests, so a
/// test that wants "the first two requests fail, the next six do not" searches for such a seed instead
/// of adding a switch to the server.
public enum FaultSchedule {
    /// The smallest seed whose first decisions follow `pattern`.
    /// - Parameters:
    ///   - configuration: The injector's configuration (probability, kinds, delays).
    ///   - pattern: One entry per request, in order: `true` a fault whose kind is in `allowed`, `false` no fault.
    ///   - allowed: The kinds a fault of the pattern may have; all by default.
    ///   - injectorSeed: Maps a candidate seed to the injector's seed; the identity by default. `empsh serve`
    ///     derives its fault seed from `--seed`, so pass `{ ServeConfiguration(seed: $0).faultSeed }` for it.
    ///   - limit: The most candidates tried; a million by default.
    /// - Returns: The seed (before `injectorSeed`), or `nil` when none below `limit` fits.
    public static func seed(
        _ configuration: FaultInjector.Configuration, pattern: [Bool], allowed: Set<FaultInjector.Kind> = Set(FaultInjector.Kind.allCases),
        injectorSeed: (UInt64) -> UInt64 = { $0 }, limit: UInt64 = 1_000_000
    ) -> UInt64? {
        candidates: for candidate in 0..<limit {
            var injector = FaultInjector(configuration, seed: injectorSeed(candidate))
            for wanted in pattern {
                let kind = injector.next().kind
                guard wanted ? kind.map(allowed.contains) == true : kind == nil else { continue candidates }
            }
            return candidate
        }
        return nil
    }

    /// The fault kinds of the first `count` requests under `seed`, `nil` where a request is served normally.
    /// - Parameters:
    ///   - configuration: The injector's configuration.
    ///   - seed: The injector's seed.
    ///   - count: How many requests.
    /// - Returns: One entry per request.
    public static func kinds(_ configuration: FaultInjector.Configuration, seed: UInt64, count: Int) -> [FaultInjector.Kind?] {
        var injector = FaultInjector(configuration, seed: seed)
        return (0..<count).map { _ in injector.next().kind }
    }
}

/// The `empsh serve` binary running as a child process for the length of a test.
///
/// ```swift
/// let serve = try ServeProcess.start(["--employees", "500", "--token", "T", "--faults", "0.2"])
/// defer { serve.stop() }
/// let result = try await runEmpshDetached(["--url", serve.url, "--token", "T", "-e", "print(employees.count{})"])
/// ```
public final class ServeProcess: @unchecked Sendable {
    private let process: Process
    private let output: OutputBuffer

    private init(process: Process, output: OutputBuffer) {
        self.process = process
        self.output = output
    }

    /// The endpoint it announced, `http://127.0.0.1:PORT/v2.0` (`start` returns once it has).
    public var url: String { Self.announcedURL(in: output.text) ?? "" }

    /// The endpoint a `listening on URL` line of `text` announces.
    private static func announcedURL(in text: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix("listening on ") }.map { String($0.dropFirst("listening on ".count)) }
    }

    /// Starts `empsh serve --port 0 ARGUMENTS` and waits for its `listening on` line.
    /// - Parameters:
    ///   - arguments: Options after `serve --port 0`.
    ///   - timeout: Seconds to wait for the line; 30 by default.
    /// - Returns: The running server.
    /// - Throws: `HTTPTestServerError` when it exits or stays silent (its output in the message); what `Process.run` throws.
    public static func start(_ arguments: [String], timeout: Double = 30) throws -> ServeProcess {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = ["serve", "--port", "0"] + arguments
        let output = OutputBuffer()
        let outPipe = Pipe()
        let errPipe = Pipe()
        process.standardOutput = outPipe
        process.standardError = errPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        output.drain(outPipe.fileHandleForReading)
        output.drain(errPipe.fileHandleForReading)
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if announcedURL(in: output.text) != nil { return ServeProcess(process: process, output: output) }
            if !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        throw HTTPTestServerError(message: "empsh serve did not announce its port; its output: \(output.text)")
    }

    /// Everything it wrote so far, stdout and stderr interleaved as they came.
    public var log: String { output.text }

    /// Its process id (to read `/proc/PID/status`).
    public var processIdentifier: Int32 { process.processIdentifier }

    /// Stops it with SIGINT (a graceful stop) and waits, at most 10 s before killing it.
    /// - Returns: Everything it wrote.
    @discardableResult
    public func stop() -> String {
        if process.isRunning {
            process.interrupt()
            let deadline = Date().addingTimeInterval(10)
            while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        output.waitForEnd(timeout: 2)
        return output.text
    }

    /// Sends SIGTERM and waits for the exit, at most `limit` before killing it.
    /// - Parameter limit: The longest wait; 10 s by default.
    /// - Returns: How long the process took to exit (`limit` or more when it had to be killed), and its status.
    public func terminate(within limit: Duration = .seconds(10)) -> (elapsed: Duration, status: Int32) {
        let start = ContinuousClock.now
        if process.isRunning {
            process.terminate()
            while process.isRunning, ContinuousClock.now - start < limit { Thread.sleep(forTimeInterval: 0.01) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        output.waitForEnd(timeout: 2)
        return (elapsed, process.terminationStatus)
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
}

/// Collects a child's output from its pipes on background threads.
private final class OutputBuffer: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()
    private let done = DispatchGroup()

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    func drain(_ handle: FileHandle) {
        done.enter()
        Thread.detachNewThread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock { data.append(chunk) }
            }
            done.leave()
        }
    }

    func waitForEnd(timeout: Double) { _ = done.wait(timeout: .now() + timeout) }
}

/// `runEmpsh` on a thread of its own, so a test's wait for the child does not hold a thread of Swift's cooperative pool.
/// - Parameters:
///   - arguments: The command line.
///   - environment: Variables added to the test's environment.
///   - timeout: Seconds before the child is killed; 60 by default.
/// - Returns: What it produced.
/// - Throws: What `runEmpsh` throws.
public func runEmpshDetached(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 300) async throws -> EmpshResult {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try runEmpsh(arguments, environment: environment, timeout: timeout) })
        }
    }
}
