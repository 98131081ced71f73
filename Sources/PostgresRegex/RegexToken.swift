/// One lexical token of a PostgreSQL regular expression, after escapes are decoded.
enum RegexToken: Equatable {
    /// The four kinds of lookaround constraint.
    enum Lookaround: Equatable {
        case ahead, negativeAhead, behind, negativeBehind
    }

    /// Nothing read yet (PostgreSQL's EMPTY).
    case start
    /// End of the pattern.
    case end
    /// A character that matches itself; the value may lie outside Unicode (`\x110000`),
    /// in which case it matches nothing.
    case literal(UInt32)
    /// `\d \s \w` (or their complements `\D \S \W`).
    case classShorthand(CharacterClass, complemented: Bool)
    case backReference(Int)
    /// `.`
    case anyCharacter
    /// `^` and `$`
    case lineStart, lineEnd
    /// `\A` and `\Z`
    case stringStart, stringEnd
    /// `\m` (or `[[:<:]]`), `\M` (or `[[:>:]]`), `\y`, `\Y`
    case wordStart, wordEnd, wordBoundary, notWordBoundary
    case groupOpen(capturing: Bool)
    case lookaround(Lookaround)
    case groupClose
    case alternation
    case star(greedy: Bool)
    case plus(greedy: Bool)
    case question(greedy: Bool)
    /// `{` followed by a digit: a bound, whose contents the parser reads next.
    case boundOpen
    /// `[` or `[^`: a bracket expression, whose contents the parser reads next.
    case bracketOpen(complemented: Bool)
}
