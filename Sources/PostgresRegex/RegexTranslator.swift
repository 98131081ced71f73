/// Rewrites a PostgreSQL regular expression as an equivalent PCRE2 pattern, parsing it the
/// way PostgreSQL's `regcomp.c` does (`parse`, `parsebranch`, `parseqatom`) so that the same
/// patterns are rejected. The PCRE2 pattern spells out every construct explicitly (anchors,
/// word edges, classes, case variants) and so needs no PCRE2 option other than UTF mode.
struct RegexTranslator {
    private var lexer: RegexLexer
    /// Capturing groups whose `)` has been read: only those may be referred back to.
    private var closedGroups: Set<Int> = []
    /// Whether lookbehinds become callouts (see `RegexTranslation.Lookbehind`).
    private let emulatesLookbehinds: Bool
    private var lookbehinds: [RegexTranslation.Lookbehind] = []
    /// How many constraints that look at following text have been written so far.
    private var forwardLookingConstraints = 0
    /// Groups and lookarounds open around the current token.
    private var nesting = 0
    /// The deepest nesting translated: PCRE2 refuses deeper (its parentheses limit), and stopping
    /// here keeps the recursive descent off the end of the stack, as "too complex".
    static let maximumNesting = 250

    private init(lexer: RegexLexer, emulatesLookbehinds: Bool) {
        self.lexer = lexer
        self.emulatesLookbehinds = emulatesLookbehinds
    }

    /// Translates a pattern.
    /// - Parameters:
    ///   - pattern: A PostgreSQL regular expression (ARE unless it says otherwise).
    ///   - caseInsensitive: Whether to match as `~*` does.
    ///   - emulatingLookbehinds: Whether to turn lookbehinds into callouts, for when PCRE2
    ///     rejects one for not having a fixed length.
    /// - Returns: The PCRE2 pattern (to compile in UTF mode and search for, as `PCRE2Program`
    ///   does) and any lookbehinds it stands in for.
    /// - Throws: `RegexSyntaxError` where PostgreSQL would reject the pattern.
    static func translate(
        _ pattern: String, caseInsensitive: Bool, emulatingLookbehinds: Bool = false
    ) throws(RegexSyntaxError) -> RegexTranslation {
        let scalars = pattern.unicodeScalars.map(\.value)
        let (options, start) = try RegexSyntaxOptions.read(from: scalars, caseInsensitive: caseInsensitive)
        let lexer = RegexLexer(pattern: scalars, options: options, position: start)
        var translator = RegexTranslator(lexer: lexer, emulatesLookbehinds: emulatingLookbehinds)
        try translator.lexer.advance()
        let translated = try translator.parseAlternatives(insideGroup: false, insideLookaround: false)
        return RegexTranslation(pattern: translated, lookbehinds: translator.lookbehinds)
    }

    private var options: RegexSyntaxOptions { lexer.options }

    /// Branches separated by `|`, up to the end of the pattern or the group's `)`.
    private mutating func parseAlternatives(
        insideGroup: Bool, insideLookaround: Bool
    ) throws(RegexSyntaxError) -> String {
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting + 1 else { throw .tooComplex }
        var branches: [String] = []
        repeat {
            if !branches.isEmpty { try lexer.advance() }
            branches.append(try parseBranch(insideGroup: insideGroup, insideLookaround: insideLookaround))
        } while lexer.token == .alternation
        if insideGroup && lexer.token != .groupClose { throw .unbalancedParentheses }
        return branches.joined(separator: "|")
    }

    private mutating func parseBranch(insideGroup: Bool, insideLookaround: Bool) throws(RegexSyntaxError) -> String {
        var pieces = ""
        while lexer.token != .alternation && lexer.token != .end
            && !(insideGroup && lexer.token == .groupClose)
        {
            pieces += try parseQuantifiedAtom(insideLookaround: insideLookaround)
        }
        return pieces
    }

    /// One constraint, or one atom with its quantifier if it has one.
    private mutating func parseQuantifiedAtom(insideLookaround: Bool) throws(RegexSyntaxError) -> String {
        if let constraint = try parseConstraint() {
            return constraint  // a quantifier after it will be read as an atom, and rejected
        }
        let atom: String
        switch lexer.token {
        case .star, .plus, .question, .boundOpen:
            throw .invalidQuantifierOperand
        case .groupClose:
            // Only reached outside any group; an ERE takes a stray ")" literally.
            guard options.flavor == .extended else { throw .unbalancedParentheses }
            atom = literalAtom(ascii(")"))
            try lexer.advance()
        case .literal(let value):
            atom = literalAtom(value)
            try lexer.advance()
        case .bracketOpen(let complemented):
            let contents = try lexer.readBracketExpression()
            atom = contents.pcreAtom(complemented: complemented, excludingNewline: options.newlineStopsDot)
            try lexer.advance()
        case .classShorthand(let characterClass, let complemented):
            atom = characterClass.pcreAtom(complemented: complemented)
            try lexer.advance()
        case .anyCharacter:
            atom = options.newlineStopsDot ? #"[^\x{A}]"# : "(?s:.)"
            try lexer.advance()
        case .groupOpen(let capturing):
            atom = try parseGroup(capturing: capturing && !insideLookaround, insideLookaround: insideLookaround)
        case .backReference(let number):
            guard !insideLookaround, closedGroups.contains(number) else { throw .invalidBackReference }
            return try parseBackReference(number)
        default:
            preconditionFailure("token \(lexer.token) cannot start an atom")
        }
        return atom + (try parseQuantifier()?.pcre ?? "")
    }

    /// A back-reference, its token current, with its quantifier.
    private mutating func parseBackReference(_ number: Int) throws(RegexSyntaxError) -> String {
        let reference = options.caseInsensitive ? "(?i:\\g{\(number)})" : "\\g{\(number)}"
        try lexer.advance()
        guard let quantifier = try parseQuantifier() else { return reference }
        // In PostgreSQL a back-reference to a group that did not take part in the match fails
        // even when its quantifier allows zero repetitions (but `{0}` removes it altogether).
        if quantifier.minimum == 0 && quantifier.maximum != 0 {
            return "(?(\(number))(?:\(reference)\(quantifier.pcre))|(?!))"
        }
        return reference + quantifier.pcre
    }

    /// A parenthesized group, its `(` being the current token.
    private mutating func parseGroup(capturing: Bool, insideLookaround: Bool) throws(RegexSyntaxError) -> String {
        var number = 0
        if capturing {
            lexer.capturingGroupsOpened += 1
            number = lexer.capturingGroupsOpened
        }
        try lexer.advance()
        let body = try parseAlternatives(insideGroup: true, insideLookaround: insideLookaround)
        try lexer.advance()
        guard capturing else { return "(?:" + body + ")" }
        closedGroups.insert(number)
        return "(" + body + ")"
    }

    /// One word character, as the word edges test it.
    private static let wordCharacter = CharacterClass.word.pcreAtom(complemented: false)

    /// A constraint (anchor, word edge or lookaround) if the current token starts one.
    private mutating func parseConstraint() throws(RegexSyntaxError) -> String? {
        switch lexer.token {
        case .lineEnd, .stringEnd, .wordStart, .wordEnd, .wordBoundary, .notWordBoundary,
            .lookaround(.ahead), .lookaround(.negativeAhead):
            forwardLookingConstraints += 1
        default:
            break
        }
        let word = Self.wordCharacter
        let constraint: String
        switch lexer.token {
        case .lineStart: constraint = options.newlineAnchors ? #"(?<![^\x{A}])"# : #"\A"#
        case .lineEnd: constraint = options.newlineAnchors ? #"(?![^\x{A}])"# : #"\z"#
        case .stringStart: constraint = #"\A"#
        case .stringEnd: constraint = #"\z"#
        case .wordStart: constraint = "(?<!\(word))(?=\(word))"
        case .wordEnd: constraint = "(?<=\(word))(?!\(word))"
        case .wordBoundary: constraint = "(?:(?<!\(word))(?=\(word))|(?<=\(word))(?!\(word)))"
        case .notWordBoundary: constraint = "(?:(?<=\(word))(?=\(word))|(?<!\(word))(?!\(word)))"
        case .lookaround(let kind):
            try lexer.advance()
            let forwardLookingBefore = forwardLookingConstraints
            let body = try parseAlternatives(insideGroup: true, insideLookaround: true)
            if emulatesLookbehinds && (kind == .behind || kind == .negativeBehind) {
                lookbehinds.append(
                    RegexTranslation.Lookbehind(
                        pattern: body, negated: kind == .negativeBehind,
                        seesFollowingText: forwardLookingConstraints != forwardLookingBefore))
                guard lookbehinds.count <= RegexTranslation.maximumLookbehinds else { throw .tooComplex }
                try lexer.advance()
                return "(?C\(lookbehinds.count))"
            }
            let opener: String
            switch kind {
            case .ahead: opener = "(?="
            case .negativeAhead: opener = "(?!"
            case .behind: opener = "(?<="
            case .negativeBehind: opener = "(?<!"
            }
            constraint = opener + body + ")"
        default:
            return nil
        }
        try lexer.advance()
        return constraint
    }

    /// The quantifier after an atom, if any, consumed.
    private mutating func parseQuantifier() throws(RegexSyntaxError) -> RegexQuantifier? {
        let quantifier: RegexQuantifier
        switch lexer.token {
        case .star(let greedy): quantifier = RegexQuantifier(minimum: 0, maximum: nil, greedy: greedy)
        case .plus(let greedy): quantifier = RegexQuantifier(minimum: 1, maximum: nil, greedy: greedy)
        case .question(let greedy): quantifier = RegexQuantifier(minimum: 0, maximum: 1, greedy: greedy)
        case .boundOpen: quantifier = try lexer.readBound()
        default: return nil
        }
        try lexer.advance()
        return quantifier
    }

    /// A literal character, with its case variants under case-insensitive matching.
    private func literalAtom(_ value: UInt32) -> String {
        PCRE2Text.atom(matchingAnyOf: options.caseInsensitive ? PostgresCaseMapping.variants(of: value) : [value])
    }
}
