/// Spelling of single characters in PCRE2 pattern text.
enum PCRE2Text {
    /// A character as PCRE2 text that means exactly that character, both outside and inside a
    /// character class: ASCII letters and digits as they are, anything else as `\x{...}`.
    static func literal(_ value: UInt32) -> String {
        let isASCIIAlphanumeric =
            (0x30...0x39).contains(value) || (0x41...0x5A).contains(value)
            || (0x61...0x7A).contains(value)
        if isASCIIAlphanumeric, let scalar = Unicode.Scalar(value) { return String(Character(scalar)) }
        return #"\x{"# + String(value, radix: 16, uppercase: true) + "}"
    }

    /// A PCRE2 atom matching one character in any of the given forms (a case-insensitive
    /// literal has up to two); characters outside Unicode never match.
    static func atom(matchingAnyOf values: [UInt32]) -> String {
        let valid = values.filter { Unicode.Scalar($0) != nil }
        switch valid.count {
        case 0: return "(?:(?!))"
        case 1: return literal(valid[0])
        default: return "[" + valid.map(literal).joined() + "]"
        }
    }
}
