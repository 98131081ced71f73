/// The members of a bracket expression, gathered while parsing and then written as one
/// PCRE2 atom. Case-insensitive variants are added by the caller, so the result never
/// depends on PCRE2's own case folding.
struct BracketContents {
    private var ranges: [ClosedRange<UInt32>] = []
    private var classes: [CharacterClass] = []
    private var complementedClasses: [CharacterClass] = []

    mutating func add(_ value: UInt32) { ranges.append(value...value) }
    mutating func add(_ range: ClosedRange<UInt32>) { ranges.append(range) }
    mutating func add(_ characterClass: CharacterClass) { classes.append(characterClass) }
    /// Adds the characters outside a class (`\D`, `\S`, `\W` inside brackets).
    mutating func addComplement(of characterClass: CharacterClass) {
        complementedClasses.append(characterClass)
    }

    /// The bracket expression as a PCRE2 atom matching one character.
    /// - Parameters:
    ///   - complemented: Whether the expression was `[^...]`.
    ///   - excludingNewline: Whether a complemented expression must not match a newline
    ///     (newline-sensitive modes).
    /// - Returns: PCRE2 text that can take a quantifier.
    func pcreAtom(complemented: Bool, excludingNewline: Bool) -> String {
        var members = Self.merged(ranges.flatMap(Self.unicodeParts)).map(Self.pcreMembers).joined()
        if complemented && excludingNewline { members += #"\x{A}"# }
        var alternatives: [String] = []
        for characterClass in classes {
            switch characterClass.matcher {
            case .members(let classMembers): members += classMembers
            case .expression(let expression): alternatives.append(expression)
            }
        }
        if !members.isEmpty { alternatives.insert("[" + members + "]", at: 0) }
        alternatives += complementedClasses.map { $0.pcreAtom(complemented: true) }

        if complemented {
            if alternatives.isEmpty { return "(?s:.)" }
            if alternatives.count == 1, !members.isEmpty { return "[^" + members + "]" }
            return "(?:(?!" + alternatives.joined(separator: "|") + ")(?s:.))"
        }
        switch alternatives.count {
        case 0: return "(?:(?!))"
        case 1 where !members.isEmpty: return alternatives[0]
        default: return "(?:" + alternatives.joined(separator: "|") + ")"
        }
    }

    /// The same characters as `ranges`, as few sorted ranges that neither overlap nor touch: a
    /// case-insensitive range such as `[\x{1}-\x{1EFFF}]` gains thousands of case counterparts,
    /// nearly all inside it, and is written as one range rather than tens of kilobytes of pattern.
    static func merged(_ ranges: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var result: [ClosedRange<UInt32>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = result.last, range.lowerBound <= last.upperBound &+ 1 {
                result[result.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    /// The parts of a range that are Unicode scalar values; the rest can never match text.
    private static func unicodeParts(_ range: ClosedRange<UInt32>) -> [ClosedRange<UInt32>] {
        [0...0xD7FF, 0xE000...0x10FFFF].compactMap { valid in
            range.overlaps(valid) ? max(range.lowerBound, valid.lowerBound)...min(range.upperBound, valid.upperBound) : nil
        }
    }

    private static func pcreMembers(_ range: ClosedRange<UInt32>) -> String {
        let lower = PCRE2Text.literal(range.lowerBound)
        return range.count == 1 ? lower : lower + "-" + PCRE2Text.literal(range.upperBound)
    }
}
