import DataAPIContract

extension JSQueryParser {
    /// `(key | ?(expr)) ('.' key_any)*`.
    mutating func parsePath() throws(JSQuerySyntaxError) -> [JSQueryPathStep] {
        let token = current
        let first = current.isSpecial(UInt8(ascii: "?")) ? try parseFilter() : try parseKey()
        try checkStep(first, at: token)
        try countStep(at: token)
        var steps = [first]
        try parseSteps(into: &steps)
        return steps
    }

    /// `('.' key_any)*`, appended to `steps`.
    mutating func parseSteps(into steps: inout [JSQueryPathStep]) throws(JSQuerySyntaxError) {
        while current.isSpecial(UInt8(ascii: ".")) {
            try advance()
            let token = current
            let step: JSQueryPathStep
            if current.isKeyword(.not) {
                step = .key(current.text)
                try advance()
            } else if current.isSpecial(UInt8(ascii: "?")) {
                step = try parseFilter()
            } else {
                step = try parseKey()
            }
            try checkStep(step, at: token)
            try countStep(at: token)
            steps.append(step)
        }
    }

    /// Counts a path step against `maximumPathSteps`.
    mutating func countStep(at token: JSQueryToken) throws(JSQuerySyntaxError) {
        pathSteps += 1
        if pathSteps > Self.maximumPathSteps {
            throw lexer.error("a path and the paths around it have more than \(Self.maximumPathSteps) steps", at: token.offset)
        }
    }

    /// What follows a path: a test (optionally after an index hint), `(expr)`, or nothing.
    mutating func parseTail(of steps: [JSQueryPathStep]) throws(JSQuerySyntaxError) -> JSQueryPathTail {
        if current.kind == .hint {
            try advance()
            guard startsTest else { throw unexpected() }
            return .test(try parseTest())
        }
        if startsTest { return .test(try parseTest()) }
        if current.isSpecial(UInt8(ascii: "(")) {
            try enter()
            defer { leave() }
            try advance()
            let inner = try parseOr()
            try expect(")")
            return .expression(inner)
        }
        // jsquery reads past the end of the path for these and fails ("Wrong state").
        if let last = steps.last, last == .everyValue || last == .length {
            throw lexer.error("'\(last == .length ? "@#" : "*:")' cannot end a path", at: current.offset)
        }
        return .none
    }

    /// Whether the current token starts a test (`right_expr`).
    private var startsTest: Bool {
        switch current.kind {
        case .special(let c):
            [UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"), UInt8(ascii: "&")].contains(c)
        case .keyword(let k): k == .in || k == .is
        default: false
        }
    }

    /// `?(expr)`.
    private mutating func parseFilter() throws(JSQuerySyntaxError) -> JSQueryPathStep {
        try enter()
        defer { leave() }
        try advance()
        try expect("(")
        let inner = try parseOr()
        try expect(")")
        return .filter(inner)
    }

    /// One `key` of the grammar (not `NOT`, not a filter).
    private mutating func parseKey() throws(JSQuerySyntaxError) -> JSQueryPathStep {
        let token = current
        switch token.kind {
        case .special(UInt8(ascii: "*")):
            try advance()
            return try takeColon() ? .everyValue : .anyValue
        case .special(UInt8(ascii: "%")):
            try advance()
            return try takeColon() ? .everyMember : .anyMember
        case .special(UInt8(ascii: "#")):
            try advance()
            if try takeColon() { return .everyElement }
            guard current.kind == .integer else { return .anyElement }
            // jsquery stores the index as int4.
            let significant = current.text.drop { $0 == "0" }
            guard let index = significant.isEmpty ? 0 : Int32(significant) else {
                throw lexer.error("value \"\(current.text)\" is out of range for type integer", at: current.offset)
            }
            try advance()
            return .element(Int(index))
        case .special(UInt8(ascii: "$")):
            try advance()
            return .current
        case .special(UInt8(ascii: "@")):
            try advance()
            try expect("#")
            return .length
        case .string, .numeric, .integer:
            try advance()
            return .key(token.text)
        case .keyword(let k) where k != .not:
            try advance()
            return .key(token.text)
        default:
            throw unexpected()
        }
    }

    private mutating func takeColon() throws(JSQuerySyntaxError) -> Bool {
        guard current.isSpecial(UInt8(ascii: ":")) else { return false }
        try advance()
        return true
    }

    /// Enforces jsquery's "Array length should be last in path": after `@#`, only `$`, `@#`
    /// and filters may follow, in this path and in the expressions it leads to.
    mutating func checkStep(_ step: JSQueryPathStep, at token: JSQueryToken) throws(JSQuerySyntaxError) {
        switch step {
        case .length:
            afterLength = true
        case .current, .filter:
            break
        default:
            if afterLength { throw lexer.error("Array length should be last in path", at: token.offset) }
        }
    }
}
