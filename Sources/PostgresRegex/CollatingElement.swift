/// The collating elements PostgreSQL accepts in `[[.name.]]`: any single character, or one of
/// the POSIX names of ASCII characters below.
enum CollatingElement {
    /// Resolves the text between `[.` and `.]` (PostgreSQL's `element()`).
    /// - Parameter name: The scalars of the name; must not be empty.
    /// - Returns: The character it stands for, or `nil` when PostgreSQL does not know it.
    static func value(named name: [UInt32]) -> UInt32? {
        if name.count == 1 { return name[0] }
        var text = ""
        text.unicodeScalars.append(contentsOf: name.compactMap(Unicode.Scalar.init))
        return namedCharacters[text]
    }

    private static let namedCharacters: [String: UInt32] = {
        let controlNames = [
            "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR",
            "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC",
        ]
        var names = Dictionary(uniqueKeysWithValues: controlNames.enumerated().map { ($1, UInt32($0)) })
        let others: [(String, Unicode.Scalar)] = [
            ("alert", "\u{07}"), ("backspace", "\u{08}"), ("tab", "\t"), ("newline", "\n"),
            ("vertical-tab", "\u{0B}"), ("form-feed", "\u{0C}"), ("carriage-return", "\r"),
            ("IS4", "\u{1C}"), ("FS", "\u{1C}"), ("IS3", "\u{1D}"), ("GS", "\u{1D}"),
            ("IS2", "\u{1E}"), ("RS", "\u{1E}"), ("IS1", "\u{1F}"), ("US", "\u{1F}"),
            ("space", " "), ("exclamation-mark", "!"), ("quotation-mark", "\""), ("number-sign", "#"),
            ("dollar-sign", "$"), ("percent-sign", "%"), ("ampersand", "&"), ("apostrophe", "'"),
            ("left-parenthesis", "("), ("right-parenthesis", ")"), ("asterisk", "*"), ("plus-sign", "+"),
            ("comma", ","), ("hyphen", "-"), ("hyphen-minus", "-"), ("period", "."), ("full-stop", "."),
            ("slash", "/"), ("solidus", "/"), ("zero", "0"), ("one", "1"), ("two", "2"), ("three", "3"),
            ("four", "4"), ("five", "5"), ("six", "6"), ("seven", "7"), ("eight", "8"), ("nine", "9"),
            ("colon", ":"), ("semicolon", ";"), ("less-than-sign", "<"), ("equals-sign", "="),
            ("greater-than-sign", ">"), ("question-mark", "?"), ("commercial-at", "@"),
            ("left-square-bracket", "["), ("backslash", "\\"), ("reverse-solidus", "\\"),
            ("right-square-bracket", "]"), ("circumflex", "^"), ("circumflex-accent", "^"),
            ("underscore", "_"), ("low-line", "_"), ("grave-accent", "`"), ("left-brace", "{"),
            ("left-curly-bracket", "{"), ("vertical-line", "|"), ("right-brace", "}"),
            ("right-curly-bracket", "}"), ("tilde", "~"), ("DEL", "\u{7F}"),
        ]
        for (name, scalar) in others { names[name] = scalar.value }
        return names
    }()
}
