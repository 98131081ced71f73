/// A compiled SQL `LIKE` / `ILIKE` pattern: `%` matches any run of characters (also none), `_`
/// exactly one character, and `\` makes the next character literal.
///
/// A "character" is a Unicode scalar (a code point), as PostgreSQL counts characters in UTF-8,
/// so `_` matches `я` (two bytes) once. Case-insensitive matching folds each scalar to lower
/// case, with fast paths for ASCII and Cyrillic (`Ё`/`ё` included); scalars whose lower case is
/// more than one scalar are compared as they are.
///
/// The pattern is split once into literal segments between `%`s. Matching anchors the first
/// and last segments and finds each middle segment at its leftmost position, which is exact
/// for `%` patterns and takes at most O(pattern × subject) steps: no backtracking blow-up.
/// A `LikePattern` is immutable and safe to share between threads.
public struct LikePattern: Sendable, Hashable {
    /// Marks `_` inside a segment; real scalars are at most 0x10FFFF.
    private static let anyScalar: UInt32 = .max

    /// The pattern as written.
    public let pattern: String
    /// Whether matching ignores case (`ilike`).
    public let caseInsensitive: Bool
    /// Segments between `%`s, as folded scalar values with `anyScalar` for `_`.
    private let segments: [[UInt32]]
    /// Whether the pattern holds a `%` at all; otherwise it must match the whole subject as one segment.
    private let hasWildcardRun: Bool

    /// Compiles a pattern.
    /// - Parameters:
    ///   - pattern: The pattern, e.g. `%Иван_в%`; `\%`, `\_` and `\\` stand for the characters themselves.
    ///   - caseInsensitive: `true` for `ilike`; `false` (the default) for `like`.
    /// - Throws: `LikePatternError` when the pattern ends in a lone `\`.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(LikePatternError) {
        var segments: [[UInt32]] = [[]]
        var escaped = false
        for scalar in pattern.unicodeScalars {
            if escaped {
                segments[segments.count - 1].append(Self.fold(scalar, caseInsensitive))
                escaped = false
                continue
            }
            switch scalar {
            case "\\": escaped = true
            case "%": if !segments[segments.count - 1].isEmpty || segments.count == 1 { segments.append([]) }
            case "_": segments[segments.count - 1].append(Self.anyScalar)
            default: segments[segments.count - 1].append(Self.fold(scalar, caseInsensitive))
            }
        }
        if escaped { throw LikePatternError(pattern: pattern, message: "LIKE pattern must not end with escape character") }
        self.pattern = pattern
        self.caseInsensitive = caseInsensitive
        self.segments = segments
        self.hasWildcardRun = segments.count > 1
    }

    /// What every match starts with, for an index to narrow a search by (see `Anchor`).
    var anchor: Anchor {
        let first = segments[0]
        let literal = Array(first.prefix { $0 != Self.anyScalar })
        guard literal.count == first.count else { return .startsWith(literal) }
        if !hasWildcardRun { return .equal(literal) }
        return segments.count == 2 && segments[1].isEmpty ? .prefix(literal) : .startsWith(literal)
    }

    /// The runs of literal scalars between wildcards (folded when the pattern ignores case): every
    /// match contains each of them, for a trigram table to narrow a search by.
    var literalRuns: [[UInt32]] {
        segments.flatMap { $0.split(separator: Self.anyScalar).map(Array.init) }
    }

    /// The pattern's leading literal and how much of the pattern it is, as scalar values (folded
    /// when the pattern ignores case, as `caseFoldedUTF8(_:)` folds a subject).
    enum Anchor: Equatable {
        /// No `%` and no `_`: a subject matches exactly when it is the literal.
        case equal([UInt32])
        /// The literal followed only by `%`s: a subject matches exactly when it starts with the literal.
        case prefix([UInt32])
        /// Every match starts with the literal, and must pass more of the pattern besides.
        case startsWith([UInt32])
    }

    /// A subject lower-cased scalar by scalar as `ilike` compares it, in UTF-8.
    /// - Parameter subject: The text.
    /// - Returns: The folded scalars' UTF-8 bytes.
    static func caseFoldedUTF8(_ subject: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(subject.utf8.count)
        for scalar in subject.unicodeScalars {
            let folded = Unicode.Scalar(fold(scalar, true)) ?? scalar
            UTF8.encode(folded) { bytes.append($0) }
        }
        return bytes
    }

    /// Tests a subject.
    /// - Parameter subject: The text to match; the whole text must match the pattern.
    /// - Returns: Whether it matches.
    public func matches(_ subject: String) -> Bool {
        let scalars = subject.unicodeScalars
        guard hasWildcardRun else {
            return match(segments[0], in: scalars, at: scalars.startIndex) == scalars.endIndex
        }
        guard var position = match(segments[0], in: scalars, at: scalars.startIndex) else { return false }
        for segment in segments.dropFirst().dropLast() {
            guard let end = find(segment, in: scalars, from: position) else { return false }
            position = end
        }
        let last = segments[segments.count - 1]
        guard let start = scalars.index(scalars.endIndex, offsetBy: -last.count, limitedBy: position) else { return false }
        return match(last, in: scalars, at: start) != nil
    }

    /// Where `segment` ends when it matches at `start`, or `nil`.
    private func match(_ segment: [UInt32], in scalars: String.UnicodeScalarView, at start: String.Index) -> String.Index? {
        var index = start
        for wanted in segment {
            guard index < scalars.endIndex else { return nil }
            if wanted != Self.anyScalar && wanted != Self.fold(scalars[index], caseInsensitive) { return nil }
            index = scalars.index(after: index)
        }
        return index
    }

    /// The end of the leftmost match of `segment` at or after `start`, or `nil`.
    private func find(_ segment: [UInt32], in scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index? {
        var index = start
        while true {
            if let end = match(segment, in: scalars, at: index) { return end }
            guard index < scalars.endIndex else { return nil }
            index = scalars.index(after: index)
        }
    }

    /// The scalar's value, lower-cased when `caseInsensitive`.
    @inline(__always)
    private static func fold(_ scalar: Unicode.Scalar, _ caseInsensitive: Bool) -> UInt32 {
        let value = scalar.value
        guard caseInsensitive else { return value }
        switch value {
        case 0x41...0x5A: return value + 0x20  // A–Z
        case 0..<0x80: return value
        case 0x410...0x42F: return value + 0x20  // А–Я
        case 0x430...0x44F, 0x450...0x45F: return value  // а–я, ѐ–џ
        case 0x400...0x40F: return value + 0x50  // Ѐ–Џ, Ё → ё
        default:
            guard scalar.properties.changesWhenLowercased else { return value }
            let lower = scalar.properties.lowercaseMapping.unicodeScalars
            return lower.count == 1 ? lower.first!.value : value
        }
    }

    public static func == (lhs: LikePattern, rhs: LikePattern) -> Bool {
        lhs.pattern == rhs.pattern && lhs.caseInsensitive == rhs.caseInsensitive
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(pattern)
        hasher.combine(caseInsensitive)
    }
}

/// A `LIKE` pattern that cannot be compiled.
public struct LikePatternError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// Why it is invalid, in PostgreSQL's words.
    public var message: String
    public var description: String { message }
}
