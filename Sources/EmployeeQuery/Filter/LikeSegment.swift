/// One run of a `LIKE` pattern between `%`s, compiled to UTF-8 and matched on a subject's UTF-8
/// bytes: literal scalars as their bytes, and `_` as the byte `0xFF` (never part of valid UTF-8),
/// which stands for one whole scalar of the subject, one to four bytes.
///
/// Matching bytes is matching scalars: a literal begins with a scalar's first byte, which in
/// valid UTF-8 never occurs inside another scalar, so a literal found in a subject starts and ends
/// on scalar boundaries, and `_` steps over exactly one scalar. The subject must be valid UTF-8
/// (a Swift string's bytes); on other bytes matching stays in bounds but its answer is unspecified.
struct LikeSegment: Sendable {
    /// The byte that stands for `_`.
    static let anyScalar: UInt8 = 0xFF

    /// The segment's bytes, `anyScalar` for each `_`.
    let bytes: [UInt8]
    /// Whether the segment holds a `_`; without one it matches exactly its own bytes.
    let hasAnyScalar: Bool
    /// Where the search for the segment looks first (`find(in:from:)`): a byte of its leading
    /// literal, the second when there is one, since in Cyrillic text the first byte of nearly
    /// every letter is `0xD0` or `0xD1` and tells little.
    private let probe: Int

    /// Compiles a segment.
    /// - Parameter scalars: The segment's scalar values (folded when the pattern ignores case), `nil` for `_`.
    init(_ scalars: [Unicode.Scalar?]) {
        var bytes: [UInt8] = []
        for scalar in scalars {
            if let scalar { UTF8.encode(scalar) { bytes.append($0) } } else { bytes.append(Self.anyScalar) }
        }
        self.bytes = bytes
        hasAnyScalar = bytes.contains(Self.anyScalar)
        probe = bytes.count >= 2 && bytes[0] != Self.anyScalar && bytes[1] != Self.anyScalar ? 1 : 0
    }

    /// Whether the segment is empty (a pattern starting or ending with `%`).
    var isEmpty: Bool { bytes.isEmpty }

    /// Where the segment ends when it matches `subject` at `start`, or `nil`.
    /// - Parameters:
    ///   - subject: The subject's UTF-8 (case-folded when the pattern ignores case).
    ///   - start: A scalar boundary in `subject`.
    @inline(__always)
    func match(_ subject: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        for wanted in bytes {
            guard index < subject.count else { return nil }
            if wanted == Self.anyScalar {
                index += Self.scalarLength(subject[index])
                if index > subject.count { return nil }
            } else {
                guard subject[index] == wanted else { return nil }
                index += 1
            }
        }
        return index
    }

    /// The end of the leftmost match at or after `start`, or `nil`. The segment must not be empty.
    /// - Parameters:
    ///   - subject: The subject's UTF-8 (case-folded when the pattern ignores case).
    ///   - start: A scalar boundary in `subject`.
    func find(in subject: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let first = bytes.first else { return start }
        if first == Self.anyScalar {
            // Any scalar boundary may start the match: try each in turn.
            var index = start
            while index < subject.count {
                if let end = match(subject, at: index) { return end }
                index += Self.scalarLength(subject[index])
            }
            return nil
        }
        // A literal start: only where its bytes are; the probe byte picks the places worth comparing.
        let probeByte = bytes[probe]
        // Each byte of `bytes` takes at least one of the subject's (`_` one to four).
        var index = start
        let last = subject.count - bytes.count
        while index <= last {
            if subject[index + probe] == probeByte && subject[index] == first, let end = match(subject, at: index) { return end }
            index += 1
        }
        return nil
    }

    /// Whether the segment matches the end of `subject`, starting at or after `start`.
    /// - Parameters:
    ///   - subject: The subject's UTF-8 (case-folded when the pattern ignores case).
    ///   - start: A scalar boundary in `subject`: the match must not begin before it.
    func matchesEnd(of subject: UnsafeBufferPointer<UInt8>, after start: Int) -> Bool {
        guard hasAnyScalar else {
            let begin = subject.count - bytes.count
            guard begin >= start else { return false }
            for offset in 0..<bytes.count where subject[begin + offset] != bytes[offset] { return false }
            return true
        }
        // Backwards from the end: a literal byte by byte, `_` over one scalar's bytes.
        var index = subject.count
        for wanted in bytes.reversed() {
            guard index > start else { return false }
            index -= 1
            if wanted == Self.anyScalar {
                while index > start && subject[index] & 0xC0 == 0x80 { index -= 1 }
            } else if subject[index] != wanted {
                return false
            }
        }
        return true
    }

    /// How many bytes the scalar starting with `lead` takes (1 for a stray continuation byte).
    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        switch lead {
        case ..<0xC0: 1
        case ..<0xE0: 2
        case ..<0xF0: 3
        default: 4
        }
    }
}
