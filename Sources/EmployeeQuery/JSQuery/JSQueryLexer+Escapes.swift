import DataAPIContract

extension JSQueryLexer {
    /// The value of a double-quoted string whose opening quote, at `start`, is already consumed.
    /// Any byte but `\` and `"` stands for itself, control characters and newlines included.
    mutating func quotedString(from start: Int) throws(JSQuerySyntaxError) -> String {
        var text: [UInt8] = []
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: "\""):
                position += 1
                return String(decoding: text, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            default:
                text.append(bytes[position])
                position += 1
            }
        }
        throw error("Unexpected end of quoted string", at: bytes.count)
    }

    /// Decodes the escape at `position` (a backslash), in a quoted string or a bare word:
    /// `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t` and runs of `\uXXXX`. Unlike JSON, `\/` is invalid.
    mutating func escape(into text: inout [UInt8]) throws(JSQuerySyntaxError) {
        let start = position
        guard let e = byte(at: position + 1), e != UInt8(ascii: "\n") else {
            throw error("Unexpected end after backslash", at: start)
        }
        if e == UInt8(ascii: "u") {
            try unicodeEscapes(into: &text)
            return
        }
        guard e != UInt8(ascii: "/"), let decoded = JSONEscape.byte(for: e) else { throw error("Escape sequence is invalid", at: start) }
        text.append(decoded)
        position += 2
    }

    /// Decodes a run of `\uXXXX` escapes as one unit, as jsquery's `parseUnicode` does: a high
    /// surrogate must be followed by a low one within the run, a low one must follow a high one,
    /// a high surrogate that ends the run is dropped, and `\u0000` is an error.
    private mutating func unicodeEscapes(into text: inout [UInt8]) throws(JSQuerySyntaxError) {
        let start = position
        var units: [UInt32] = []
        while let unit = hexUnit(at: position) {
            units.append(unit)
            position += 6
        }
        guard !units.isEmpty else { throw error("Unicode sequence is invalid", at: start) }
        var high: UInt32?
        for unit in units {
            var code = unit
            switch unit {
            case 0xD800...0xDBFF:
                guard high == nil else { throw error("Unicode high surrogate must not follow a high surrogate", at: start) }
                high = (unit & 0x3FF) << 10
                continue
            case 0xDC00...0xDFFF:
                guard let pending = high else { throw error("Unicode low surrogate must follow a high surrogate", at: start) }
                code = 0x10000 + pending + (unit & 0x3FF)
                high = nil
            default:
                guard high == nil else { throw error("Unicode low surrogate must follow a high surrogate", at: start) }
            }
            guard code != 0, let scalar = Unicode.Scalar(code) else {
                throw error("unsupported Unicode escape sequence: \\u0000 cannot be converted to text", at: start)
            }
            text.append(contentsOf: String(scalar).utf8)
        }
    }

    /// The code unit of `\uXXXX` at `index`, or `nil` when there is no complete one.
    private func hexUnit(at index: Int) -> UInt32? {
        guard index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else { return nil }
        var value: UInt32 = 0
        for c in bytes[(index + 2)...(index + 5)] {
            let digit: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }
}
