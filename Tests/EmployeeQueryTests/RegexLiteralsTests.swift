import PostgresRegex
import Testing

@testable import EmployeeQuery

/// The literal runs a trigram table narrows a `regexp` by must be in every match: each case names
/// the runs read from a pattern, and subjects the pattern matches must contain every run.
@Suite struct RegexLiteralsTests {
    static func runs(_ pattern: String) -> [String] {
        RegexLiterals.required(in: pattern).map { String(String.UnicodeScalarView($0.compactMap(Unicode.Scalar.init))) }
    }

    @Test(arguments: [
        ("Иванов", ["Иванов"]),
        ("^иван.*@example\\.com$", ["иван", "@example.com"]),
        ("ова$", ["ова"]),
        ("abc?d", ["ab", "d"]),
        ("ab*c", ["a", "c"]),
        ("ab+c", ["ab", "c"]),
        ("ab{2}c", ["a", "c"]),
        ("a[bc]de", ["a", "de"]),
        ("a[]x]yz", ["a", "yz"]),
        ("a[[:alpha:]]bcd", ["a", "bcd"]),
        ("ab(cd|ef)gh", ["ab", "gh"]),
        ("(abc)?xyz", ["xyz"]),
        ("a\\dbc", ["a", "bc"]),
        ("***=a.b*", ["a.b*"]),
        ("***:abc", ["abc"]),
        ("(?n)abc", ["abc"]),
        ("abc*?", ["ab"]),
    ])
    func runsAreRead(_ pattern: String, _ expected: [String]) {
        #expect(Self.runs(pattern) == expected)
    }

    /// Where the reader is not sure, it reads nothing: alternation outside groups, case-insensitive
    /// and expanded options, escapes that read more characters.
    @Test(arguments: ["abc|def", "(?i)иван", "(?x)a b c", "\\x41bc", "a\\1bc", "(abc", "[abc", "abc)"])
    func unsureReadsNothing(_ pattern: String) {
        #expect(Self.runs(pattern).isEmpty)
    }

    /// Every run is in every subject the pattern matches.
    @Test func runsAreInEveryMatch() throws {
        let subjects = [
            "Иванов", "иванова@example.com", "abcd", "abd", "abbbc", "ac", "abbc", "aXde", "ayz", "a]yz", "aZbcd", "abcdgh",
            "abefgh", "xyz", "abcxyz", "a1bc", "a.b*", "abc", "ab", "Петрова", "a.b", "abcc",
        ]
        let patterns = [
            "Иванов", "^иван.*@example\\.com$", "ова$", "abc?d", "ab*c", "ab+c", "ab{2}c", "a[bc]de", "a[]x]yz", "a[[:alpha:]]bcd",
            "ab(cd|ef)gh", "(abc)?xyz", "a\\dbc", "***=a.b*", "abc*?", "a.b", "b+c", "c?",
        ]
        var matched = 0
        for pattern in patterns {
            let regex = try PostgresRegex(pattern)
            for subject in subjects where try regex.matches(subject) {
                matched += 1
                for run in Self.runs(pattern) { #expect(subject.contains(run), "\(pattern) matched \(subject) without \(run)") }
            }
        }
        #expect(matched > 20)
    }
}
