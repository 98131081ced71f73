import Testing

@testable import PostgresRegex

/// Checks every case of the table generated from PostgreSQL's own answers.
@Suite struct PostgresRegexCaseTests {
    @Test("agrees with PostgreSQL", arguments: postgresRegexCases)
    func agreesWithPostgreSQL(_ testCase: PostgresRegexCase) {
        let (outcome, translation) = Self.run(testCase)
        if case .error = testCase.expected {
            guard case .error = outcome else {
                Issue.record("PostgreSQL rejects the pattern, PostgresRegex gave \(outcome); PCRE2: \(translation)")
                return
            }
        } else {
            #expect(outcome == testCase.expected, "PCRE2 pattern: \(translation)")
        }
    }

    @Test(
        "rejects patterns with PostgreSQL's wording",
        arguments: postgresRegexCases.filter { if case .error = $0.expected { true } else { false } })
    func errorWordingMatchesPostgreSQL(_ testCase: PostgresRegexCase) {
        #expect(Self.run(testCase).outcome == testCase.expected)
    }

    @Test("known differences from PostgreSQL", arguments: postgresRegexKnownDifferences)
    func knownDifference(_ testCase: PostgresRegexCase) {
        withKnownIssue {
            #expect(Self.run(testCase).outcome == testCase.expected)
        }
    }

    @Test func errorsReadLikePostgreSQL() {
        #expect(
            throws: PostgresRegexError(
                kind: .invalidPattern, message: "invalid regular expression: parentheses () not balanced")
        ) {
            try PostgresRegex("(a")
        }
    }

    /// Compiles and matches one case; returns the outcome and the PCRE2 translation.
    private static func run(_ testCase: PostgresRegexCase) -> (outcome: PostgresRegexCase.Expected, pcre: String) {
        let regex: PostgresRegex
        do {
            regex = try PostgresRegex(testCase.pattern, caseInsensitive: testCase.caseInsensitive)
        } catch {
            return (.error(error.message), "")
        }
        do {
            return (try regex.matches(testCase.text) ? .matches : .noMatch, regex.pcrePattern)
        } catch {
            return (.error(error.message), regex.pcrePattern)
        }
    }
}
