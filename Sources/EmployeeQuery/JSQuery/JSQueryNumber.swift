import DataAPIContract

/// A jsquery number literal, exact as PostgreSQL's `numeric` holds it, with the `Int64` and
/// `Double` forms that make comparisons with `JSON` numbers cheap.
struct JSQueryNumber: Sendable, Hashable {
    /// The significant decimal digits (0...9), without leading or trailing zeros; empty for zero.
    let digits: [UInt8]
    /// The value is `0.d₁d₂… × 10^exponent` (so `exponent` integer digits when it is ≥ 1).
    let exponent: Int
    let isNegative: Bool
    /// The value, when it is an integer within `Int64`.
    let int: Int64?
    /// The nearest `Double`.
    let double: Double
    /// Whether comparing `double` with a JSON float orders them as the exact decimals would:
    /// at most 15 significant digits (which `Double` keeps apart) and no overflow or underflow.
    let doubleIsFaithful: Bool

    /// The most integer digits `numeric` holds (weight 32767 in base 10000).
    static let maximumIntegerDigits = 131_072
    /// The most fraction digits `numeric` holds (its largest display scale).
    static let maximumScale = 16_383

    /// Parses a literal the scanner matched (`[+-]?digits?(.digits)?([eE][+-]?digits)?`).
    /// Returns `nil` where `numeric_in` reports "value overflows numeric format".
    init?(literal text: some StringProtocol) {
        var bytes = Substring(text).utf8[...]
        var negative = false
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        let integerPart = bytes.prefix { $0 >= 48 && $0 <= 57 }
        bytes = bytes.dropFirst(integerPart.count)
        var fractionPart = bytes.prefix(0)
        if bytes.first == UInt8(ascii: ".") {
            fractionPart = bytes.dropFirst().prefix { $0 >= 48 && $0 <= 57 }
            bytes = bytes.dropFirst(1 + fractionPart.count)
        }
        var exponent = 0
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            var exponentNegative = false
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-")
                bytes = bytes.dropFirst()
            }
            for d in bytes {
                exponent = exponent * 10 + Int(d - 48)
                // numeric_in refuses exponents of INT_MAX / 2 and beyond, even on zero.
                if exponent >= 1_073_741_823 { return nil }
            }
            if exponentNegative { exponent = -exponent }
        }
        // numeric keeps the written fraction digits (trailing zeros too) as its display scale.
        if fractionPart.count - exponent > Self.maximumScale { return nil }

        var all = (Array(integerPart) + Array(fractionPart)).map { $0 - 48 }
        var point = integerPart.count + exponent
        let leadingZeros = all.prefix { $0 == 0 }.count
        all.removeFirst(leadingZeros)
        point -= leadingZeros
        while all.last == 0 { all.removeLast() }
        if all.isEmpty {
            self.init(digits: [], exponent: 0, isNegative: false)
        } else {
            if point > Self.maximumIntegerDigits { return nil }
            self.init(digits: all, exponent: point, isNegative: negative)
        }
    }

    /// The exact value of an integer.
    init(_ value: Int64) { self.init(literal: String(value))! }

    /// The shortest decimal that reads back as `value` (how a JSON float was most likely written).
    init(closestTo value: Double) {
        self = JSQueryNumber(literal: value.description) ?? JSQueryNumber(digits: [], exponent: 0, isNegative: false)
    }

    private init(digits: [UInt8], exponent: Int, isNegative: Bool) {
        self.digits = digits
        self.exponent = exponent
        self.isNegative = isNegative
        var int: Int64? = nil
        if exponent >= digits.count, exponent <= 19 {
            var magnitude: UInt64 = 0
            var fits = true
            for index in 0..<exponent {
                let (product, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = product.addingReportingOverflow(UInt64(index < digits.count ? digits[index] : 0))
                if o1 || o2 { fits = false }
                magnitude = sum
            }
            if fits, isNegative {
                int = magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
            } else if fits {
                int = Int64(exactly: magnitude)
            }
        }
        self.int = digits.isEmpty ? 0 : int
        let text = (isNegative ? "-0." : "0.") + String(decoding: digits.map { $0 + 48 }, as: UTF8.self) + "e\(exponent)"
        let double = digits.isEmpty ? 0 : Double(text) ?? (isNegative ? -.infinity : .infinity)
        self.double = double
        doubleIsFaithful = digits.isEmpty || (digits.count <= 15 && double.isNormal)
    }
}
