extension RegexLexer {
    /// A token inside a bracket expression, where PostgreSQL lexes in a context of its own.
    private enum BracketToken {
        case character(UInt32)
        /// `-` between two items.
        case rangeDash
        case collatingElement(UInt32)
        case equivalenceClass(UInt32)
        case characterClass(CharacterClass)
        case shorthand(CharacterClass, complemented: Bool)
        case close
    }

    /// Reads a bracket expression after its `[` or `[^` through the closing `]`, as
    /// PostgreSQL's `bracket()` and `brackpart()` do.
    /// - Returns: The members, with case variants added under case-insensitive matching.
    /// - Throws: `RegexSyntaxError` for unbalanced brackets, bad ranges, unknown classes or
    ///   collating elements, and escapes not allowed in brackets.
    mutating func readBracketExpression() throws(RegexSyntaxError) -> BracketContents {
        let caseInsensitive = options.caseInsensitive
        var contents = BracketContents()
        var token = try nextBracketToken(isFirst: true)
        while true {
            let start: UInt32
            switch token {
            case .close:
                return contents
            case .rangeDash:
                throw .invalidCharacterRange
            case .equivalenceClass(let value):
                // PostgreSQL has no real equivalence classes: [[=a=]] is just "a".
                for variant in caseInsensitive ? PostgresCaseMapping.variants(of: value) : [value] {
                    contents.add(variant)
                }
                token = try nextBracketToken(isFirst: false)
                continue
            case .characterClass(let characterClass):
                contents.add(characterClass.folded(caseInsensitive: caseInsensitive))
                token = try nextBracketToken(isFirst: false)
                continue
            case .shorthand(let characterClass, let complemented):
                if complemented {
                    contents.addComplement(of: characterClass)
                } else {
                    contents.add(characterClass)
                }
                token = try nextBracketToken(isFirst: false)
                continue
            case .character(let value), .collatingElement(let value):
                start = value
            }
            let startToken = token
            token = try nextBracketToken(isFirst: false)
            var end = start
            if case .rangeDash = token {
                switch try nextBracketToken(isFirst: false) {
                case .character(let value), .collatingElement(let value): end = value
                case .rangeDash: end = ascii("-")
                default: throw .invalidCharacterRange
                }
                token = try nextBracketToken(isFirst: false)
            } else if case .character = startToken, caseInsensitive {
                // A lone character takes PostgreSQL's allcases(), without the range treatment.
                for variant in PostgresCaseMapping.variants(of: start) { contents.add(variant) }
                continue
            }
            guard start <= end else { throw .invalidCharacterRange }
            contents.add(start...end)
            if caseInsensitive {
                for variant in PostgresCaseMapping.variants(ofRange: start...end) { contents.add(variant) }
            }
        }
    }

    private mutating func nextBracketToken(isFirst: Bool) throws(RegexSyntaxError) -> BracketToken {
        guard let character = peek() else { throw .unbalancedBrackets }
        position += 1
        switch character {
        case ascii("]"):
            return isFirst ? .character(character) : .close
        case ascii("\\"):
            guard isAdvanced else { return .character(character) }
            guard !isAtEnd else { throw .invalidEscape }
            switch try escapeToken() {
            case .literal(let value): return .character(value)
            case .classShorthand(let characterClass, let complemented):
                return .shorthand(characterClass, complemented: complemented)
            default: throw .invalidEscape
            }
        case ascii("-"):
            return isFirst || peek() == ascii("]") ? .character(character) : .rangeDash
        case ascii("["):
            guard let kind = peek() else { throw .unbalancedBrackets }
            guard kind == ascii(".") || kind == ascii("=") || kind == ascii(":") else {
                return .character(character)
            }
            position += 1
            let name = try readBracketName(terminator: kind)
            if kind == ascii(":") {
                var text = ""
                text.unicodeScalars.append(contentsOf: name.compactMap(Unicode.Scalar.init))
                guard let characterClass = CharacterClass(name: text) else { throw .invalidCharacterClass }
                return .characterClass(characterClass)
            }
            guard !name.isEmpty, let value = CollatingElement.value(named: name) else {
                throw .invalidCollatingElement
            }
            return kind == ascii(".") ? .collatingElement(value) : .equivalenceClass(value)
        default:
            return .character(character)
        }
    }

    /// Reads the name in `[.name.]`, `[=name=]` or `[:name:]` up to its terminator and `]`.
    private mutating func readBracketName(terminator: UInt32) throws(RegexSyntaxError) -> [UInt32] {
        let nameStart = position
        while let character = peek() {
            if character == terminator, peek(1) == ascii("]") {
                let name = Array(pattern[nameStart..<position])
                position += 2
                return name
            }
            position += 1
        }
        throw .unbalancedBrackets
    }
}
