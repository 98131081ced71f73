/// Why a JSON text was rejected, and where.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A short, stable reason for the failure.
    public struct Reason: RawRepresentable, Sendable, Hashable {
        /// The kind's name, as the message shows it.
        public var rawValue: String
        /// Wraps a kind's name.
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The input ended inside a value (or was empty).
        public static let unexpectedEnd = Self(rawValue: "unexpected end of input")
        /// A byte that cannot start or continue the value here.
        public static let unexpectedByte = Self(rawValue: "unexpected byte")
        /// Bytes after the top-level value other than whitespace.
        public static let trailingGarbage = Self(rawValue: "trailing characters after the value")
        /// A byte sequence that is not valid UTF-8.
        public static let invalidUTF8 = Self(rawValue: "invalid UTF-8")
        /// An unescaped control character (below U+0020) inside a string.
        public static let controlCharacter = Self(rawValue: "control character in string")
        /// A backslash followed by something other than a JSON escape.
        public static let invalidEscape = Self(rawValue: "invalid escape")
        /// A `\uD800`–`\uDFFF` escape that is not part of a valid surrogate pair.
        public static let loneSurrogate = Self(rawValue: "lone surrogate in \\u escape")
        /// A malformed number (leading zero, missing digits).
        public static let invalidNumber = Self(rawValue: "invalid number")
        /// A number too large in magnitude for a `Double`.
        public static let numberOutOfRange = Self(rawValue: "number out of range")
        /// Arrays and objects nested deeper than the parser's limit.
        public static let tooDeep = Self(rawValue: "nesting too deep")
    }

    /// The byte offset in the input where the problem was found.
    public var offset: Int
    /// What was wrong.
    public var reason: Reason

    /// Creates an error at `offset`.
    public init(offset: Int, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    /// `"<reason> at byte <offset>"`.
    public var description: String { "\(reason.rawValue) at byte \(offset)" }
}
