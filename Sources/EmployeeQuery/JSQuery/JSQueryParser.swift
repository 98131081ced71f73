import DataAPIContract

/// A recursive-descent parser that accepts what jsquery's bison grammar (`jsquery_gram.y`) accepts.
///
/// ```
/// expr      := expr OR expr | expr AND expr | NOT expr | '(' expr ')'
///            | path | path right_expr | path HINT right_expr | path '(' expr ')'
///            | NOT right_expr | NOT HINT right_expr          -- NOT is then a key
/// path      := (key | '?' '(' expr ')') ('.' key_any)*  |  NOT '.' key_any ('.' key_any)*
/// key       := '*' | '*:' | '#' | '#:' | '#' INT | '%' | '%:' | '$' | '@#'
///            | STRING | NUMERIC | INT | any keyword but NOT
/// key_any   := key | '?' '(' expr ')' | NOT
/// ```
/// `OR` binds loosest, then `AND`, then `NOT`. Keywords are keys where a key is expected, so
/// `and = 1` and `not.in = 1` are tests on the keys "and" and "in". After `NOT`, a test
/// operator makes `NOT` a key (`not = 1`, `not in (1)`, `not is array`); `not in = 1` is
/// `NOT ("in" = 1)`, as bison's precedence settles it.
///
/// Besides the grammar, the parser enforces what jsquery checks when it stores a query
/// ("Array length should be last in path") and refuses `*:` or `@#` ending a path, on which
/// jsquery fails at run time ("Wrong state").
struct JSQueryParser {
    private(set) var lexer: JSQueryLexer
    private(set) var current: JSQueryToken
    private var lookahead: JSQueryToken?
    private var depth = 0
    private let maximumDepth: Int
    /// Steps of the path being parsed and of the paths around it (a filter's path lies inside one):
    /// the evaluator walks them by recursion, so tens of thousands would overflow the stack; jsquery's
    /// own limit is the server's stack.
    var pathSteps = 0
    static let maximumPathSteps = 256
    /// Whether an `@#` came earlier in the path being parsed (or in one enclosing it): from
    /// there on only `$`, `@#`, `?(…)` and tests other than `= *` may follow.
    var afterLength = false

    init(_ source: String, maximumDepth: Int) throws(JSQuerySyntaxError) {
        lexer = JSQueryLexer(source)
        current = try lexer.next()
        self.maximumDepth = maximumDepth
    }

    /// Parses the whole source.
    mutating func parse() throws(JSQuerySyntaxError) -> JSQueryNode {
        // jsquery parses an empty query to SQL NULL, which PostgreSQL refuses as input.
        if current.kind == .end { throw lexer.error("empty jsquery", at: current.offset) }
        let node = try parseOr()
        guard current.kind == .end else { throw unexpected() }
        return node
    }

    mutating func advance() throws(JSQuerySyntaxError) {
        if let next = lookahead {
            current = next
            lookahead = nil
        } else {
            current = try lexer.next()
        }
    }

    /// The token after `current`.
    mutating func peek() throws(JSQuerySyntaxError) -> JSQueryToken {
        if let lookahead { return lookahead }
        let next = try lexer.next()
        lookahead = next
        return next
    }

    func unexpected() -> JSQuerySyntaxError {
        let near = current.kind == .end ? "" : " \"\(current.text)\""
        return lexer.error("syntax error, unexpected \(current.grammarName)\(near)", at: current.offset)
    }

    mutating func expect(_ c: Character) throws(JSQuerySyntaxError) {
        guard current.isSpecial(c.asciiValue!) else { throw unexpected() }
        try advance()
    }

    /// Counts one level of nesting (`NOT`, parentheses, sub-expressions, filters).
    mutating func enter() throws(JSQuerySyntaxError) {
        depth += 1
        if depth > maximumDepth {
            throw lexer.error("expression nests deeper than \(maximumDepth) levels", at: current.offset)
        }
    }

    mutating func leave() { depth -= 1 }

    mutating func parseOr() throws(JSQuerySyntaxError) -> JSQueryNode {
        var terms = [try parseAnd()]
        while current.isKeyword(.or) {
            try advance()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseAnd() throws(JSQuerySyntaxError) -> JSQueryNode {
        var terms = [try parseUnary()]
        while current.isKeyword(.and) {
            try advance()
            terms.append(try parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseUnary() throws(JSQuerySyntaxError) -> JSQueryNode {
        try enter()
        defer { leave() }
        let savedAfterLength = afterLength
        defer { afterLength = savedAfterLength }
        let enclosingSteps = pathSteps
        defer { pathSteps = enclosingSteps }
        if current.isKeyword(.not) {
            let not = current
            try advance()
            if try startsTestAfterNot() {
                try checkStep(.key(not.text), at: not)
                return .path(JSQueryPath(steps: [.key(not.text)], tail: try parseTail(of: [.key(not.text)])))
            }
            if current.isSpecial(UInt8(ascii: ".")) {
                try checkStep(.key(not.text), at: not)
                var steps: [JSQueryPathStep] = [.key(not.text)]
                try parseSteps(into: &steps)
                return .path(JSQueryPath(steps: steps, tail: try parseTail(of: steps)))
            }
            return .not(try parseUnary())
        }
        if current.isSpecial(UInt8(ascii: "(")) {
            try advance()
            let inner = try parseOr()
            try expect(")")
            return inner
        }
        let steps = try parsePath()
        return .path(JSQueryPath(steps: steps, tail: try parseTail(of: steps)))
    }

    /// Whether the tokens after a `NOT` make it a key followed by a test (bison shifts the
    /// test's first token; for `IN`, `IS` and `@`, the token after that decides).
    private mutating func startsTestAfterNot() throws(JSQuerySyntaxError) -> Bool {
        switch current.kind {
        case .hint: return true
        case .special(let c) where c == UInt8(ascii: "=") || c == UInt8(ascii: "<") || c == UInt8(ascii: ">") || c == UInt8(ascii: "&"):
            return true
        case .special(let c) where c == UInt8(ascii: "@"):
            return try peek().isSpecial(UInt8(ascii: ">"))
        case .keyword(.in):
            return try peek().isSpecial(UInt8(ascii: "("))
        case .keyword(.is):
            if case .keyword(let k) = try peek().kind { return k.valueType != nil }
            return false
        default:
            return false
        }
    }
}
