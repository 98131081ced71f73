/// The literal texts every match of a PostgreSQL regular expression (an ARE) must contain, read
/// from the pattern conservatively, so that a trigram table can narrow the keys a `regexp` is
/// tested on (pg_trgm reads them from the expression's automaton).
///
/// Whatever the reader is not sure of adds no text: alternation outside groups, groups and bracket
/// expressions, escapes other than a backslash before punctuation, an atom made optional by `?`,
/// `*` or a bound, and case-insensitive or other unusual options (then there are no runs at all).
/// So every run it returns is in every match; it may miss some.
enum RegexLiterals {
    /// Runs of literal scalars that every match contains; empty when none is known.
    /// - Parameter pattern: The pattern as given to `~`.
    static func required(in pattern: String) -> [[UInt32]] {
        let scalars = Array(pattern.unicodeScalars)
        guard let start = bodyStart(scalars) else { return [] }
        if start < 0 { return [scalars.dropFirst(4).map(\.value)] }  // `***=`: the rest is literal
        return runs(in: scalars, from: start) ?? []
    }

    /// Where the expression proper starts after a director or embedded options; `-1` for a literal
    /// (`***=`) pattern, `nil` for options the reader does not follow.
    private static func bodyStart(_ s: [Unicode.Scalar]) -> Int? {
        if s.starts(with: Array("***=".unicodeScalars)) { return -1 }
        var index = s.starts(with: Array("***:".unicodeScalars)) ? 4 : 0
        guard index + 1 < s.count, s[index] == "(", s[index + 1] == "?" else { return index }
        index += 2
        while index < s.count, s[index] != ")" {
            // Newline sensitivity and the like leave literal characters literal; anything else
            // (case-insensitivity, expanded syntax, BRE/ERE, quoting, a group) is not followed.
            guard "cnpstwm".unicodeScalars.contains(s[index]) else { return nil }
            index += 1
        }
        return index < s.count ? index + 1 : nil
    }

    private static func runs(in s: [Unicode.Scalar], from start: Int) -> [[UInt32]]? {
        var runs: [[UInt32]] = []
        var run: [UInt32] = []
        var depth = 0
        var lastIsLiteral = false
        func flush() {
            if !run.isEmpty { runs.append(run) }
            run = []
            lastIsLiteral = false
        }
        var index = start
        while index < s.count {
            let scalar = s[index]
            index += 1
            switch scalar {
            case "\\":
                guard index < s.count else { return nil }
                let escaped = s[index]
                index += 1
                if escaped.properties.isAlphabetic || escaped.properties.numericType != nil {
                    // Class and constraint escapes stand for no one character; those that read
                    // more characters (`\x41`, `\u0416`, octal, back-references) are not followed.
                    guard "dDsSwWmMyYAZntrfvae".unicodeScalars.contains(escaped) else { return nil }
                    flush()
                } else if depth == 0 {
                    run.append(escaped.value)
                    lastIsLiteral = true
                }
            case "[":
                guard let end = bracketEnd(s, from: index) else { return nil }
                index = end
                flush()
            case "(":
                depth += 1
                flush()
            case ")":
                depth -= 1
                guard depth >= 0 else { return nil }
                flush()
            case "|":
                guard depth > 0 else { return nil }
            case "*", "?", "{", "+":
                if depth == 0 && lastIsLiteral && scalar != "+" { run.removeLast() }
                flush()
                if scalar == "{" {
                    guard let close = s[index...].firstIndex(of: "}") else { return nil }
                    index = close + 1
                }
            case ".", "^", "$":
                flush()
            default:
                guard depth == 0 else { continue }
                run.append(scalar.value)
                lastIsLiteral = true
            }
        }
        flush()
        return depth == 0 ? runs : nil
    }

    /// The position after the `]` closing a bracket expression whose `[` is just before `start`.
    private static func bracketEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start
        if index < s.count, s[index] == "^" { index += 1 }
        if index < s.count, s[index] == "]" { index += 1 }
        while index < s.count {
            switch s[index] {
            case "]":
                return index + 1
            case "\\":
                index += 2
            case "[" where index + 1 < s.count && ":.=".unicodeScalars.contains(s[index + 1]):
                let delimiter = s[index + 1]
                var close = index + 2
                while close + 1 < s.count, !(s[close] == delimiter && s[close + 1] == "]") { close += 1 }
                guard close + 1 < s.count else { return nil }
                index = close + 2
            default:
                index += 1
            }
        }
        return nil
    }
}
