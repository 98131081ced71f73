import DataAPIServer
import Testing

@testable import EmployeeQuery

/// `LikePattern` matches UTF-8 bytes (`LikeSegment`); these tests hold it to the rule it must keep,
/// stated scalar by scalar: `%` any run of scalars, `_` one scalar (one to four bytes), `\` a
/// literal, and `ilike` comparing each scalar's single-scalar lower case (Unicode's simple
/// mapping; a scalar whose lower case is longer stays as it is). Both ways in are checked: a
/// `String` (the scan, folding on the fly) and the folded UTF-8 an index keeps.
@Suite struct LikeMatchingTests {
    /// (pattern, subject, like, ilike): the byte matcher's corners.
    static let cases: [(String, String, Bool, Bool)] = [
        // `_` takes one scalar of each UTF-8 length, in a first, middle and last segment
        ("_", "a", true, true), ("_", "я", true, true), ("_", "€", true, true), ("_", "😀", true, true),
        ("__", "😀", false, false), ("_", "😀😀", false, false),
        ("a_b", "a😀b", true, true), ("a_b", "aяb", true, true), ("a__b", "a😀b", false, false),
        ("%_ван%", "Иванов", true, true), ("%_ван%", "ванов", false, false),
        ("%ов_", "Иванова", true, true), ("%ов_", "Иванов", false, false), ("%ов_", "Ивановё", true, true),
        ("%_", "", false, false), ("%_", "ё", true, true), ("%__", "ё", false, false),
        ("%😀_%", "x😀яz", true, true), ("%😀_", "😀", false, false),
        ("%_😀", "я😀", true, true), ("%_😀", "😀", false, false),
        // the last segment must not overlap what the others matched
        ("%ав%ва", "ава", false, false), ("%ав%ва", "авва", true, true), ("Ив%ва", "Ива", false, false),
        ("И_%_а", "Иа", false, false), ("И_%_а", "Ияяа", true, true),
        // literals whose bytes recur: a search must not stop at the first place the bytes look alike
        ("%аб%", "ааб", true, true), ("%абв%", "абабв", true, true), ("%ёё%", "еёеёё", true, true),
        ("%ab%", "xaab", true, true), ("%aab%", "aaaab", true, true),
        // Cyrillic letters share first bytes (0xD0, 0xD1): only whole letters match
        ("%а%", "б", false, false), ("%р%", "с", false, false), ("%Р%", "р", false, true),
        // escapes
        ("%\\%%", "50%", true, true), ("%\\%%", "50", false, false), ("%\\__", "a_b", true, true),
        ("%\\_", "a_", true, true), ("%\\_", "ab", false, false), ("%\\\\%", "a\\b", true, true),
        // Ё and ё, mixed case
        ("%ЁЖ%", "ёжиков", false, true), ("%ёж%", "ЁЖИКОВ", false, true), ("%ЕЖ%", "ЁЖИКОВ", false, false),
        ("ё_ик%", "ЁЖИКОВ", false, true),
        // combining characters are scalars of their own
        ("E_mile", "E\u{301}mile", true, true), ("\u{C9}%", "E\u{301}mile", false, false),
        ("%\u{301}%", "E\u{301}mile", true, true), ("%e\u{301}%", "E\u{301}MILE", false, true),
        ("Е_жиков", "Е\u{308}жиков", true, true), ("ё%", "Е\u{308}жиков", false, false),
        // lower cases of another length: Ⱥ (2 bytes) → ⱥ (3 bytes); İ → i̇ (two scalars) stays
        ("ⱥ_", "Ⱥb", false, true), ("%ⱥ", "xȺ", false, true), ("_b", "Ⱥb", true, true),
        ("i%", "\u{130}x", false, false), ("\u{130}%", "\u{130}x", true, true),
        // empty subjects and patterns
        ("", "", true, true), ("%", "", true, true), ("%%", "", true, true), ("_%", "", false, false),
        ("%a%", "", false, false), ("", "a", false, false),
    ]

    @Test(arguments: cases)
    func matchesScalarByScalar(pattern: String, subject: String, like: Bool, ilike: Bool) throws {
        let exact = try LikePattern(pattern)
        let folded = try LikePattern(pattern, caseInsensitive: true)
        #expect(exact.matches(subject) == like, "\(subject) LIKE \(pattern)")
        #expect(folded.matches(subject) == ilike, "\(subject) ILIKE \(pattern)")
        #expect(Self.reference(pattern, subject, fold: false) == like, "the reference: \(subject) LIKE \(pattern)")
        #expect(Self.reference(pattern, subject, fold: true) == ilike, "the reference: \(subject) ILIKE \(pattern)")
        #expect(Self.indexed(exact, Array(subject.utf8)) == like)
        #expect(Self.indexed(folded, LikePattern.caseFoldedUTF8(subject)) == ilike)
    }

    /// Random patterns and subjects over letters of every UTF-8 length, case pairs, combining marks,
    /// and the pattern's own characters, against the scalar-by-scalar reference.
    @Test(arguments: 0..<4)
    func randomPatternsMatchAsTheReference(batch: Int) throws {
        let letters = ["а", "А", "б", "ё", "Ё", "е", "\u{308}", "a", "A", "b", "ß", "€", "😀", "Ⱥ", "ⱥ", "\u{130}", "i", " "]
        let patternOnly = ["%", "%", "_", "\\%", "\\_", "\\\\"]
        let subjectOnly = ["%", "_", "\\"]
        var rng = SplitMix64(seed: UInt64(batch) &* 7919 &+ 5)
        var matched = (like: 0, ilike: 0)
        for _ in 0..<3000 {
            let subject = (0..<Int.random(in: 0...7, using: &rng)).map { _ in (letters + subjectOnly).randomElement(using: &rng)! }.joined()
            var pattern = (0..<Int.random(in: 0...5, using: &rng)).map { _ in (letters + patternOnly).randomElement(using: &rng)! }.joined()
            if !subject.isEmpty, Bool.random(using: &rng) {
                // A piece of the subject, so that patterns match often.
                let scalars = Array(subject.unicodeScalars)
                let start = Int.random(in: 0..<scalars.count, using: &rng)
                let piece = scalars[start..<min(scalars.count, start + Int.random(in: 1...4, using: &rng))]
                let literal = piece.map { "%_\\".unicodeScalars.contains($0) ? "\\" + String($0) : String($0) }.joined()
                pattern = ["%" + literal + "%", literal + "%", "%" + literal, "_" + literal + "%", "%" + literal + "_"].randomElement(using: &rng)!
            }
            let exact = try LikePattern(pattern)
            let folded = try LikePattern(pattern, caseInsensitive: true)
            let like = Self.reference(pattern, subject, fold: false)
            let ilike = Self.reference(pattern, subject, fold: true)
            #expect(exact.matches(subject) == like, "\(subject.debugDescription) LIKE \(pattern.debugDescription)")
            #expect(folded.matches(subject) == ilike, "\(subject.debugDescription) ILIKE \(pattern.debugDescription)")
            #expect(Self.indexed(exact, Array(subject.utf8)) == like)
            #expect(Self.indexed(folded, LikePattern.caseFoldedUTF8(subject)) == ilike)
            matched.like += like ? 1 : 0
            matched.ilike += ilike ? 1 : 0
        }
        #expect(matched.like > 300 && matched.ilike > matched.like, "the patterns match often enough to test matching: \(matched)")
    }

    /// How an index tests a key: its UTF-8, folded beforehand for `ilike`.
    static func indexed(_ pattern: LikePattern, _ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { pattern.matches(utf8: $0) }
    }

    /// The rule, scalar by scalar: a table of which pattern prefixes match which subject prefixes.
    static func reference(_ pattern: String, _ subject: String, fold: Bool) -> Bool {
        enum Token {
            case run, one
            case literal(Unicode.Scalar)
        }
        func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return fold && lower.count == 1 ? lower.first! : scalar
        }
        var tokens: [Token] = []
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                tokens.append(.literal(folded(scalar)))
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                tokens.append(scalar == "%" ? .run : scalar == "_" ? .one : .literal(folded(scalar)))
            }
        }
        let text = subject.unicodeScalars.map(folded)
        // matched[j]: the tokens so far match the first j scalars of the text.
        var matched = [true] + Array(repeating: false, count: text.count)
        for token in tokens {
            var next = Array(repeating: false, count: text.count + 1)
            for j in 0...text.count {
                switch token {
                case .run: next[j] = matched[j] || (j > 0 && next[j - 1])
                case .one: next[j] = j > 0 && matched[j - 1]
                case .literal(let scalar): next[j] = j > 0 && matched[j - 1] && text[j - 1] == scalar
                }
            }
            matched = next
        }
        return matched[text.count]
    }
}
