import DataAPIContract

/// One token of a jsquery expression, with the offset (in Unicode scalars) where it starts.
struct JSQueryToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A bare word: a key, a keyword (`AND`, `true`, …) or an unquoted string value.
        case word(String)
        /// A double-quoted string, escapes resolved.
        case string(String)
        case number(JSON)
        /// `#`, or `#N` with an index.
        case anyElement(Int?)
        case anyKey          // %
        case star            // *
        case dollar          // $
        case length          // @#
        case dot, comma, colon
        case leftParen, rightParen, leftBracket, rightBracket, leftBrace, rightBrace
        case equal, less, lessOrEqual, greater, greaterOrEqual
        case contains        // @>
        case containedIn     // <@
        case overlaps        // &&
        case end
    }

    var kind: Kind
    var offset: Int

    /// How the token reads in an error message.
    var display: String {
        switch kind {
        case .word(let w): "'\(w)'"
        case .string(let s): "\"\(s)\""
        case .number(let n): n.intValue.map(String.init) ?? "\(n.doubleValue ?? 0)"
        case .anyElement(let i): i.map { "'#\($0)'" } ?? "'#'"
        case .anyKey: "'%'"
        case .star: "'*'"
        case .dollar: "'$'"
        case .length: "'@#'"
        case .dot: "'.'"
        case .comma: "','"
        case .colon: "':'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .equal: "'='"
        case .less: "'<'"
        case .lessOrEqual: "'<='"
        case .greater: "'>'"
        case .greaterOrEqual: "'>='"
        case .contains: "'@>'"
        case .containedIn: "'<@'"
        case .overlaps: "'&&'"
        case .end: "end of expression"
        }
    }

    /// Whether this is the bare word `keyword`, compared case-insensitively (ASCII).
    func isKeyword(_ keyword: String) -> Bool {
        guard case .word(let w) = kind, w.utf8.count == keyword.utf8.count else { return false }
        return zip(w.utf8, keyword.utf8).allSatisfy { a, b in (a | 0x20) == (b | 0x20) }
    }
}
