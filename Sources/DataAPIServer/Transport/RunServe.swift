import EmployeeQuery
import Logging

/// Runs `empsh serve`: validates the configuration, builds the company and the engine, serves
/// `POST /v2.0` on 127.0.0.1 until SIGINT or SIGTERM (or the task's cancellation), then stops
/// gracefully.
///
/// Once the port is bound it announces, one line each: `listening on http://127.0.0.1:PORT/v2.0`,
/// then, only when no token was configured, `demo key: KEY` with the generated key.
/// - Parameters:
///   - configuration: What to serve and how.
///   - logger: Server events and one line per request (never a body or a token); label `empsh.serve` by default.
///   - afterFlood: Called when the last of a flood of connections closes (`HTTPServer.Configuration.afterFlood`).
///   - announce: Writes one line to stdout and flushes it; called from the calling task.
/// - Throws: `ServeConfigurationError` before anything listens (bad option, bad data file); an I/O
///   error when the port cannot be bound.
public func runServe(
    _ configuration: ServeConfiguration, logger: Logger = Logger(label: "empsh.serve"),
    afterFlood: @escaping @Sendable () -> Void = {}, announce: (String) -> Void
) async throws {
    try configuration.validate()
    let employees =
        try configuration.dataFile.map { path throws(ServeConfigurationError) in try EmployeeFile.load(path: path) }
        ?? DemoCompany.generate(employees: configuration.employees ?? DemoCompany.defaultEmployeeCount, seed: configuration.seed)
    let token = configuration.token ?? DemoKey.generate()
    var engineConfiguration = EngineConfiguration.demo(
        employees: employees, token: token, dayLimit: configuration.dayLimit, minuteLimit: configuration.minuteLimit)
    engineConfiguration.churn = Churn(perSecond: configuration.churn, seed: configuration.seed)
    // Stopping the server cancels the evaluations in flight (`HTTPServer.run`).
    engineConfiguration.evaluationBudget = engineConfiguration.evaluationBudget.cancellable(by: EvaluationCancellation())
    let engine = Engine(engineConfiguration)
    var serverConfiguration = HTTPServer.Configuration(
        port: configuration.port, faults: configuration.faults, faultSeed: configuration.faultSeed,
        dayLimit: configuration.dayLimit, minuteLimit: configuration.minuteLimit, logger: logger)
    serverConfiguration.afterFlood = afterFlood
    let server = HTTPServer(engine: engine, configuration: serverConfiguration)

    let (ports, portSink) = AsyncStream.makeStream(of: Int.self)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { portSink.finish() }
            try await server.run(stopOnSignals: true) { port in portSink.yield(port) }
        }
        for await port in ports {
            announce("listening on http://\(HTTPServer.host):\(port)\(HTTPServer.path)")
            if configuration.token == nil { announce("demo key: \(token)") }
            break
        }
        try await group.waitForAll()
    }
}

/// A fresh demo API key: 32 lowercase letters and digits from the system's secure generator.
enum DemoKey {
    static func generate() -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        var random = SystemRandomNumberGenerator()
        return String((0..<32).map { _ in alphabet[Int(random.next(upperBound: UInt64(alphabet.count)))] })
    }
}
