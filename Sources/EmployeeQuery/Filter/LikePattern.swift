/// A compiled SQL `LIKE` / `ILIKE` pattern: `%` matches any run of characters (also none), `_`
/// exactly one character, and `\` makes the next character literal.
///
/// A "character" is a Unicode scalar (a code point), as PostgreSQL counts characters in UTF-8,
/// so `_` matches `я` (two bytes) once. Case-insensitive matching folds each scalar to lower
/// case, with fast paths for ASCII and Cyrillic (`Ё`/`ё` included); scalars whose lower case is
/// more than one scalar are compared as they are.
///
/// The pattern is split once into literal segments between `%`s (`LikeSegment`), matched on the
/// subject's UTF-8 bytes, case-folded first for `ilike` (an index keeps its keys folded, so that
/// they are folded once, not on every search). Matching anchors the first and last segments and
/// finds each middle segment at its leftmost position, which is exact for `%` patterns and takes
/// at most O(pattern × subject) steps: no backtracking blow-up.
/// A `LikePattern` is immutable and safe to share between threads.
public struct LikePattern: Sendable, Hashable {
    /// Marks `_` among a segment's scalar values; real scalars are at most 0x10FFFF.
    private static let anyScalar: UInt32 = .max

    /// The pattern as written.
    public let pattern: String
    /// Whether matching ignores case (`ilike`).
    public let caseInsensitive: Bool
    /// Segments between `%`s, as folded scalar values with `anyScalar` for `_` (what an index narrows by).
    private let segments: [[UInt32]]
    /// The same segments compiled to UTF-8, for matching.
    private let compiled: [LikeSegment]
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
        // A folded value is a scalar: `fold` returns the scalar's own value or its lower case.
        compiled = segments.map { values in LikeSegment(values.map { $0 == Self.anyScalar ? nil : Unicode.Scalar($0) }) }
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
            UTF8.encode(Self.folded(scalar)) { bytes.append($0) }
        }
        return bytes
    }

    /// Tests a subject.
    /// - Parameter subject: The text to match; the whole text must match the pattern.
    /// - Returns: Whether it matches.
    public func matches(_ subject: String) -> Bool {
        guard caseInsensitive else {
            var subject = subject
            return subject.withUTF8 { matches(utf8: $0) }
        }
        return Self.withCaseFoldedUTF8(subject) { matches(utf8: $0) }
    }

    /// Tests a subject given as UTF-8, already case-folded (`caseFoldedUTF8(_:)`) when the pattern
    /// ignores case: how an index tests the keys it keeps.
    /// - Parameter subject: Valid UTF-8; the whole of it must match the pattern.
    /// - Returns: Whether it matches.
    func matches(utf8 subject: UnsafeBufferPointer<UInt8>) -> Bool {
        guard hasWildcardRun else { return compiled[0].match(subject, at: 0) == subject.count }
        guard var position = compiled[0].match(subject, at: 0) else { return false }
        for segment in compiled[1..<compiled.count - 1] {
            guard let end = segment.find(in: subject, from: position) else { return false }
            position = end
        }
        return compiled[compiled.count - 1].matchesEnd(of: subject, after: position)
    }

    /// Runs `body` on `subject` case-folded as `caseFoldedUTF8(_:)` folds it, in a buffer on the
    /// stack when the subject is short.
    private static func withCaseFoldedUTF8<Result>(_ subject: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        // A folded scalar takes at most twice its bytes: ASCII folds to ASCII, any other scalar takes two or more.
        let capacity = subject.utf8.count * 2
        guard capacity <= 1024 else { return caseFoldedUTF8(subject).withUnsafeBufferPointer(body) }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            var count = 0
            for scalar in subject.unicodeScalars {
                UTF8.encode(Self.folded(scalar)) { byte in
                    buffer[count] = byte
                    count += 1
                }
            }
            return body(UnsafeBufferPointer(rebasing: buffer[..<count]))
        }
    }

    /// The scalar as `ilike` compares it.
    @inline(__always)
    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(fold(scalar, true)) ?? scalar
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
