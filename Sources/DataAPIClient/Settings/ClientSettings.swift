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

        /// Creates flags; every one absent by default.
        public init(
            url: String? = nil, token: String? = nil, login: String? = nil, password: String? = nil,
            userID: String? = nil, profile: String? = nil
        ) {
            self.url = url
            self.token = token
            self.login = login
            self.password = password
            self.userID = userID
            self.profile = profile
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
    ///     `EMPSH_USER_ID`, `EMPSH_PROFILE`, `XDG_CONFIG_HOME`, `HOME`).
    ///   - readFile: Reads a file, `nil` when it does not exist; the file system by default.
    /// - Returns: The settings.
    /// - Throws: `ConfigurationError`: an unknown profile or a missing file for a named one, invalid TOML,
    ///   a token and a login from the same source, a password without a login, a login without a password,
    ///   a `user_id` that is not an integer.
    public static func resolve(
        flags: Flags, environment: [String: String], readFile: (String) throws -> String? = ClientSettings.readFile
    ) throws(ConfigurationError) -> ClientSettings {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let named = flags.profile ?? env("EMPSH_PROFILE")
        var profileSource: Source?
        var usedProfile: String?
        if let path = configFilePath(environment: environment) {
            let text: String?
            do { text = try readFile(path) } catch { throw ConfigurationError("cannot read the file: \(error)", file: path) }
            if let text {
                let file = try ProfileFile(text: text, path: path)
                let name = named ?? "default"
                if let profile = file.profiles[name] {
                    usedProfile = name
                    profileSource = Source(
                        name: "profile \(name) in \(path)", url: profile.url, token: profile.token, login: profile.login,
                        password: profile.password, userID: profile.userID.map { .parsed($0) }
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
                    userID: flags.userID.map { .text($0, source: "--user-id") }
                ),
                Source(
                    name: "the environment", url: env("EMPSH_URL"), token: env("EMPSH_TOKEN"), login: env("EMPSH_LOGIN"),
                    password: env("EMPSH_PASSWORD"), userID: env("EMPSH_USER_ID").map { .text($0, source: "EMPSH_USER_ID") }
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
        return ClientSettings(url: url, credentials: credentials, userID: userID, profile: usedProfile)
    }

    /// Reads a file; `nil` when it does not exist.
    public static func readFile(_ path: String) throws -> String? {
        guard let file = fopen(path, "r") else {
            if errno == ENOENT { return nil }
            throw ConfigurationError("cannot open the file (errno \(errno))", file: path)
        }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ClientSettings {
    /// One place settings come from.
    struct Source {
        /// A `user_id` as its source gave it: already a number (a profile), or text still to check.
        enum UserID {
            /// A number, from a typed source.
            case parsed(Int64)
            /// Text to parse, and the name of the flag or variable it came from (for the error).
            case text(String, source: String)
        }
        var name: String
        var url: String?
        var token: String?
        var login: String?
        var password: String?
        var userID: UserID?
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
