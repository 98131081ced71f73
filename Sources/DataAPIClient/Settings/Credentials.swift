/// How the client proves who it is (spec §8).
///
/// ```swift
/// let credentials = Credentials.token(ProcessInfo.processInfo.environment["EMPSH_TOKEN"]!)
/// print(credentials)  // token ***
/// ```
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// What kind of credentials these are, with the secrets wrapped.
    public enum Kind: Sendable, Hashable {
        /// A permanent API key, sent as it is.
        case token(Secret)
        /// A login and password, exchanged with `login.user` for a session key.
        case login(login: String, password: Secret)
        /// No credentials: the embedded demo account.
        case none
    }

    /// The kind and its secrets.
    public let kind: Kind

    private init(kind: Kind) { self.kind = kind }

    /// A permanent API key.
    /// - Parameter token: The key.
    public static func token(_ token: String) -> Credentials { Credentials(kind: .token(Secret(token))) }

    /// A login and password, exchanged for session keys with `login.user`.
    /// - Parameters:
    ///   - login: The user's login (not secret).
    ///   - password: The password.
    public static func login(login: String, password: String) -> Credentials {
        Credentials(kind: .login(login: login, password: Secret(password)))
    }

    /// No credentials: the demo account.
    public static let none = Credentials(kind: .none)

    /// Whether these are the demo account's (no) credentials.
    public var isNone: Bool { kind == .none }

    /// The secrets these credentials hold, for scrubbing.
    var secrets: [Secret] {
        switch kind {
        case .token(let token): [token]
        case .login(_, let password): [password]
        case .none: []
        }
    }

    /// `token ***`, `login NAME, password ***` or `none (demo account)`.
    public var description: String {
        switch kind {
        case .token: "token ***"
        case .login(let login, _): "login \(login), password ***"
        case .none: "none (demo account)"
        }
    }

    /// The same as `description`.
    public var debugDescription: String { description }
    /// A mirror with no children, so `dump` shows the description only.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
