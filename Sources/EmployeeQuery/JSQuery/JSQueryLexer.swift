import DataAPIContract

/// Splits a jsquery expression into tokens.
///
/// Bare words are runs of ASCII letters, digits and `_`, and of any non-ASCII scalar that is not
/// white space, so Cyrillic keys need no quotes. Numbers are `-?digits(.digits)?(e±digits)?`.
/// Strings are double-quoted with JSON escapes.
struct JSQueryLexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ source: String) { scalars = Array(source.unicodeScalars) }

    /// The length of the source in Unicode scalars.
    var sourceLength: Int { scalars.count }

    /// Tokenizes the whole source; the last token is `.end`.
    /// - Throws: `JSQuerySyntaxError` on an unknown character, a bad number or string.
    mutating func tokenize() throws(JSQuerySyntaxError) -> [JSQueryToken] {
        var tokens: [JSQueryToken] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        position + ahead < scalars.count ? scalars[position + ahead] : nil
    }

    private mutating func next() throws(JSQuerySyntaxError) -> JSQueryToken {
        while let c = peek(), c.properties.isWhitespace { position += 1 }
        let start = position
        guard let c = peek() else { return JSQueryToken(kind: .end, offset: start) }
        func single(_ kind: JSQueryToken.Kind, width: Int = 1) -> JSQueryToken {
            position += width
            return JSQueryToken(kind: kind, offset: start)
        }
        switch c {
        case "(": return single(.leftParen)
        case ")": return single(.rightParen)
        case "[": return single(.leftBracket)
        case "]": return single(.rightBracket)
        case "{": return single(.leftBrace)
        case "}": return single(.rightBrace)
        case ",": return single(.comma)
        case ":": return single(.colon)
        case ".": return single(.dot)
        case "%": return single(.anyKey)
        case "*": return single(.star)
        case "$": return single(.dollar)
        case "=": return single(.equal)
        case "<":
            if peek(1) == "=" { return single(.lessOrEqual, width: 2) }
            if peek(1) == "@" { return single(.containedIn, width: 2) }
            return single(.less)
        case ">": return peek(1) == "=" ? single(.greaterOrEqual, width: 2) : single(.greater)
        case "@":
            if peek(1) == ">" { return single(.contains, width: 2) }
            if peek(1) == "#" { return single(.length, width: 2) }
            throw JSQuerySyntaxError("expected '@>' or '@#'", at: start)
        case "&":
            if peek(1) == "&" { return single(.overlaps, width: 2) }
            throw JSQuerySyntaxError("expected '&&'", at: start)
        case "#":
            position += 1
            guard let d = peek(), Self.isDigit(d) else { return JSQueryToken(kind: .anyElement(nil), offset: start) }
            var index = 0
            while let d = peek(), Self.isDigit(d) {
                let (product, overflow1) = index.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = product.addingReportingOverflow(Int(d.value - 48))
                if overflow1 || overflow2 { throw JSQuerySyntaxError("array index too large", at: start) }
                index = sum
                position += 1
            }
            return JSQueryToken(kind: .anyElement(index), offset: start)
        case "\"": return JSQueryToken(kind: .string(try string()), offset: start)
        case "-": return JSQueryToken(kind: .number(try number()), offset: start)
        default:
            if Self.isDigit(c) { return JSQueryToken(kind: .number(try number()), offset: start) }
            guard Self.isWordScalar(c) else { throw JSQuerySyntaxError("unexpected character '\(Character(c))'", at: start) }
            var word = String.UnicodeScalarView()
            while let w = peek(), Self.isWordScalar(w) {
                word.append(w)
                position += 1
            }
            return JSQueryToken(kind: .word(String(word)), offset: start)
        }
    }

    private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 48...57, 65...90, 97...122, 95: true
        case 0..<128: false
        default: !c.properties.isWhitespace
        }
    }

    /// `-?digits(.digits)?([eE][+-]?digits)?`, as an `.int` when it is integral and fits, else a `.double`.
    private mutating func number() throws(JSQuerySyntaxError) -> JSON {
        let start = position
        var text = ""
        func digits() -> Bool {
            var any = false
            while let d = peek(), Self.isDigit(d) {
                text.unicodeScalars.append(d)
                position += 1
                any = true
            }
            return any
        }
        if peek() == "-" {
            text = "-"
            position += 1
        }
        guard digits() else { throw JSQuerySyntaxError("expected digits after '-'", at: start) }
        var integral = true
        if peek() == ".", let d = peek(1), Self.isDigit(d) {
            integral = false
            text.append(".")
            position += 1
            _ = digits()
        }
        if let e = peek(), e == "e" || e == "E" {
            integral = false
            text.append("e")
            position += 1
            if let sign = peek(), sign == "+" || sign == "-" {
                text.unicodeScalars.append(sign)
                position += 1
            }
            guard digits() else { throw JSQuerySyntaxError("expected exponent digits in number", at: position) }
        }
        if let w = peek(), Self.isWordScalar(w) { throw JSQuerySyntaxError("invalid number", at: start) }
        if integral, let i = Int64(text) { return .int(i) }
        guard let d = Double(text), d.isFinite else { throw JSQuerySyntaxError("number out of range", at: start) }
        return .double(d)
    }

    /// A double-quoted string with the escapes of JSON.
    private mutating func string() throws(JSQuerySyntaxError) -> String {
        let start = position
        position += 1
        var result = String.UnicodeScalarView()
        while true {
            guard let c = peek() else { throw JSQuerySyntaxError("unterminated string", at: start) }
            position += 1
            if c == "\"" { return String(result) }
            guard c == "\\" else {
                result.append(c)
                continue
            }
            guard let e = peek() else { throw JSQuerySyntaxError("unterminated string", at: start) }
            position += 1
            switch e {
            case "\"", "\\", "/": result.append(e)
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "u": result.append(try unicodeEscape())
            default: throw JSQuerySyntaxError("invalid escape '\\\(Character(e))' in string", at: position - 2)
            }
        }
    }

    /// The scalar of `\uXXXX` (after the `u`), joining a surrogate pair.
    private mutating func unicodeEscape() throws(JSQuerySyntaxError) -> Unicode.Scalar {
        let start = position - 2
        func hex4() throws(JSQuerySyntaxError) -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let h = peek(), let digit = Self.hexValue(h) else {
                    throw JSQuerySyntaxError("expected 4 hex digits after '\\u'", at: start)
                }
                value = value << 4 | digit
                position += 1
            }
            return value
        }
        let high = try hex4()
        if (0xD800...0xDBFF).contains(high), peek() == "\\", peek(1) == "u" {
            position += 2
            let low = try hex4()
            if (0xDC00...0xDFFF).contains(low), let s = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)) {
                return s
            }
        }
        guard let scalar = Unicode.Scalar(high) else { throw JSQuerySyntaxError("invalid \\u escape", at: start) }
        return scalar
    }

    private static func hexValue(_ c: Unicode.Scalar) -> UInt32? {
        switch c.value {
        case 48...57: c.value - 48
        case 65...70: c.value - 55
        case 97...102: c.value - 87
        default: nil
        }
    }
}
