import DataAPIContract

extension JSQueryParser {
    /// A test (`right_expr`):
    /// ```
    /// '=' (scalar | array | '*') | IN '(' scalar (',' scalar)* ')'
    /// '<' num | '<' '=' num | '>' num | '>' '=' num          -- num: NUMERIC or INT only
    /// '@' '>' array | '<' '@' array | '&' '&' array            -- array: '[' scalar (',' scalar)* ']'
    /// IS (ARRAY | NUMERIC | OBJECT | STRING | BOOLEAN)
    /// ```
    /// Two-character operators are two tokens, so `< =` and `& &` are valid too.
    mutating func parseTest() throws(JSQuerySyntaxError) -> JSQueryTest {
        let token = current
        try advance()
        switch token.kind {
        case .special(UInt8(ascii: "=")):
            if current.isSpecial(UInt8(ascii: "*")) {
                if afterLength { throw lexer.error("Array length should be last in path", at: current.offset) }
                try advance()
                return .exists
            }
            if current.isSpecial(UInt8(ascii: "[")) { return .equalArray(try parseArray()) }
            return .equal(try parseScalar())
        case .special(UInt8(ascii: "<")):
            if current.isSpecial(UInt8(ascii: "=")) {
                try advance()
                return .lessOrEqual(try parseNumber())
            }
            if current.isSpecial(UInt8(ascii: "@")) {
                try advance()
                return .containedIn(try parseArray())
            }
            return .less(try parseNumber())
        case .special(UInt8(ascii: ">")):
            if current.isSpecial(UInt8(ascii: "=")) {
                try advance()
                return .greaterOrEqual(try parseNumber())
            }
            return .greater(try parseNumber())
        case .special(UInt8(ascii: "@")):
            try expect(">")
            return .contains(try parseArray())
        case .special(UInt8(ascii: "&")):
            try expect("&")
            return .overlaps(try parseArray())
        case .keyword(.in):
            try expect("(")
            let values = try parseScalarList()
            try expect(")")
            return .oneOf(values)
        case .keyword(.is):
            guard case .keyword(let k) = current.kind, let type = k.valueType else { throw unexpected() }
            try advance()
            return .isType(type)
        default:
            preconditionFailure("parseTest() called on \(token.grammarName), which starts no test")
        }
    }

    /// `'[' scalar (',' scalar)* ']'`; jsquery has no empty or nested array literals.
    private mutating func parseArray() throws(JSQuerySyntaxError) -> [JSQueryScalar] {
        try expect("[")
        let values = try parseScalarList()
        try expect("]")
        return values
    }

    private mutating func parseScalarList() throws(JSQuerySyntaxError) -> [JSQueryScalar] {
        var values = [try parseScalar()]
        while current.isSpecial(UInt8(ascii: ",")) {
            try advance()
            values.append(try parseScalar())
        }
        return values
    }

    /// A scalar value: a string, a number, `null`, `true`, `false`, or any other keyword as the
    /// string it is written as (`a = And` compares with "And").
    private mutating func parseScalar() throws(JSQuerySyntaxError) -> JSQueryScalar {
        let token = current
        switch token.kind {
        case .string:
            try advance()
            return .string(token.text)
        case .keyword(.null):
            try advance()
            return .null
        case .keyword(.true), .keyword(.false):
            try advance()
            return .bool(token.isKeyword(.true))
        case .keyword:
            try advance()
            return .string(token.text)
        case .numeric, .integer:
            return .number(try parseNumber())
        default:
            throw unexpected()
        }
    }

    /// A number literal (what `<`, `<=`, `>`, `>=` take).
    private mutating func parseNumber() throws(JSQuerySyntaxError) -> JSQueryNumber {
        let token = current
        guard token.kind == .numeric || token.kind == .integer else { throw unexpected() }
        guard let number = JSQueryNumber(literal: token.text) else {
            throw lexer.error("value overflows numeric format", at: token.offset)
        }
        try advance()
        return number
    }
}
