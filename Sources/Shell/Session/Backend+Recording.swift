import DataAPIClient
import DataAPIContract

extension Backend {
    /// An account answered from a recording (`--replay FILE`): no network, no points, no credentials.
    ///
    /// Pacing and retries are off (the recorded limits are not the account's now, and a missing call
    /// stays missing); the configuration's other settings apply.
    /// - Parameters:
    ///   - path: The file `--record` wrote.
    ///   - configuration: The client configuration.
    /// - Returns: A backend whose client talks to a `ReplayTransport`.
    /// - Throws: `ShellError.usage` when the recording cannot be read.
    public static func replaying(_ path: String, configuration: Client.Configuration) throws -> Backend {
        let transport: ReplayTransport
        do {
            transport = try ReplayTransport(path: path)
        } catch {
            throw ShellError.usage("\(error)")
        }
        var configuration = configuration
        configuration.rateLimit = .off
        configuration.retry = .none
        let client = Client(transport: transport, credentials: .none, configuration: configuration)
        return .using(client, accountDescription: transport.endpointDescription)
    }

    /// `transport`, or a `RecordingTransport` around it writing to `log` (`--record FILE`).
    public static func recording(_ transport: any Transport, to log: RecordingLog?) -> any Transport {
        guard let log else { return transport }
        return RecordingTransport(wrapping: transport, log: log)
    }
}
