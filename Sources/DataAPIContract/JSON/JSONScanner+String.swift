/// Strings: a fast path that hands out the input bytes when there is no escape, a slow path that
/// unescapes into the scratch buffer, and UTF-8 validation for both.
extension JSONScanner {
    /// Reads a string body; `pos` is just after the opening quote and ends after the closing one.
    /// - Returns: The unescaped UTF-8, pointing into the input or into scratch; valid until the next string.
    @inlinable
    mutating func scanString() throws -> UnsafeRawBufferPointer {
        let begin = pos
        var i = pos
        while true {
            // Eight bytes at a time up to the first special one (the lowest flagged byte is exact).
            while i &+ 8 <= count {
                let special = JSONScanner.specialBytes(base.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if special != 0 {
                    i &+= special.trailingZeroBitCount >> 3
                    break
                }
                i &+= 8
            }
            guard i < count else { throw fail(.unexpectedEnd, at: count) }
            let b = byte(i)
            if b == UInt8(ascii: "\"") {
                pos = i &+ 1
                return UnsafeRawBufferPointer(start: base + begin, count: i &- begin)
            }
            if b == UInt8(ascii: "\\") { return try scanEscapedString(begin: begin, escapeAt: i) }
            if b < 0x20 { throw fail(.controlCharacter, at: i) }
            if b < 0x80 {
                i &+= 1
                continue
            }
            // Two-byte sequences (Cyrillic, most Latin accents) in a run, without the general check.
            while i &+ 1 < count, byte(i) &- 0xC2 <= 0xDF - 0xC2, byte(i &+ 1) & 0xC0 == 0x80 { i &+= 2 }
            if i < count, byte(i) >= 0x80 { i = try validateUTF8(at: i) }
        }
    }

    /// The high bit of each of the 8 bytes (little-endian) that may be a quote, a backslash, a control
    /// character or non-ASCII; 0 when none is. Bits above the lowest may be false alarms (a borrow
    /// carries upward), but the lowest set bit marks the first special byte exactly.
    @inlinable @inline(__always)
    static func specialBytes(_ w: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = w ^ (ones &* 0x22)
        let backslash = w ^ (ones &* 0x5C)
        let candidates = (w &- ones &* 0x20) | (quote &- ones) | (backslash &- ones)
        return ((candidates & ~w) | w) & (ones &* 0x80)
    }

    /// Checks one multi-byte UTF-8 sequence (RFC 3629: no overlongs, no surrogates, at most U+10FFFF).
    /// - Returns: The offset after the sequence.
    @inlinable
    func validateUTF8(at i: Int) throws -> Int {
        let b0 = byte(i)
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xED:
            length = 3
            high = 0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF4:
            length = 4
            high = 0x8F
        case 0xF1...0xF3: length = 4
        default: throw fail(.invalidUTF8, at: i)
        }
        guard i + length <= count else { throw fail(.unexpectedEnd, at: count) }
        let b1 = byte(i + 1)
        guard b1 >= low && b1 <= high else { throw fail(.invalidUTF8, at: i) }
        for k in 2..<max(length, 2) where byte(i + k) & 0xC0 != 0x80 {
            throw fail(.invalidUTF8, at: i)
        }
        return i + length
    }

    /// The slow path: copies what was scanned so far into scratch and unescapes the rest.
    @inlinable
    mutating func scanEscapedString(begin: Int, escapeAt first: Int) throws -> UnsafeRawBufferPointer {
        var used = first - begin
        reserveScratch(used + 64, keeping: 0)
        scratch!.copyMemory(from: base + begin, byteCount: used)
        var i = first
        while true {
            guard i < count else { throw fail(.unexpectedEnd, at: count) }
            reserveScratch(used + 4, keeping: used)
            let out = scratch!
            let b = byte(i)
            if b == UInt8(ascii: "\"") {
                pos = i + 1
                return UnsafeRawBufferPointer(start: out, count: used)
            } else if b == UInt8(ascii: "\\") {
                guard i + 1 < count else { throw fail(.unexpectedEnd, at: count) }
                let letter = byte(i + 1)
                if letter == UInt8(ascii: "u") {
                    let (scalar, next) = try readUnicodeEscape(at: i)
                    used += JSONScanner.encodeUTF8(scalar, into: out + used)
                    i = next
                    continue
                }
                guard let plain = JSONEscape.byte(for: letter) else { throw fail(.invalidEscape, at: i) }
                out.storeBytes(of: plain, toByteOffset: used, as: UInt8.self)
                used += 1
                i += 2
            } else if b < 0x20 {
                throw fail(.controlCharacter, at: i)
            } else if b < 0x80 {
                out.storeBytes(of: b, toByteOffset: used, as: UInt8.self)
                used += 1
                i += 1
            } else {
                let next = try validateUTF8(at: i)
                (out + used).copyMemory(from: base + i, byteCount: next - i)
                used += next - i
                i = next
            }
        }
    }

    /// Reads `\uXXXX` (and its low surrogate `\uXXXX` when the first is a high one) at `i`.
    /// - Returns: The scalar value and the offset after the escape(s).
    @inlinable
    func readUnicodeEscape(at i: Int) throws -> (UInt32, Int) {
        let unit = try hex4(at: i + 2)
        switch unit {
        case 0xD800...0xDBFF:
            guard i + 7 < count, byte(i + 6) == UInt8(ascii: "\\"), byte(i + 7) == UInt8(ascii: "u") else {
                throw fail(i + 6 >= count ? .unexpectedEnd : .loneSurrogate, at: i + 6 >= count ? count : i)
            }
            let low = try hex4(at: i + 8)
            guard (0xDC00...0xDFFF).contains(low) else { throw fail(.loneSurrogate, at: i) }
            return (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), i + 12)
        case 0xDC00...0xDFFF:
            throw fail(.loneSurrogate, at: i)
        default:
            return (unit, i + 6)
        }
    }

    /// Four hex digits at `i` as a number.
    @inlinable
    func hex4(at i: Int) throws -> UInt32 {
        guard i + 4 <= count else { throw fail(.unexpectedEnd, at: count) }
        var value: UInt32 = 0
        for k in 0..<4 {
            let c = byte(i + k)
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: throw fail(.invalidEscape, at: i - 2)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Writes `scalar` as UTF-8 at `out` (room for 4 bytes).
    /// - Returns: The number of bytes written.
    @inlinable
    static func encodeUTF8(_ scalar: UInt32, into out: UnsafeMutableRawPointer) -> Int {
        func put(_ k: Int, _ v: UInt32) { out.storeBytes(of: UInt8(truncatingIfNeeded: v), toByteOffset: k, as: UInt8.self) }
        switch scalar {
        case 0..<0x80:
            put(0, scalar)
            return 1
        case 0x80..<0x800:
            put(0, 0xC0 | scalar >> 6)
            put(1, 0x80 | scalar & 0x3F)
            return 2
        case 0x800..<0x10000:
            put(0, 0xE0 | scalar >> 12)
            put(1, 0x80 | scalar >> 6 & 0x3F)
            put(2, 0x80 | scalar & 0x3F)
            return 3
        default:
            put(0, 0xF0 | scalar >> 18)
            put(1, 0x80 | scalar >> 12 & 0x3F)
            put(2, 0x80 | scalar >> 6 & 0x3F)
            put(3, 0x80 | scalar & 0x3F)
            return 4
        }
    }
}
