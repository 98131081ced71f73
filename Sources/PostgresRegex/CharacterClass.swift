/// A POSIX character class as PostgreSQL classifies characters in a UTF-8 database (through
/// glibc's `isw*` functions), written as PCRE2 syntax built from Unicode properties. The
/// definitions were checked code point by code point against PostgreSQL 15 on glibc 2.36.
enum CharacterClass: CaseIterable {
    case alnum, alpha, ascii, blank, cntrl, digit, graph, lower, print, punct, space, upper, xdigit, word

    /// How a class is written for PCRE2.
    enum Matcher: Equatable {
        /// Items that can stand inside a PCRE2 `[...]`, such as `0-9\p{Lu}`.
        case members(String)
        /// A pattern that matches exactly one character of the class (may use lookahead).
        case expression(String)
    }

    /// Looks a class up by the name used in `[[:name:]]`.
    /// - Parameter name: The name between the colons.
    /// - Returns: The class, or `nil` when PostgreSQL does not know the name.
    init?(name: String) {
        guard let found = Self.allCases.first(where: { "\($0)" == name }) else { return nil }
        self = found
    }

    /// The class to use under case-insensitive matching, where PostgreSQL reads
    /// `[[:upper:]]` and `[[:lower:]]` as `[[:alpha:]]`.
    func folded(caseInsensitive: Bool) -> CharacterClass {
        caseInsensitive && (self == .upper || self == .lower) ? .alpha : self
    }

    // glibc's isspace: ASCII white space and the Unicode spaces that are not no-break.
    private static let spaceMembers = #"\t-\r \x{1680}\x{2000}-\x{2006}\x{2008}-\x{200A}\x{2028}\x{2029}\x{205F}\x{3000}"#
    private static let controlMembers = #"\x{0}-\x{1F}\x{7F}-\x{9F}"#
    // glibc counts digits of every script but ASCII as letters, so alnum is Alphabetic + Nd.
    private static let alphanumericMembers = #"\p{Alphabetic}\p{Nd}"#

    /// The PCRE2 spelling of the class.
    var matcher: Matcher {
        switch self {
        case .alnum: return .members(Self.alphanumericMembers)
        case .alpha: return .expression(#"(?![0-9])["# + Self.alphanumericMembers + "]")
        case .ascii: return .members(#"\x{0}-\x{7F}"#)
        case .blank: return .members(#"\t "#)
        case .cntrl: return .members(Self.controlMembers)
        case .digit: return .members("0-9")
        case .graph:
            return .expression("(?![" + Self.controlMembers + Self.spaceMembers + #"])\P{Cn}"#)
        case .lower: return .members(#"\p{Lowercase}\x{1C5}\x{1C8}\x{1CB}\x{1F2}"#)
        case .print: return .expression("(?![" + Self.controlMembers + #"\x{2028}\x{2029}])\P{Cn}"#)
        case .punct:
            let excluded = Self.alphanumericMembers + Self.controlMembers + Self.spaceMembers
            return .expression("(?![" + excluded + #"])\P{Cn}"#)
        case .space: return .members(Self.spaceMembers)
        case .upper: return .members(#"\p{Uppercase}\p{Lt}"#)
        case .xdigit: return .members("0-9A-Fa-f")
        case .word: return .members(Self.alphanumericMembers + "_")
        }
    }

    /// A PCRE2 atom matching one character of the class, or one character outside it.
    /// - Parameter complemented: Whether to match the characters outside the class.
    func pcreAtom(complemented: Bool) -> String {
        switch (matcher, complemented) {
        case (.members(let members), false): return "[" + members + "]"
        case (.members(let members), true): return "[^" + members + "]"
        case (.expression(let expression), false): return "(?:" + expression + ")"
        case (.expression(let expression), true): return "(?:(?!" + expression + ")(?s:.))"
        }
    }

    /// Whether PostgreSQL treats a character as white space (skipped by `(?x)`).
    static func isSpace(_ value: UInt32) -> Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x1680, 0x2000...0x2006, 0x2008...0x200A, 0x2028, 0x2029, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }
}

extension CharacterClass.Matcher {
    /// The class-item text, when the class can be written inside `[...]`.
    var members: String? {
        if case .members(let members) = self { return members }
        return nil
    }
}
