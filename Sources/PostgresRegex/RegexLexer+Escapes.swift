extension RegexLexer {
    /// PostgreSQL's largest character value (`CHR_MAX`); larger escapes are errors.
    static let largestCharacterValue: UInt32 = 0x7FFF_FFFE

    /// Decodes an ARE backslash escape, the backslash already consumed (PostgreSQL's
    /// `lexescape`). Used both in the main text and inside brackets, where the caller rejects
    /// the kinds of escape that are not allowed there.
    /// - Returns: The token the escape stands for.
    /// - Throws: `RegexSyntaxError.invalidEscape` for an unknown letter or malformed number.
    mutating func escapeToken() throws(RegexSyntaxError) -> RegexToken {
        let character = pattern[position]
        position += 1
        guard
            isDigit(character) || (ascii("a")...ascii("z")).contains(character)
                || (ascii("A")...ascii("Z")).contains(character)
        else {
            return .literal(character)
        }
        switch character {
        case ascii("a"): return .literal(0x07)
        case ascii("A"): return .stringStart
        case ascii("b"): return .literal(0x08)
        case ascii("B"): return .literal(ascii("\\"))
        case ascii("c"):
            guard let controlled = peek() else { throw .invalidEscape }
            position += 1
            return .literal(controlled & 0x1F)
        case ascii("d"): return .classShorthand(.digit, complemented: false)
        case ascii("D"): return .classShorthand(.digit, complemented: true)
        case ascii("e"): return .literal(0x1B)
        case ascii("f"): return .literal(0x0C)
        case ascii("m"): return .wordStart
        case ascii("M"): return .wordEnd
        case ascii("n"): return .literal(0x0A)
        case ascii("r"): return .literal(0x0D)
        case ascii("s"): return .classShorthand(.space, complemented: false)
        case ascii("S"): return .classShorthand(.space, complemented: true)
        case ascii("t"): return .literal(0x09)
        case ascii("u"): return .literal(try characterValue(base: 16, minimumLength: 4, maximumLength: 4))
        case ascii("U"): return .literal(try characterValue(base: 16, minimumLength: 8, maximumLength: 8))
        case ascii("v"): return .literal(0x0B)
        case ascii("w"): return .classShorthand(.word, complemented: false)
        case ascii("W"): return .classShorthand(.word, complemented: true)
        case ascii("x"): return .literal(try characterValue(base: 16, minimumLength: 1, maximumLength: 255))
        case ascii("y"): return .wordBoundary
        case ascii("Y"): return .notWordBoundary
        case ascii("Z"): return .stringEnd
        case ascii("1")...ascii("9"):
            let afterFirstDigit = position
            position -= 1
            let number = try readDigits(base: 10, minimumLength: 1, maximumLength: 255)
            // PostgreSQL's heuristic: one digit, or no more than the groups opened so far,
            // is a back-reference; anything else is read again as an octal escape.
            let value = Int32(bitPattern: number)
            if position == afterFirstDigit || (value > 0 && Int(value) <= capturingGroupsOpened) {
                return .backReference(Int(value))
            }
            position = afterFirstDigit
            return try octalEscape()
        case ascii("0"): return try octalEscape()
        default: throw .invalidEscape
        }
    }

    /// An octal escape whose first digit is the scalar just consumed.
    private mutating func octalEscape() throws(RegexSyntaxError) -> RegexToken {
        position -= 1
        var value = try readDigits(base: 8, minimumLength: 1, maximumLength: 3)
        if value > 0xFF {
            // Out of range: the third digit was one too many.
            position -= 1
            value >>= 3
        }
        return .literal(value)
    }

    /// Reads a number for `\u`, `\U` or `\x` and checks it is a character value PostgreSQL allows.
    private mutating func characterValue(
        base: UInt32, minimumLength: Int, maximumLength: Int
    ) throws(RegexSyntaxError) -> UInt32 {
        let value = try readDigits(base: base, minimumLength: minimumLength, maximumLength: maximumLength)
        guard value <= Self.largestCharacterValue else { throw .invalidEscape }
        return value
    }

    /// Reads up to `maximumLength` digits of `base` (PostgreSQL's `lexdigits`); like it,
    /// lets the value wrap around rather than checking for overflow.
    /// - Throws: `RegexSyntaxError.invalidEscape` when fewer than `minimumLength` digits follow.
    mutating func readDigits(
        base: UInt32, minimumLength: Int, maximumLength: Int
    ) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        var length = 0
        while length < maximumLength, let character = peek() {
            guard let digitValue = Self.digitValue(character), digitValue < base else { break }
            value = value &* base &+ digitValue
            position += 1
            length += 1
        }
        guard length >= minimumLength else { throw .invalidEscape }
        return value
    }

    /// The value of an ASCII hexadecimal digit.
    private static func digitValue(_ character: UInt32) -> UInt32? {
        switch character {
        case ascii("0")...ascii("9"): return character - ascii("0")
        case ascii("a")...ascii("f"): return character - ascii("a") + 10
        case ascii("A")...ascii("F"): return character - ascii("A") + 10
        default: return nil
        }
    }
}
