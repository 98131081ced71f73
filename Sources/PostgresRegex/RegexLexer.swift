/// Splits a PostgreSQL regular expression into tokens, one token ahead of the parser, the way
/// PostgreSQL's `regc_lex.c` does for AREs, EREs, BREs and literal strings. Bracket
/// expressions and bounds are read by the parser straight from `pattern` at `position`.
struct RegexLexer {
    let pattern: [UInt32]
    let options: RegexSyntaxOptions
    /// Index of the next unread scalar.
    var position: Int
    /// The current token (PostgreSQL's `nexttype`).
    private(set) var token: RegexToken = .start
    /// The token before it (PostgreSQL's `lasttype`); BREs read `*` and `^` by it.
    private(set) var previousToken: RegexToken = .start
    /// Capturing groups opened so far; decides whether `\12` is a back-reference or octal.
    var capturingGroupsOpened = 0

    init(pattern: [UInt32], options: RegexSyntaxOptions, position: Int) {
        self.pattern = pattern
        self.options = options
        self.position = position
    }

    var isAtEnd: Bool { position >= pattern.count }
    var isAdvanced: Bool { options.flavor == .advanced }

    /// The scalar `offset` places past `position`, if there is one.
    func peek(_ offset: Int = 0) -> UInt32? {
        position + offset < pattern.count ? pattern[position + offset] : nil
    }

    /// Consumes the next scalar when it is `character`.
    mutating func consume(_ character: Unicode.Scalar) -> Bool {
        guard peek() == character.value else { return false }
        position += 1
        return true
    }

    /// Reads the next token into `token`.
    /// - Throws: `RegexSyntaxError` for a malformed escape or `(?` construct.
    mutating func advance() throws(RegexSyntaxError) {
        previousToken = token
        while true {
            if options.expanded && options.flavor != .literal { skipWhiteSpaceAndComments() }
            guard !isAtEnd else {
                token = .end
                return
            }
            let character = pattern[position]
            position += 1
            switch options.flavor {
            case .literal: token = .literal(character)
            case .basic: token = try basicToken(character)
            case .advanced, .extended:
                guard let next = try extendedToken(character) else { continue }  // a (?#...) comment
                token = next
            }
            return
        }
    }

    /// Skips white space and `#` comments, for `(?x)`.
    mutating func skipWhiteSpaceAndComments() {
        while let character = peek() {
            if CharacterClass.isSpace(character) {
                position += 1
            } else if character == ascii("#") {
                while let commented = peek(), commented != ascii("\n") { position += 1 }
            } else {
                return
            }
        }
    }

    /// A token of an ARE or ERE; `nil` after skipping a `(?#...)` comment.
    private mutating func extendedToken(_ character: UInt32) throws(RegexSyntaxError) -> RegexToken? {
        switch character {
        case ascii("|"): return .alternation
        case ascii("*"): return .star(greedy: !(isAdvanced && consume("?")))
        case ascii("+"): return .plus(greedy: !(isAdvanced && consume("?")))
        case ascii("?"): return .question(greedy: !(isAdvanced && consume("?")))
        case ascii("{"):
            if options.expanded { skipWhiteSpaceAndComments() }
            guard let digit = peek(), isDigit(digit) else { return .literal(character) }
            return .boundOpen
        case ascii("("):
            guard isAdvanced, consume("?") else { return .groupOpen(capturing: true) }
            return try advancedGroupToken()
        case ascii(")"): return .groupClose
        case ascii("["): return bracketOrWordToken()
        case ascii("."): return .anyCharacter
        case ascii("^"): return .lineStart
        case ascii("$"): return .lineEnd
        case ascii("\\"):
            guard let escaped = peek() else { throw .invalidEscape }
            guard isAdvanced else {
                position += 1
                return .literal(escaped)
            }
            return try escapeToken()
        default: return .literal(character)
        }
    }

    /// What follows `(?` in an ARE; `nil` for a comment, which is skipped.
    private mutating func advancedGroupToken() throws(RegexSyntaxError) -> RegexToken? {
        guard let kind = peek() else { throw .invalidQuantifierOperand }
        position += 1
        switch kind {
        case ascii(":"): return .groupOpen(capturing: false)
        case ascii("#"):
            while let commented = peek(), commented != ascii(")") { position += 1 }
            _ = consume(")")
            return nil
        case ascii("="): return .lookaround(.ahead)
        case ascii("!"): return .lookaround(.negativeAhead)
        case ascii("<"):
            if consume("=") { return .lookaround(.behind) }
            if consume("!") { return .lookaround(.negativeBehind) }
            throw .invalidQuantifierOperand
        default: throw .invalidQuantifierOperand
        }
    }

    /// `[`, `[^`, or the word-edge spellings `[[:<:]]` and `[[:>:]]`.
    private mutating func bracketOrWordToken() -> RegexToken {
        let wordEdge: [UInt32] = [ascii("["), ascii(":"), 0, ascii(":"), ascii("]"), ascii("]")]
        if position + 6 <= pattern.count,
            let edge = peek(2), edge == ascii("<") || edge == ascii(">"),
            (0..<6).allSatisfy({ $0 == 2 || pattern[position + $0] == wordEdge[$0] })
        {
            position += 6
            return edge == ascii("<") ? .wordStart : .wordEnd
        }
        return .bracketOpen(complemented: consume("^"))
    }

    /// A token of a BRE, where most operators need a backslash and `*`, `^` and `$` are
    /// special only in some places.
    private mutating func basicToken(_ character: UInt32) throws(RegexSyntaxError) -> RegexToken {
        switch character {
        case ascii("*"):
            switch previousToken {
            case .start, .groupOpen, .lineStart: return .literal(character)
            default: return .star(greedy: true)
            }
        case ascii("["): return bracketOrWordToken()
        case ascii("."): return .anyCharacter
        case ascii("^"):
            switch previousToken {
            case .start, .groupOpen: return .lineStart
            default: return .literal(character)
            }
        case ascii("$"):
            if options.expanded { skipWhiteSpaceAndComments() }
            if isAtEnd || (peek() == ascii("\\") && peek(1) == ascii(")")) { return .lineEnd }
            return .literal(character)
        case ascii("\\"):
            guard let escaped = peek() else { throw .invalidEscape }
            position += 1
            switch escaped {
            case ascii("{"): return .boundOpen
            case ascii("("): return .groupOpen(capturing: true)
            case ascii(")"): return .groupClose
            case ascii("<"): return .wordStart
            case ascii(">"): return .wordEnd
            case ascii("1")...ascii("9"): return .backReference(Int(escaped - ascii("0")))
            default: return .literal(escaped)
            }
        default: return .literal(character)
        }
    }
}

/// Whether a scalar is an ASCII decimal digit.
@inline(__always)
func isDigit(_ value: UInt32) -> Bool { value >= 0x30 && value <= 0x39 }
