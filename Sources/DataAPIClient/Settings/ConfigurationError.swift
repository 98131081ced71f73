/// A problem with the connection settings: flags, environment or the profile file.
///
/// The message names the source (`--token`, `EMPSH_LOGIN`, `~/.config/empsh/config.toml:7`) and never
/// holds a secret value.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, as a sentence.
    public var message: String
    /// The file at fault, when there is one.
    public var file: String?
    /// The 1-based line in `file`, when known.
    public var line: Int?

    /// Creates an error.
    /// - Parameters:
    ///   - message: The text.
    ///   - file: The file; none by default.
    ///   - line: The line; none by default.
    public init(_ message: String, file: String? = nil, line: Int? = nil) {
        self.message = message
        self.file = file
        self.line = line
    }

    /// `FILE:LINE: MESSAGE`, `FILE: MESSAGE` or `MESSAGE`.
    public var description: String {
        guard let file else { return message }
        return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}
