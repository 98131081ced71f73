/// The compile options of a PostgreSQL regular expression: the flavour of syntax and the
/// matching modes, as set by the operator (`~` or `~*`), the `***` directors and the
/// embedded options `(?...)` that may open a pattern.
struct RegexSyntaxOptions: Equatable {
    /// Which grammar the rest of the pattern is read with.
    enum Flavor: Equatable {
        /// Advanced regular expressions (AREs), the default for `~`.
        case advanced
        /// POSIX extended regular expressions, `(?e)`.
        case extended
        /// POSIX basic regular expressions, `(?b)`.
        case basic
        /// Every character stands for itself, `***=` or `(?q)`.
        case literal
    }

    var flavor: Flavor = .advanced
    var caseInsensitive = false
    /// `(?x)`: white space and `#` comments between tokens are ignored.
    var expanded = false
    /// `.` and `[^...]` do not match a newline (REG_NLSTOP).
    var newlineStopsDot = false
    /// `^` and `$` also match after and before a newline (REG_NLANCH).
    var newlineAnchors = false

    /// Reads the directors and embedded options at the start of a pattern, as PostgreSQL's
    /// `prefixes()` does.
    /// - Parameters:
    ///   - pattern: The pattern's Unicode scalar values.
    ///   - caseInsensitive: Whether the operator asked for case-insensitive matching (`~*`).
    /// - Returns: The options in force and the index where the pattern proper begins.
    /// - Throws: `RegexSyntaxError` for `***?`, a bad director or a bad option letter.
    static func read(
        from pattern: [UInt32], caseInsensitive: Bool
    ) throws(RegexSyntaxError) -> (options: RegexSyntaxOptions, start: Int) {
        var options = RegexSyntaxOptions(caseInsensitive: caseInsensitive)
        var position = 0
        func scalar(at index: Int) -> UInt32? { index < pattern.count ? pattern[index] : nil }
        func isLetter(_ value: UInt32?) -> Bool {
            guard let value, let scalar = Unicode.Scalar(value) else { return false }
            return scalar.properties.isAlphabetic
        }

        if pattern.count >= 4, pattern[0...2].allSatisfy({ $0 == ascii("*") }) {
            switch pattern[3] {
            case ascii("?"): throw .badPattern
            case ascii("="):
                options.flavor = .literal
                options.expanded = false
                options.newlineStopsDot = false
                options.newlineAnchors = false
                return (options, 4)
            case ascii(":"): position = 4
            default: throw .invalidQuantifierOperand
            }
        }

        guard scalar(at: position) == ascii("("), scalar(at: position + 1) == ascii("?"),
            isLetter(scalar(at: position + 2))
        else { return (options, position) }
        position += 2
        while let letter = scalar(at: position), isLetter(letter) {
            switch letter {
            case ascii("b"): options.flavor = .basic
            case ascii("c"): options.caseInsensitive = false
            case ascii("e"): options.flavor = .extended
            case ascii("i"): options.caseInsensitive = true
            case ascii("m"), ascii("n"):
                options.newlineStopsDot = true
                options.newlineAnchors = true
            case ascii("p"):
                options.newlineStopsDot = true
                options.newlineAnchors = false
            case ascii("q"): options.flavor = .literal
            case ascii("s"):
                options.newlineStopsDot = false
                options.newlineAnchors = false
            case ascii("t"): options.expanded = false
            case ascii("w"):
                options.newlineStopsDot = false
                options.newlineAnchors = true
            case ascii("x"): options.expanded = true
            default: throw .invalidEmbeddedOption
            }
            position += 1
        }
        guard scalar(at: position) == ascii(")") else { throw .invalidEmbeddedOption }
        if options.flavor == .literal {
            options.expanded = false
            options.newlineStopsDot = false
            options.newlineAnchors = false
        }
        return (options, position + 1)
    }
}

/// The scalar value of an ASCII character, for readable comparisons against pattern scalars.
@inline(__always)
func ascii(_ character: Unicode.Scalar) -> UInt32 { character.value }
