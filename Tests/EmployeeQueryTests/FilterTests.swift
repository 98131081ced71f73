import DataAPIContract
import TestSupport
import Testing

@testable import EmployeeQuery

@Suite("like, ilike and regexp")
struct FilterTests {
    /// (pattern, subject, like, ilike)
    static let likeCases: [(String, String, Bool, Bool)] = [
        ("Иван%", "Иванов Иван", true, true),
        ("%Иван", "Иванов Иван", true, true),
        ("%нов Ив%", "Иванов Иван", true, true),
        ("%ван Ив%", "Иванов Иван", false, false),
        ("Иванов", "Иванов Иван", false, false),
        ("Иванов Иван", "Иванов Иван", true, true),
        ("_ванов Иван", "Иванов Иван", true, true),
        ("__анов%", "Иванов Иван", true, true),
        ("___нов", "Иванов", true, true),
        ("__нов", "Иванов", false, false),
        ("_", "я", true, true),
        ("_", "ab", false, false),
        ("_", "", false, false),
        ("%", "", true, true),
        ("%%", "что угодно", true, true),
        ("", "", true, true),
        ("", "a", false, false),
        ("a%b%c", "abc", true, true),
        ("a%b%c", "acb", false, false),
        ("%a%a%", "ba", false, false),
        ("%ab%ab%", "abab", true, true),
        ("%ab%ab%", "aba", false, false),
        ("a\\%b", "a%b", true, true),
        ("a\\%b", "axb", false, false),
        ("a\\_b", "a_b", true, true),
        ("a\\_b", "axb", false, false),
        ("a\\\\b", "a\\b", true, true),
        ("\\И%", "Иван", true, true),
        ("петров%", "Петров Пётр", false, true),
        ("%ПЁТР", "Петров Пётр", false, true),
        ("%пётр", "Петров ПЁТР", false, true),
        ("%петр", "Петров Пётр", false, false),
        ("ЁЛКИН", "ёлкин", false, true),
        ("ivan%", "IVANOV", false, true),
        ("%ΣΟΦΊΑ", "σοφία", false, true),
        ("%@romashka.ru", "ivan.ivanov@romashka.ru", true, true),
        ("7495%...%", "74955140578...2345", true, true),
    ]

    @Test("like and ilike", arguments: likeCases)
    func like(pattern: String, subject: String, like: Bool, ilike: Bool) throws {
        #expect(try LikePattern(pattern).matches(subject) == like, "\(subject) LIKE \(pattern)")
        #expect(try LikePattern(pattern, caseInsensitive: true).matches(subject) == ilike, "\(subject) ILIKE \(pattern)")
    }

    @Test func trailingEscapeIsAnError() {
        #expect(throws: LikePatternError.self) { try LikePattern("abc\\") }
        #expect(throws: Never.self) { try LikePattern("abc\\\\") }
    }

    @Test func pathologicalPatternsStayFast() throws {
        let subject = String(repeating: "a", count: 20_000)
        let pattern = try LikePattern(String(repeating: "%a", count: 30) + "%b")
        let clock = ContinuousClock()
        let elapsed = clock.measure { #expect(!pattern.matches(subject)) }
        #expect(elapsed < Watchdog.duration(expecting: .milliseconds(200)), "took \(elapsed)")
        #expect(try LikePattern(String(repeating: "%a", count: 30) + "%").matches(subject))
    }

    /// (pattern, subject, matches)
}
