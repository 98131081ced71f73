extension RegexLexer {
    /// A token inside a bound: PostgreSQL lexes bounds in a context of their own.
    private enum BoundToken {
        case digit(Int)
        case comma
        case close(greedy: Bool)
    }

    /// Reads the contents of a bound after its `{` (or `\{` in a BRE) through the closing
    /// brace, as PostgreSQL's `parseqatom` and `scannum` do.
    /// - Returns: The quantifier the bound spells.
    /// - Throws: `RegexSyntaxError.unbalancedBraces` at the end of the pattern,
    ///   `.invalidRepetitionCount` for anything malformed or a count over 255.
    mutating func readBound() throws(RegexSyntaxError) -> RegexQuantifier {
        var token = try nextBoundToken()
        let minimum = try readCount(&token)
        var maximum: Int? = minimum
        if case .comma = token {
            token = try nextBoundToken()
            if case .digit = token {
                maximum = try readCount(&token)
            } else {
                maximum = nil
            }
            if let maximum, minimum > maximum { throw .invalidRepetitionCount }
        }
        guard case .close(let greedy) = token else { throw .invalidRepetitionCount }
        return RegexQuantifier(minimum: minimum, maximum: maximum, greedy: greedy)
    }

    /// Reads a run of digit tokens (possibly none: `\{\}` in a BRE counts as zero).
    private mutating func readCount(_ token: inout BoundToken) throws(RegexSyntaxError) -> Int {
        var count = 0
        while case .digit(let digit) = token, count < RegexQuantifier.largestCount {
            count = count * 10 + digit
            token = try nextBoundToken()
        }
        if case .digit = token { throw .invalidRepetitionCount }
        guard count <= RegexQuantifier.largestCount else { throw .invalidRepetitionCount }
        return count
    }

    private mutating func nextBoundToken() throws(RegexSyntaxError) -> BoundToken {
        if options.expanded { skipWhiteSpaceAndComments() }
        guard let character = peek() else { throw .unbalancedBraces }
        position += 1
        if isDigit(character) { return .digit(Int(character - ascii("0"))) }
        if character == ascii(",") { return .comma }
        if options.flavor == .basic {
            if character == ascii("\\"), consume("}") { return .close(greedy: true) }
        } else if character == ascii("}") {
            return .close(greedy: !(isAdvanced && consume("?")))
        }
        throw .invalidRepetitionCount
    }
}
