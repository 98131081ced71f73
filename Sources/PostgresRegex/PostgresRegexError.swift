/// Why a `PostgresRegex` could not be built or could not finish a match.
public struct PostgresRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The ways a regular expression fails.
    public enum Kind: Sendable, Hashable {
        /// PostgreSQL would reject the pattern (or PCRE2 cannot express it).
        case invalidPattern
        /// The match ran into the backtracking, depth or memory limit before it could decide.
        case budgetExceeded
        /// The steps a caller allowed for this and other work ran out before the match decided
        /// (`PostgresRegex.matches(_:steps:)`).
        case stepsExhausted
    }

    /// Which failure this is.
    public var kind: Kind
    /// A readable explanation; for invalid patterns worded like PostgreSQL's
    /// (`invalid regular expression: parentheses () not balanced`).
    public var message: String

    /// Creates an error.
    /// - Parameters:
    ///   - kind: Which failure this is.
    ///   - message: A readable explanation.
    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
