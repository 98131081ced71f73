import DataAPIContract

extension JSQueryNumber {
    /// How a JSON number orders against this literal, as `numeric_cmp` orders them: -1 when
    /// `value` is smaller, 0 when equal, 1 when larger; `nil` when `value` is not a number.
    ///
    /// Integers compare exactly. A JSON float is compared as a `Double` when the literal has at
    /// most 15 significant digits (distinct such decimals stay distinct and ordered as doubles),
    /// else as the shortest decimal that reads back as it, against the literal's exact digits.
    @inline(__always)
    func order(of value: JSON) -> Int? {
        switch value {
        case .int(let i):
            if let int { return i < int ? -1 : (i == int ? 0 : 1) }
            if doubleIsFaithful, i.magnitude <= 1 << 53 { return Self.order(Double(i), double) }
            return JSQueryNumber(i).exactOrder(against: self)
        case .double(let d):
            if doubleIsFaithful { return Self.order(d, double) }
            return JSQueryNumber(closestTo: d).exactOrder(against: self)
        default:
            return nil
        }
    }

    /// The order of a count (an `@#` length) against this literal.
    func order(ofCount count: Int) -> Int { order(of: .int(Int64(count)))! }

    private static func order(_ a: Double, _ b: Double) -> Int { a < b ? -1 : (a == b ? 0 : 1) }

    /// The order of `self` against `other`, digit by digit.
    func exactOrder(against other: JSQueryNumber) -> Int {
        let sign = digits.isEmpty ? 0 : (isNegative ? -1 : 1)
        let otherSign = other.digits.isEmpty ? 0 : (other.isNegative ? -1 : 1)
        if sign != otherSign { return sign < otherSign ? -1 : 1 }
        if sign == 0 { return 0 }
        let magnitude: Int
        if exponent != other.exponent {
            magnitude = exponent < other.exponent ? -1 : 1
        } else if let (a, b) = zip(digits, other.digits).first(where: { $0 != $1 }) {
            magnitude = a < b ? -1 : 1
        } else {
            magnitude = digits.count == other.digits.count ? 0 : (digits.count < other.digits.count ? -1 : 1)
        }
        return sign * magnitude
    }
}
