import ArgumentParser
import DataAPIClient
import DataAPIServer
import Foundation
import Shell

/// Which account to talk to: flags over environment over the profile; none → the demo account.
struct ConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The Data API endpoint (EMPSH_URL).", valueName: "URL"))
    var url: String?

    @Option(help: ArgumentHelp("A permanent API key (EMPSH_TOKEN). Never printed.", valueName: "TOKEN"))
    var token: String?

    @Option(help: ArgumentHelp("A login for session keys (EMPSH_LOGIN).", valueName: "LOGIN"))
    var login: String?

    @Option(help: ArgumentHelp("The password of --login (EMPSH_PASSWORD). Never printed.", valueName: "PASSWORD"))
    var password: String?

    @Option(name: .customLong("user-id"), help: ArgumentHelp("For agent keys: the customer user to act for.", valueName: "ID"))
    var userID: String?

    @Option(help: ArgumentHelp("A profile of $XDG_CONFIG_HOME/empsh/config.toml (EMPSH_PROFILE).", valueName: "NAME"))
    var profile: String?

    @Flag(name: .customLong("no-cache"), help: "Never answers a call from the response cache.")
    var noCache = false

    /// The account to talk to.
    /// - Throws: `ShellError.usage` for a configuration error (its message names no secret).
    func makeBackend(interactive: Bool, onWait: (@Sendable (RateLimitWait) -> Void)?) throws -> Backend {
        let environment = ProcessInfo.processInfo.environment
        let settings: ClientSettings
        do {
            settings = try ClientSettings.resolve(
                flags: .init(url: url, token: token, login: login, password: password, userID: userID, profile: profile),
                environment: environment, readFile: ClientSettings.readFile)
        } catch {
            throw ShellError.usage("\(error)")
        }
        // The secrets are read; scripts (and their child processes) do not see them.
        unsetenv("EMPSH_TOKEN")
        unsetenv("EMPSH_PASSWORD")
        var configuration = Client.Configuration()
        configuration.cache = interactive && !noCache ? .ttl(.seconds(300)) : .off
        configuration.onWait = onWait
        if settings.isDemo {
            let size = environment["EMPSH_DEMO_EMPLOYEES"].flatMap(Int.init) ?? DemoCompany.defaultEmployeeCount
            var churn = 0
            if let text = environment["EMPSH_DEMO_CHURN"], !text.isEmpty {
                guard let value = Int(text), value >= 0 else {
                    throw ShellError.usage("EMPSH_DEMO_CHURN must be 0 or more employees per second, not \"\(text)\"")
                }
                churn = value
            }
            return .demo(employees: size, churn: churn, configuration: configuration)
        }
        return try .remote(settings: settings, configuration: configuration)
    }
}
