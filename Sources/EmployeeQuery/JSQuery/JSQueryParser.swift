import DataAPIContract

/// A recursive-descent parser from jsquery tokens to a `JSQueryNode`.
///
/// Grammar (keywords case-insensitive; `OR` binds loosest, then `AND`, then `NOT`):
/// ```
/// expr     := and (OR and)*
/// and      := unary (AND unary)*
/// unary    := NOT unary | '(' expr ')' | path '(' expr ')' | path test
/// path     := step ('.' step)*
/// step     := word | "string" | integer | '#' | '#N' | '%' | '*' | '$' | '@#'
/// test     := '=' '*' | ('=' | '<' | '<=' | '>' | '>=') value | IN '(' value (',' value)* ')'
///           | ('@>' | '<@') (array | object) | '&&' array | IS (ARRAY|NUMERIC|OBJECT|STRING|BOOLEAN)
/// value    := "string" | number | true | false | null | word | array | object
/// ```
/// A bare word that is not a keyword is a string value, as in jsquery.
struct JSQueryParser {
    private let tokens: [JSQueryToken]
    private var index = 0
    private var depth = 0
    private let maximumDepth: Int

    init(tokens: [JSQueryToken], maximumDepth: Int) {
        self.tokens = tokens
        self.maximumDepth = maximumDepth
    }

    /// Parses the whole token list.
    /// - Throws: `JSQuerySyntaxError` at the first token that does not fit, or when nesting exceeds the limit.
    mutating func parseExpression() throws(JSQuerySyntaxError) -> JSQueryNode {
        if current.kind == .end { throw JSQuerySyntaxError("expected expression", at: current.offset) }
        let node = try parseOr()
        guard current.kind == .end else {
            throw JSQuerySyntaxError("expected AND, OR or end of expression, found \(current.display)", at: current.offset)
        }
        return node
    }

    private var current: JSQueryToken { tokens[index] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private mutating func enter() throws(JSQuerySyntaxError) {
        depth += 1
        if depth > maximumDepth {
            throw JSQuerySyntaxError("expression nests deeper than \(maximumDepth) levels", at: current.offset)
        }
    }

    private mutating func parseOr() throws(JSQuerySyntaxError) -> JSQueryNode {
        var terms = [try parseAnd()]
        while current.isKeyword("or") {
            advance()
            terms.append(try parseAnd())
        }
        return terms.count == 1 ? terms[0] : .or(terms)
    }

    private mutating func parseAnd() throws(JSQuerySyntaxError) -> JSQueryNode {
        var terms = [try parseUnary()]
        while current.isKeyword("and") {
            advance()
            terms.append(try parseUnary())
        }
        return terms.count == 1 ? terms[0] : .and(terms)
    }

    private mutating func parseUnary() throws(JSQuerySyntaxError) -> JSQueryNode {
        try enter()
        defer { depth -= 1 }
        if current.isKeyword("not") {
            advance()
            return .not(try parseUnary())
        }
        if current.kind == .leftParen {
            advance()
            let inner = try parseOr()
            try expect(.rightParen, "expected ')'")
            return inner
        }
        let path = try parsePath()
        if current.kind == .leftParen {
            advance()
            let inner = try parseOr()
            try expect(.rightParen, "expected ')' after sub-expression")
            return .nested(path, inner)
        }
        return .predicate(path, try parseTest())
    }

    private mutating func expect(_ kind: JSQueryToken.Kind, _ message: String) throws(JSQuerySyntaxError) {
        guard current.kind == kind else { throw JSQuerySyntaxError("\(message), found \(current.display)", at: current.offset) }
        advance()
    }

    private mutating func parsePath() throws(JSQuerySyntaxError) -> [JSQueryPathStep] {
        guard let first = pathStep(first: true) else {
            throw JSQuerySyntaxError("expected path, NOT or '(', found \(current.display)", at: current.offset)
        }
        var steps = [first]
        while current.kind == .dot {
            advance()
            guard let step = pathStep(first: false) else { throw JSQuerySyntaxError("expected key after '.', found \(current.display)", at: current.offset) }
            steps.append(step)
        }
        return steps
    }

    /// The current token as a path step (consumed), or `nil` when it cannot be one. A path
    /// cannot start with the bare words AND, OR, IN or IS (quote such a key); after a '.' it can.
    private mutating func pathStep(first: Bool) -> JSQueryPathStep? {
        let step: JSQueryPathStep
        switch current.kind {
        case .word(let w):
            if first && ["and", "or", "in", "is"].contains(where: current.isKeyword) { return nil }
            step = .key(w)
        case .string(let s): step = .key(s)
        case .number(let n):
            guard case .int(let i) = n, i >= 0 else { return nil }
            step = .key(String(i))
        case .anyElement(let i): step = i.map(JSQueryPathStep.element) ?? .anyElement
        case .anyKey: step = .anyKey
        case .star: step = .anyPath
        case .dollar: step = .current
        case .length: step = .length
        default: return nil
        }
        advance()
        return step
    }

    private mutating func parseTest() throws(JSQuerySyntaxError) -> JSQueryPredicate {
        let token = current
        switch token.kind {
        case .equal:
            advance()
            if current.kind == .star {
                advance()
                return .exists
            }
            return .equal(try parseValue(after: "'='"))
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            advance()
            let value = try parseValue(after: token.display)
            if case .array = value { throw JSQuerySyntaxError("expected scalar value after \(token.display)", at: token.offset) }
            if case .object = value { throw JSQuerySyntaxError("expected scalar value after \(token.display)", at: token.offset) }
            switch token.kind {
            case .less: return .less(value)
            case .lessOrEqual: return .lessOrEqual(value)
            case .greater: return .greater(value)
            default: return .greaterOrEqual(value)
            }
        case .contains, .containedIn:
            advance()
            let at = current.offset
            let value = try parseValue(after: token.display)
            guard value.arrayValue != nil || value.objectValue != nil else {
                throw JSQuerySyntaxError("expected array or object after \(token.display)", at: at)
            }
            return token.kind == .contains ? .contains(value) : .containedIn(value)
        case .overlaps:
            advance()
            let at = current.offset
            guard case .array(let elements) = try parseValue(after: "'&&'") else {
                throw JSQuerySyntaxError("expected array after '&&'", at: at)
            }
            return .overlaps(elements)
        default:
            if token.isKeyword("in") {
                advance()
                try expect(.leftParen, "expected '(' after IN")
                var values = [try parseValue(after: "'('")]
                while current.kind == .comma {
                    advance()
                    values.append(try parseValue(after: "','"))
                }
                try expect(.rightParen, "expected ',' or ')' in IN list")
                return .oneOf(values)
            }
            if token.isKeyword("is") {
                advance()
                guard case .word(let w) = current.kind, let type = JSQueryValueType(rawValue: w.lowercased()) else {
                    throw JSQuerySyntaxError("expected ARRAY, NUMERIC, OBJECT, STRING or BOOLEAN after IS", at: current.offset)
                }
                advance()
                return .isType(type)
            }
            throw JSQuerySyntaxError(
                "expected operator (=, <, <=, >, >=, IN, IS, @>, <@, &&) or '(' after path, found \(token.display)", at: token.offset)
        }
    }

    /// A literal value; `after` names what precedes it, for the error message.
    private mutating func parseValue(after: String) throws(JSQuerySyntaxError) -> JSON {
        let token = current
        switch token.kind {
        case .string(let s):
            advance()
            return .string(s)
        case .number(let n):
            advance()
            return n
        case .word(let w):
            for (keyword, value) in [("true", JSON.bool(true)), ("false", .bool(false)), ("null", .null)] where token.isKeyword(keyword) {
                advance()
                return value
            }
            if ["and", "or", "not", "in", "is"].contains(where: token.isKeyword) { break }
            advance()
            return .string(w)
        case .leftBracket:
            try enter()
            defer { depth -= 1 }
            advance()
            var elements: [JSON] = []
            if current.kind != .rightBracket {
                elements.append(try parseValue(after: "'['"))
                while current.kind == .comma {
                    advance()
                    elements.append(try parseValue(after: "','"))
                }
            }
            try expect(.rightBracket, "expected ',' or ']' in array")
            return .array(elements)
        case .leftBrace:
            try enter()
            defer { depth -= 1 }
            advance()
            var object = JSONObject()
            while current.kind != .rightBrace {
                if !object.isEmpty { try expect(.comma, "expected ',' or '}' in object") }
                let key: String
                switch current.kind {
                case .string(let s): key = s
                case .word(let w): key = w
                default: throw JSQuerySyntaxError("expected key in object, found \(current.display)", at: current.offset)
                }
                advance()
                try expect(.colon, "expected ':' after object key")
                object[key] = try parseValue(after: "':'")
            }
            advance()
            return .object(object)
        default: break
        }
        throw JSQuerySyntaxError("expected value after \(after)", at: token.offset)
    }
}
