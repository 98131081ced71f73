/// Case mapping as PostgreSQL's regex engine applies it under case-insensitive matching:
/// the simple one-to-one `towlower`/`towupper` mappings, not Unicode case folding. So `(?i)s`
/// does not match `ſ` and `(?i)σ` does not match `ς`, unlike PCRE2's `PCRE2_CASELESS`.
enum PostgresCaseMapping {
    /// No character above this has a case mapping (the last are Adlam, U+1E900–U+1E943).
    private static let lastCasedCharacter: UInt32 = 0x1EFFF
    /// Ranges at most this long are scanned directly; longer ones use `casedCharacters`.
    private static let directScanLimit: UInt32 = 4096

    /// The simple lowercase mapping of a character (itself when it has none).
    static func lowercase(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value), value > 0x7F || (0x41...0x5A).contains(value) else {
            return value
        }
        if let single = singleScalar(scalar.properties.lowercaseMapping) { return single }
        return value == 0x130 ? 0x69 : value  // İ lowercases to "i̇" in full, to "i" simply
    }

    /// The simple uppercase mapping of a character (itself when it has none).
    static func uppercase(_ value: UInt32) -> UInt32 {
        guard let scalar = Unicode.Scalar(value), value > 0x7F || (0x61...0x7A).contains(value) else {
            return value
        }
        if let single = singleScalar(scalar.properties.uppercaseMapping) { return single }
        // Greek letters with ypogegrammeni uppercase to two letters in full, to the
        // titlecase letter with prosgegrammeni simply.
        switch value {
        case 0x1F80...0x1F87, 0x1F90...0x1F97, 0x1FA0...0x1FA7: return value + 8
        case 0x1FB3, 0x1FC3, 0x1FF3: return value + 9
        default: return value
        }
    }

    /// The characters a pattern character matches case-insensitively: its lowercase and
    /// uppercase forms (PostgreSQL's `allcases`, which leaves out a titlecase letter itself).
    static func variants(of value: UInt32) -> [UInt32] {
        let lower = lowercase(value)
        let upper = uppercase(value)
        return lower == upper ? [lower] : [lower, upper]
    }

    /// The case counterparts that a bracket range gains under case-insensitive matching.
    /// - Parameter range: The range as written.
    /// - Returns: The lowercase and uppercase forms of its characters that differ from them.
    static func variants(ofRange range: ClosedRange<UInt32>) -> [UInt32] {
        guard range.lowerBound <= lastCasedCharacter else { return [] }
        let clipped = range.lowerBound...min(range.upperBound, lastCasedCharacter)
        let candidates: [UInt32] =
            clipped.count <= Int(directScanLimit)
            ? Array(clipped) : casedCharacters.filter { clipped.contains($0) }
        var result: [UInt32] = []
        for value in candidates {
            let lower = lowercase(value)
            let upper = uppercase(value)
            if lower != value { result.append(lower) }
            if upper != value { result.append(upper) }
        }
        return result
    }

    /// Every character with a lowercase or uppercase mapping, built on first use.
    private static let casedCharacters: [UInt32] = (0...lastCasedCharacter).filter {
        lowercase($0) != $0 || uppercase($0) != $0
    }

    private static func singleScalar(_ mapping: String) -> UInt32? {
        var scalars = mapping.unicodeScalars.makeIterator()
        guard let first = scalars.next(), scalars.next() == nil else { return nil }
        return first.value
    }
}
