import ArgumentParser
import DataAPIClient
import DataAPIServer
import Foundation
import Shell

extension ArgumentHelp {
    /// The help of a `--…-file` option, which reads a secret from FILE instead of the command line
    /// (where other users see it in `ps`).
    /// - Parameters:
    ///   - secret: What the file holds, e.g. "the API key".
    ///   - note: Said after "- for standard input", e.g. "; a pipe or FIFO is read once".
    /// - Returns: The help, with FILE as the value's name.
    static func readsSecret(_ secret: String, note: String = "") -> ArgumentHelp {
        ArgumentHelp("Reads \(secret) from FILE (- for standard input\(note)).", valueName: "FILE")
    }
}

/// Which account to talk to: flags over environment over the profile; none → the demo account.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Data API endpoint (EMPSH_URL).", valueName: "URL"))
    var url: String?

    @Option(
        help: ArgumentHelp(
            "A permanent API key (EMPSH_TOKEN). Never printed; other users can see it in ps: prefer --token-file.", valueName: "TOKEN"))
    var token: String?

    @Option(name: .customLong("token-file"), help: .readsSecret("the API key"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("A login for session keys (EMPSH_LOGIN).", valueName: "LOGIN"))
    var login: String?

    @Option(
        help: ArgumentHelp(
            "The password of --login (EMPSH_PASSWORD). Never printed; other users can see it in ps: prefer --password-file, or let empsh ask for it on a terminal.",
            valueName: "PASSWORD"))
    var password: String?

    @Option(name: .customLong("password-file"), help: .readsSecret("the password of --login"))
    var passwordFile: String?

    @Option(name: .customLong("user-id"), help: ArgumentHelp("For agent keys: the customer user to act for.", valueName: "ID"))
    var userID: String?

    @Option(help: ArgumentHelp("A profile of $XDG_CONFIG_HOME/empsh/config.toml (EMPSH_PROFILE).", valueName: "NAME"))
    var profile: String?

    @Option(
        help: ArgumentHelp(
            "How many times a failed call is retried (connection errors, timeouts, 5xx), each announced on stderr, within 10 s in all; 0 to 10.",
            valueName: "N"))
    var retries = 3

    @Option(
        name: .customLong("stall-timeout"),
        help: ArgumentHelp(
            "Fails a call that receives no byte for SECONDS (EMPSH_STALL_TIMEOUT, a profile's stall_timeout); it is retried as --retries says. 10 by default.",
            valueName: "SECONDS"))
    var stallTimeout: String?

    @Flag(name: .customLong("no-cache"), help: "Never answers a call from the response cache.")
    var noCache = false

    @Option(
        help: ArgumentHelp(
            "Writes every call and its reply to FILE (NDJSON, credentials left out).", valueName: "FILE"))
    var record: String?

    @Option(
        help: ArgumentHelp(
            "Answers every call from a file written by --record: no network, no points, no credentials.", valueName: "FILE"))
    var replay: String?

    func validate() throws {
        if record != nil, replay != nil { throw ValidationError("--record and --replay cannot be combined.") }
        guard (0...10).contains(retries) else { throw ValidationError("--retries must be between 0 and 10, not \(retries).") }
        if token != nil, tokenFile != nil { throw ValidationError("Give --token or --token-file, not both.") }
        if password != nil, passwordFile != nil { throw ValidationError("Give --password or --password-file, not both.") }
        if tokenFile == "-", passwordFile == "-" { throw ValidationError("Only one of --token-file and --password-file can read standard input.") }
    }

    /// Whether a secret is read from standard input (which a script then cannot be).
    var readsSecretFromStandardInput: Bool { tokenFile == "-" || passwordFile == "-" }

    /// The files that hold secrets (a `--safe` script may never read them).
    var secretFiles: [String] { [tokenFile, passwordFile].compactMap { $0 }.filter { $0 != "-" } }

    /// The account to talk to: the recording of `--replay`, or the configured account (the demo one when
    /// none is), its calls written to the file of `--record` when given.
    /// - Throws: `ShellError.usage` for a configuration error (its message names no secret), a recording
    ///   that cannot be read or written, or a bad `EMPSH_DEMO_EMPLOYEES`.
    func makeBackend(
        interactive: Bool, onWait: (@Sendable (RateLimitWait) -> Void)?, onRetry: (@Sendable (RetryNotice) -> Void)? = nil
    ) throws -> Backend {
        let environment = ProcessInfo.processInfo.environment
        // Read from `environment` from here on: scripts (and their child processes) never see the secrets.
        unsetenv("EMPSH_TOKEN")
        unsetenv("EMPSH_PASSWORD")
        var configuration = Client.Configuration()
        configuration.cache = interactive && !noCache ? .interactive : .off
        configuration.onWait = onWait
        configuration.onRetry = onRetry
        configuration.retry = .exponential(maxAttempts: retries + 1)
        // A replay answers from its file: no secret is read, asked for or warned about.
        if let replay { return try .replaying(replay, configuration: configuration) }
        // No core file may hold a secret: off before one is read or asked for, and once a profile gave one.
        let secretInEnvironment = ["EMPSH_TOKEN", "EMPSH_PASSWORD", "EMPSH_LOGIN"].contains { !(environment[$0] ?? "").isEmpty }
        if token != nil || tokenFile != nil || password != nil || passwordFile != nil || login != nil || secretInEnvironment {
            CoreDumps.disable()
        }
        if token != nil { SecretInput.warnVisible("--token", instead: "--token-file or EMPSH_TOKEN") }
        if password != nil { SecretInput.warnVisible("--password", instead: "--password-file, EMPSH_PASSWORD or the prompt") }
        let token = try self.token ?? tokenFile.map { try SecretInput.read(file: $0, option: "--token-file") }
        var password = try self.password ?? passwordFile.map { try SecretInput.read(file: $0, option: "--password-file") }
        let namedLogin = login ?? environment["EMPSH_LOGIN"].flatMap { $0.isEmpty ? nil : $0 }
        if let namedLogin, token == nil, password == nil, (environment["EMPSH_PASSWORD"] ?? "").isEmpty,
            isatty(STDIN_FILENO) != 0
        {
            password = SecretInput.prompt("Password for \(namedLogin): ")
        }
        let log: RecordingLog?
        do {
            log = try record.map(RecordingLog.init(path:))
        } catch {
            throw ShellError.usage("\(error)")
        }
        let settings: ClientSettings
        do {
            settings = try ClientSettings.resolve(
                flags: .init(
                    url: url, token: token, login: login, password: password, userID: userID, profile: profile,
                    stallTimeout: stallTimeout),
                environment: environment, readFile: ClientSettings.readFile)
        } catch {
            throw ShellError.usage("\(error)")
        }
        if !settings.credentials.isNone { CoreDumps.disable() }
        if settings.isDemo {
            let size = try Self.demoEmployeeCount(environment["EMPSH_DEMO_EMPLOYEES"])
            var churn = 0
            if let text = environment["EMPSH_DEMO_CHURN"], !text.isEmpty {
                guard let value = Int(text), value >= 0 else {
                    throw ShellError.usage("EMPSH_DEMO_CHURN must be 0 or more employees per second, not \"\(text)\"")
                }
                churn = value
            }
            return .demo(employees: size, churn: churn, configuration: configuration, recordTo: log)
        }
        return try .remote(settings: settings, configuration: configuration, recordTo: log)
    }

    /// The size of the demo account: `EMPSH_DEMO_EMPLOYEES`, checked as `serve --employees` is, or 250
    /// when it is unset or empty.
    /// - Throws: `ShellError.usage` for anything but a whole number from 10 to 200000.
    static func demoEmployeeCount(_ value: String?) throws -> Int {
        guard let value, !value.isEmpty else { return DemoCompany.defaultEmployeeCount }
        let range = DemoCompany.employeeCountRange
        guard let count = Int(value.trimmingCharacters(in: .whitespaces)), range.contains(count) else {
            throw ShellError.usage(
                "EMPSH_DEMO_EMPLOYEES must be a whole number between \(range.lowerBound) and \(range.upperBound), not \"\(value)\"")
        }
        return count
    }
}
