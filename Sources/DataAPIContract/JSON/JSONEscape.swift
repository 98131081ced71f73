/// JSON's one-letter string escapes (RFC 8259 §7), which the JSON scanner and the jsquery lexer
/// (whose strings take the same ones but `\/`) both decode.
public enum JSONEscape {
    /// The byte the escape `\` `letter` stands for: `"`, `\`, `/`, `b` (backspace), `f` (form feed),
    /// `n` (line feed), `r` (carriage return), `t` (tab); `nil` for `u`, whose four hex digits
    /// follow, and for a letter JSON has no escape for.
    /// - Parameter letter: The byte after the backslash.
    /// - Returns: The byte it stands for, or `nil`.
    @inlinable public static func byte(for letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): letter
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
    }
}
