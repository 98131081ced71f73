/// Numbers: integers that fit `Int64` exactly; everything else as a correctly rounded `Double`.
extension JSONScanner {
    /// Reads a number at `pos` and reports it to `visitor` as `int` or `double`.
    ///
    /// Longer than 60 lines on purpose: sign, digits, fraction and exponent share the mantissa, the
    /// exactness flag and the position, and read best as the one pass over the bytes they are.
    @inlinable
    mutating func scanNumber<V: JSONVisitor>(into visitor: inout V) throws {
        let begin = pos
        var i = pos
        let negative = byte(i) == UInt8(ascii: "-")
        if negative { i += 1 }
        var mantissa: UInt64 = 0
        var exact = true  // false once a digit no longer fits the mantissa
        var exponent = 0
        var isInteger = true
        let limit: UInt64 = (UInt64.max - 9) / 10

        guard i < count else { throw fail(.unexpectedEnd, at: count) }
        var digit = byte(i) &- UInt8(ascii: "0")
        guard digit < 10 else { throw fail(.invalidNumber, at: i) }
        if digit == 0 {
            i += 1
            if i < count && byte(i) &- UInt8(ascii: "0") < 10 { throw fail(.invalidNumber, at: i) }
        } else {
            repeat {
                if mantissa <= limit {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                } else {
                    exact = false
                    exponent += 1
                }
                i += 1
                guard i < count else { break }
                digit = byte(i) &- UInt8(ascii: "0")
            } while digit < 10
        }
        if i < count && byte(i) == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            i = try scanDigits(from: i) { digit in
                if mantissa <= limit {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    exponent -= 1
                } else {
                    exact = false
                }
            }
        }
        if i < count && byte(i) | 0x20 == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            var negativeExponent = false
            if i < count && (byte(i) == UInt8(ascii: "-") || byte(i) == UInt8(ascii: "+")) {
                negativeExponent = byte(i) == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            i = try scanDigits(from: i) { digit in if written < 100_000 { written = written * 10 + Int(digit) } }
            exponent += negativeExponent ? -written : written
        }
        pos = i

        if isInteger && exact {
            if !negative && mantissa <= UInt64(Int64.max) { return try visitor.int(Int64(mantissa)) }
            if negative && mantissa != 0 && mantissa <= UInt64(1) << 63 { return try visitor.int(Int64(bitPattern: 0 &- mantissa)) }
        }
        var value: Double
        if exact && mantissa <= UInt64(1) << 53 && exponent >= -22 && exponent <= 22 {
            // Clinger's fast path: both operands are exact, so one rounding gives the correct result.
            value = Double(mantissa)
            value = exponent < 0 ? value / jsonPowersOf10[-exponent] : value * jsonPowersOf10[exponent]
            if negative { value = -value }
        } else {
            let text = String(decoding: UnsafeRawBufferPointer(start: base + begin, count: i - begin), as: UTF8.self)
            guard let parsed = Double(text) else { throw fail(.invalidNumber, at: begin) }
            value = parsed
        }
        guard value.isFinite else { throw fail(.numberOutOfRange, at: begin) }
        try visitor.double(value)
    }

    /// Reads one or more digits from `i`, handing each to `body`.
    /// - Returns: The offset after the last digit.
    @inlinable
    func scanDigits(from start: Int, _ body: (UInt8) -> Void) throws -> Int {
        var i = start
        while i < count {
            let digit = byte(i) &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            body(digit)
            i += 1
        }
        guard i > start else { throw fail(start < count ? .invalidNumber : .unexpectedEnd, at: min(start, count)) }
        return i
    }
}

/// 10^0 … 10^22, every one exactly representable as a `Double`.
@usableFromInline
let jsonPowersOf10: [Double] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
]
