import Foundation

/// What every REPL test starts from: a fresh folder for the REPL's state (history, `HOME`), and sessions
/// started in it on a terminal. Sessions of one fixture share the history, as a user's REPLs do.
public struct REPLFixture {
    /// The folder used as `XDG_STATE_HOME` and `HOME`.
    public let state: URL
    /// Variables every session of the fixture gets, under those its start adds.
    public let environment: [String: String]

    /// Creates the state folder.
    /// - Parameter environment: Variables every session gets; by default `NO_COLOR=1`, since colour
    ///   has its own tests (`NO_COLOR: ""` turns colour back on; a churning demo account for `.watch`).
    /// - Throws: When the temporary folder cannot be made.
    public init(environment: [String: String] = ["NO_COLOR": "1"]) throws {
        self.init(state: try makeTemporaryDirectory(), environment: environment)
    }

    /// A fixture whose state is a folder the test made (a small disk to fill).
    /// - Parameters:
    ///   - state: The folder used as `XDG_STATE_HOME` and `HOME`.
    ///   - environment: As for `init(environment:)`.
    public init(state: URL, environment: [String: String] = ["NO_COLOR": "1"]) {
        self.state = state
        self.environment = environment
    }

    /// The history file the REPL keeps under `state`.
    public var historyFile: URL { state.appendingPathComponent("empsh/history") }

    /// Starts the REPL and waits for its first prompt; the banner is the session's `transcript`.
    /// - Parameters:
    ///   - arguments: empsh's arguments.
    ///   - environment: more variables (`LANG`, a token).
    ///   - unset: variables to remove.
    /// - Returns: The session at its first `empsh> `.
    /// - Throws: What `PTYSession.init` and `expect` throw.
    public func start(_ arguments: [String] = [], environment: [String: String] = [:], unset: [String] = []) throws -> PTYSession {
        let session = try launch(arguments, environment: environment, unset: unset)
        try session.expect("empsh> ")
        return session
    }

    /// Starts `empsh` on a terminal in the fixture's state without waiting for anything: a script
    /// run at a terminal, or a banner the test reads itself.
    /// - Parameters:
    ///   - arguments: empsh's arguments.
    ///   - environment: more variables.
    ///   - unset: variables to remove.
    /// - Returns: The session, just started.
    /// - Throws: What `PTYSession.init` throws.
    public func launch(_ arguments: [String] = [], environment: [String: String] = [:], unset: [String] = []) throws -> PTYSession {
        var env = self.environment
        env.merge(["XDG_STATE_HOME": state.path, "HOME": state.path]) { _, new in new }
        env.merge(environment) { _, new in new }
        return try PTYSession(arguments, environment: env, unset: unset)
    }
}
