import DataAPIContract

extension JSQueryLexer {
    /// The longest number that jsquery's scanner matches at `index` (0 when none), and whether
    /// the winning rule is the unsigned-integer one (`INT_P`). The rules, in the scanner's order:
    /// ```
    /// [+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+   NUMERIC_P
    /// [+-]?\.[0-9]+[eE][+-]?[0-9]+            NUMERIC_P
    /// [+-]?([0-9]+)?\.[0-9]+                  NUMERIC_P
    /// [+-][0-9]+                              NUMERIC_P
    /// [0-9]+                                  INT_P
    /// ```
    /// The caller compares the length with the bare word that could start here; a tie goes to
    /// the number, since its rules come first.
    func numberLength(at index: Int) -> (length: Int, isInteger: Bool) {
        let signed = index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"))
        let body = signed ? index + 1 : index
        let intEnd = digitsEnd(from: body)
        let hasInt = intEnd > body
        // `.digits` right after the integer part (or at `body` when there is none).
        let fractionEnd: Int? = {
            guard byte(at: intEnd) == UInt8(ascii: ".") else { return nil }
            let end = digitsEnd(from: intEnd + 1)
            return end > intEnd + 1 ? end : nil
        }()

        var best = 0
        var integer = false
        func consider(_ end: Int?, isInteger: Bool = false) {
            guard let end, end - index > best else { return }
            best = end - index
            integer = isInteger
        }
        if hasInt {
            consider(exponentEnd(from: fractionEnd ?? intEnd))
            if fractionEnd != nil { consider(exponentEnd(from: intEnd)) }
        } else if let fractionEnd {
            consider(exponentEnd(from: fractionEnd))
        }
        consider(fractionEnd)
        if signed && hasInt { consider(intEnd) }
        if !signed && hasInt { consider(intEnd, isInteger: true) }
        return (best, integer)
    }

    /// The end of `[eE][+-]?[0-9]+` starting at `index`, or `nil`.
    private func exponentEnd(from index: Int) -> Int? {
        guard let e = byte(at: index), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") else { return nil }
        var start = index + 1
        if let sign = byte(at: start), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { start += 1 }
        let end = digitsEnd(from: start)
        return end > start ? end : nil
    }

    private func digitsEnd(from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end] >= UInt8(ascii: "0"), bytes[end] <= UInt8(ascii: "9") { end += 1 }
        return end
    }
}
