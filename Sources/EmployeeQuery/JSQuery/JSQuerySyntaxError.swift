/// A jsquery expression that could not be parsed.
///
/// `offset` counts Unicode scalars from the start of the expression, starting at 0, and points at
/// the token where parsing failed (the expression's length when it ended too early). The
/// description reads like `expected value after '=' at 14`.
public struct JSQuerySyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What the parser expected or found wrong, without the position (e.g. `expected value after '='`).
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
