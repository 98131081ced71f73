import TOMLKit

/// The profiles of `$XDG_CONFIG_HOME/empsh/config.toml`:
///
/// ```toml
/// [profiles.work]
/// url = "https://dataapi.uiscom.ru/v2.0"
/// token = "…"
/// user_id = 42
/// stall_timeout = 30   # seconds without a byte before a call fails
///
/// [profiles.test]
/// login = "ops"
/// password = "…"
/// ```
struct ProfileFile: Sendable {
    /// One profile's settings, as written.
    struct Profile: Sendable, Hashable {
        var url: String?
        var token: String?
        var login: String?
        var password: String?
        var userID: Int64?
        var stallTimeout: Double?
    }

    static let keys = ["url", "token", "login", "password", "user_id", "stall_timeout"]

    let path: String
    let profiles: [String: Profile]

    /// Parses the file.
    /// - Throws: `ConfigurationError` naming the file and line: invalid TOML, `profiles` or a profile not a
    ///   table, an unknown key, a value of the wrong type. Values are never quoted.
    init(text: String, path: String) throws(ConfigurationError) {
        self.path = path
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw ConfigurationError("invalid TOML: \(Self.withoutQuotes(error.description))", file: path, line: error.source.begin.line)
        } catch {
            throw ConfigurationError("invalid TOML", file: path)
        }
        var profiles: [String: Profile] = [:]
        if let section = table["profiles"] {
            guard let sections = section.table else {
                throw ConfigurationError(
                    "profiles must be a table of [profiles.NAME] sections", file: path, line: Self.line(of: "profiles", in: text))
            }
            for name in sections.keys {
                let line = Self.line(ofSection: name, in: text)
                guard let entries = sections[name]?.table else {
                    throw ConfigurationError("profile \(name) must be a table ([profiles.\(name)])", file: path, line: line)
                }
                var profile = Profile()
                for key in entries.keys {
                    let keyLine = Self.line(of: key, in: text, after: line)
                    let value = entries[key]!
                    switch key {
                    case "url", "token", "login", "password":
                        guard let string = value.string else {
                            throw ConfigurationError("profile \(name): \(key) must be a string", file: path, line: keyLine)
                        }
                        switch key {
                        case "url": profile.url = string
                        case "token": profile.token = string
                        case "login": profile.login = string
                        default: profile.password = string
                        }
                    case "user_id":
                        guard let int = value.int else {
                            throw ConfigurationError("profile \(name): user_id must be an integer", file: path, line: keyLine)
                        }
                        profile.userID = Int64(int)
                    case "stall_timeout":
                        guard let seconds = value.double ?? value.int.map(Double.init) else {
                            throw ConfigurationError("profile \(name): stall_timeout must be a number of seconds", file: path, line: keyLine)
                        }
                        profile.stallTimeout = seconds
                    default:
                        throw ConfigurationError(
                            "profile \(name): unknown key \(key) (known: \(Self.keys.joined(separator: ", ")))", file: path, line: keyLine
                        )
                    }
                }
                profiles[name] = profile
            }
        }
        self.profiles = profiles
    }

    /// The 1-based line of `[profiles.NAME]`, if it can be found.
    static func line(ofSection name: String, in text: String) -> Int? {
        lines(text).firstIndex { line in
            let t = line.filter { $0 != " " && $0 != "\t" }
            return t.hasPrefix("[profiles.\(name)]") || t.hasPrefix("[profiles.\"\(name)\"]")
        }.map { $0 + 1 }
    }

    /// The 1-based line of the first `key =` at or after line `after`, if it can be found.
    static func line(of key: String, in text: String, after: Int? = nil) -> Int? {
        let all = lines(text)
        let start = max(0, (after ?? 1) - 1)
        guard start < all.count else { return after }
        for index in start..<all.count {
            let t = all[index].drop { $0 == " " || $0 == "\t" }
            if t.hasPrefix(key), t.dropFirst(key.count).drop(while: { $0 == " " || $0 == "\t" }).first == "=" { return index + 1 }
        }
        return after
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// A parser message with quoted fragments (which may be a secret's text) replaced by `…`.
    static func withoutQuotes(_ message: String) -> String {
        var out = ""
        var quote: Character?
        for ch in message {
            if let q = quote {
                if ch == q {
                    quote = nil
                    out.append("…")
                    out.append(ch)
                }
            } else if ch == "'" || ch == "\"" {
                quote = ch
                out.append(ch)
            } else {
                out.append(ch)
            }
        }
        if quote != nil { out.append("…") }
        return out
    }
}
