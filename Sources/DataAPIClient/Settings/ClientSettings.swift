#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where to connect and with which credentials, resolved from flags, environment and a profile.
///
/// Each setting comes from the first of: a flag, the environment, the selected profile of
/// `$XDG_CONFIG_HOME/empsh/config.toml` (`~/.config` when `XDG_CONFIG_HOME` is unset). The profile is
/// `--profile NAME` or `EMPSH_PROFILE`, else `default` when the file has one. Credentials come whole from
/// the highest source that has any: a token, or a login (its password from any source). No credentials
/// anywhere, and no URL, means the embedded demo account.
public struct ClientSettings: Sendable, Hashable, CustomStringConvertible {
    /// The endpoint used when credentials are given without a URL.
    public static let defaultURL = "https://dataapi.uiscom.ru/v2.0"

    /// The command-line flags, as given (all optional).
    public struct Flags: Sendable, Hashable {
        public var url: String?
        public var token: String?
        public var login: String?
        public var password: String?
        public var userID: String?
        public var profile: String?
        /// `--stall-timeout`, seconds, as given.
        public var stallTimeout: String?

        /// Creates flags; every one absent by default.
        public init(
            url: String? = nil, token: String? = nil, login: String? = nil, password: String? = nil,
            userID: String? = nil, profile: String? = nil, stallTimeout: String? = nil
        ) {
            self.url = url
            self.token = token
            self.login = login
            self.password = password
            self.userID = userID
            self.profile = profile
            self.stallTimeout = stallTimeout
        }
    }

    /// The endpoint; `nil` for the embedded demo account (the in-process transport).
    public var url: String?
    /// The credentials (printed as `***`).
    public var credentials: Credentials
    /// The customer user an agent acts for.
    public var userID: Int64?
    /// The profile that was applied, if any.
    public var profile: String?
    /// How long a call may receive no byte before it fails (`--stall-timeout`, `EMPSH_STALL_TIMEOUT`, a profile's
    /// `stall_timeout`); `nil` for the transport's default, 10 seconds.
    public var stallTimeout: Duration?

    /// The longest stall timeout accepted: a day.
    public static let maxStallTimeout = 86_400.0

    /// Whether this is the embedded demo account: no credentials and no URL.
    public var isDemo: Bool { url == nil && credentials.isNone }

    /// `demo account` or `URL as CREDENTIALS[, user_id N][, profile P]`; never a secret.
    public var description: String {
        if isDemo { return "demo account" }
        return "\(url ?? "-") as \(credentials)" + (userID.map { ", user_id \($0)" } ?? "") + (profile.map { ", profile \($0)" } ?? "")
    }

    /// Creates settings directly.
    public init(url: String?, credentials: Credentials, userID: Int64? = nil, profile: String? = nil) {
        self.url = url
        self.credentials = credentials
        self.userID = userID
        self.profile = profile
    }

    /// The profile file's path: `$XDG_CONFIG_HOME/empsh/config.toml`, else `$HOME/.config/empsh/config.toml`.
    /// - Parameter environment: The environment.
    /// - Returns: The path, or `nil` when neither variable is set.
    public static func configFilePath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/empsh/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/empsh/config.toml" }
        return nil
    }

    /// Resolves the settings.
    /// - Parameters:
    ///   - flags: The command-line flags.
    ///   - environment: The environment (`EMPSH_URL`, `EMPSH_TOKEN`, `EMPSH_LOGIN`, `EMPSH_PASSWORD`,
    ///     `EMPSH_USER_ID`, `EMPSH_STALL_TIMEOUT`, `EMPSH_PROFILE`, `XDG_CONFIG_HOME`, `HOME`).
    ///   - readFile: Reads a file, `nil` when it does not exist; the file system by default.
    /// - Returns: The settings.
    /// - Throws: `ConfigurationError`: an unknown profile or a missing file for a named one, invalid TOML,
    ///   a token and a login from the same source, a password without a login, a login without a password,
    ///   a `user_id` that is not an integer, a stall timeout that is not a number of seconds from above 0 to a day.
    public static func resolve(
        flags: Flags, environment: [String: String], readFile: (String) throws -> String? = ClientSettings.readFile
    ) throws(ConfigurationError) -> ClientSettings {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let named = flags.profile ?? env("EMPSH_PROFILE")
        var profileSource: Source?
        var usedProfile: String?
        if let path = configFilePath(environment: environment) {
            let text: String?
            do { text = try readFile(path) } catch let error as ConfigurationError { throw error } catch {
                throw ConfigurationError("cannot read the file: \(error)", file: path)
            }
            if let text {
                let file = try ProfileFile(text: text, path: path)
                let name = named ?? "default"
                if let profile = file.profiles[name] {
                    usedProfile = name
                    profileSource = Source(
                        name: "profile \(name) in \(path)", url: profile.url, token: profile.token, login: profile.login,
                        password: profile.password, userID: profile.userID.map { .parsed($0) },
                        stallTimeout: profile.stallTimeout.map { .parsed($0) }
                    )
                } else if let named {
                    let known = file.profiles.keys.sorted()
                    throw ConfigurationError(
                        "unknown profile \(named)" + (known.isEmpty ? "; the file has none" : " (profiles: \(known.joined(separator: ", ")))"),
                        file: path
                    )
                }
            } else if let named {
                throw ConfigurationError("profile \(named) was asked for, but there is no profile file", file: path)
            }
        } else if let named {
            throw ConfigurationError("profile \(named) was asked for, but neither XDG_CONFIG_HOME nor HOME is set")
        }
        let sources =
            [
                Source(
                    name: "the command line", url: flags.url, token: flags.token, login: flags.login, password: flags.password,
                    userID: flags.userID.map { .text($0, source: "--user-id") },
                    stallTimeout: flags.stallTimeout.map { .text($0, source: "--stall-timeout") }
                ),
                Source(
                    name: "the environment", url: env("EMPSH_URL"), token: env("EMPSH_TOKEN"), login: env("EMPSH_LOGIN"),
                    password: env("EMPSH_PASSWORD"), userID: env("EMPSH_USER_ID").map { .text($0, source: "EMPSH_USER_ID") },
                    stallTimeout: env("EMPSH_STALL_TIMEOUT").map { .text($0, source: "EMPSH_STALL_TIMEOUT") }
                ),
            ] + (profileSource.map { [$0] } ?? [])

        let credentials = try resolveCredentials(sources)
        var userID: Int64?
        if let given = sources.lazy.compactMap(\.userID).first {
            switch given {
            case .parsed(let id): userID = id
            case .text(let text, source: let name):
                guard let id = Int64(text.trimmingSpaces), id > 0 else {
                    throw ConfigurationError("\(name) must be a positive integer, not \"\(text)\"")
                }
                userID = id
            }
        }
        var url = sources.lazy.compactMap(\.url).first
        if url == nil, !credentials.isNone { url = defaultURL }
        var settings = ClientSettings(url: url, credentials: credentials, userID: userID, profile: usedProfile)
        settings.stallTimeout = try sources.lazy.compactMap(\.stallTimeout).first.map(stallTimeout)
        return settings
    }

    /// A stall timeout as its source gave it, checked: more than 0 and at most `maxStallTimeout` seconds.
    static func stallTimeout(_ given: Source.Value<Double>) throws(ConfigurationError) -> Duration {
        let (value, name): (Double?, String)
        switch given {
        case .parsed(let seconds): (value, name) = (seconds, "stall_timeout")
        case .text(let text, let source): (value, name) = (Double(text.trimmingSpaces), source)
        }
        guard let value, value > 0, value <= maxStallTimeout else {
            throw ConfigurationError("\(name) must be a number of seconds above 0 and at most \(Int(maxStallTimeout))")
        }
        return .clampedSeconds(value)
    }

    /// The largest profile file read: 1 MiB.
    public static let maxProfileFileBytes = 1 << 20

    /// Reads a profile file; `nil` when it does not exist. Only a regular file of at most
    /// `maxProfileFileBytes` is read: a FIFO is refused without waiting, a link to `/dev/zero` without reading.
    /// - Throws: `ConfigurationError` naming the file.
    public static func readFile(_ path: String) throws -> String? {
        do {
            return try BoundedFile.read(path, kinds: .regular, limit: maxProfileFileBytes).map { String(decoding: $0, as: UTF8.self) }
        } catch {
            throw ConfigurationError("cannot read the file: \(error)", file: path)
        }
    }
}

extension ClientSettings {
    /// One place settings come from.
    struct Source {
        /// A number as its source gave it: already a number (a profile), or text still to check.
        enum Value<Number> {
            /// A number, from a typed source.
            case parsed(Number)
            /// Text to parse, and the name of the flag or variable it came from (for the error).
            case text(String, source: String)
        }
        typealias UserID = Value<Int64>
        var name: String
        var url: String?
        var token: String?
        var login: String?
        var password: String?
        var userID: UserID?
        var stallTimeout: Value<Double>? = nil
    }

    /// Credentials come whole from the highest source with a token or a login; its password may come
    /// from any source.
    static func resolveCredentials(_ sources: [Source]) throws(ConfigurationError) -> Credentials {
        guard let winner = sources.firstIndex(where: { $0.token != nil || $0.login != nil }) else {
            if let withPassword = sources.first(where: { $0.password != nil }) {
                throw ConfigurationError("a password was given (in \(withPassword.name)) without a login; give --login or EMPSH_LOGIN too")
            }
            return .none
        }
        let source = sources[winner]
        if source.token != nil, source.login != nil {
            throw ConfigurationError("both a token and a login were given in \(source.name); give one of them")
        }
        if let token = source.token {
            if let stray = sources[...winner].first(where: { $0.password != nil }) {
                throw ConfigurationError("a password was given (in \(stray.name)) without a login; a token needs no password")
            }
            guard !token.trimmingSpaces.isEmpty else { throw ConfigurationError("the token given in \(source.name) is empty") }
            return .token(token)
        }
        let login = source.login!
        guard let password = sources.lazy.compactMap(\.password).first else {
            throw ConfigurationError("login \(login) was given (in \(source.name)) without a password; give --password or EMPSH_PASSWORD too")
        }
        return .login(login: login, password: password)
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
