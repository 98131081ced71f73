import Testing

/// One row of the table checked against PostgreSQL: a pattern, a text, and what PostgreSQL's
/// `text ~ pattern` (or `~*`) gave.
struct PostgresRegexCase: Sendable, CustomTestStringConvertible {
    /// PostgreSQL's answer.
    enum Expected: Sendable, Equatable {
        case matches
        case noMatch
        /// An error, with PostgreSQL's message after "invalid regular expression: ".
        case error(String)
    }

    let pattern: String
    let text: String
    let caseInsensitive: Bool
    let expected: Expected

    init(_ pattern: String, _ text: String, caseInsensitive: Bool, expected: Expected) {
        self.pattern = pattern
        self.text = text
        self.caseInsensitive = caseInsensitive
        self.expected = expected
    }

    var testDescription: String {
        "\(text.debugDescription) \(caseInsensitive ? "~*" : "~") \(pattern.debugDescription)"
    }
}
