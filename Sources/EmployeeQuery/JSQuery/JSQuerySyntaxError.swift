import DataAPIContract

/// A jsquery expression that jsquery would refuse.
///
/// `offset` counts Unicode scalars from the start of the expression, starting at 0, and points at
/// the token where parsing failed (the expression's length when it ended too early). Messages
/// follow jsquery's (`syntax error, unexpected STRING_P "x"`, `Escape sequence is invalid`,
/// `Array length should be last in path`); the description reads like
/// `syntax error, unexpected end of file at 14`.
public struct JSQuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, without the position (e.g. `syntax error, unexpected ')'`).
    public var message: String
    /// Where the problem is: an offset in Unicode scalars from the start, 0-based.
    public var offset: Int

    /// Creates an error.
    /// - Parameters:
    ///   - message: What was expected or is wrong, without the position.
    ///   - offset: The 0-based offset, in Unicode scalars, of the offending token.
    public init(_ message: String, at offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// `message at offset`.
    public var description: String { "\(message) at \(offset)" }
}
