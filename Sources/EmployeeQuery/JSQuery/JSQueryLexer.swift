import DataAPIContract

/// Splits a jsquery expression into tokens exactly as jsquery's flex scanner (`jsquery_scan.l`) does.
///
/// The scanner works on UTF-8 bytes. Special characters (`? % $ . [ ] ( ) | & ! = < > @ # , * :`)
/// are tokens of their own; blanks (space, tab, CR, LF, FF) separate tokens; every other byte but
/// `\`, `"` and `/` belongs to a bare word, so `{b}`, `1a`, `-x` and Cyrillic words are words.
/// At each point flex takes the longest match and, between equally long ones, the earlier rule:
/// so `-1`, `+1` and `.5e1` are numbers, `1e3x` and `--1` are words, and `.5` after a key is a number.
/// A `/` outside a word and not opening a comment is dropped, as in jsquery.
struct JSQueryLexer {
    let bytes: [UInt8]
    var position = 0

    init(_ source: String) { bytes = Array(source.utf8) }

    /// The next token; `.end` at the end, and again on every later call.
    /// - Throws: `JSQuerySyntaxError` for a bad escape, an unterminated string or comment.
    mutating func next() throws(JSQuerySyntaxError) -> JSQueryToken {
        while position < bytes.count {
            let start = position
            let c = bytes[position]
            if Self.isBlank(c) {
                position += 1
            } else if c == UInt8(ascii: "/") {
                if byte(at: position + 1) == UInt8(ascii: "*") {
                    if let hint = try comment() { return hint }
                } else {
                    position += 1
                }
            } else if c == UInt8(ascii: "\"") {
                position += 1
                return JSQueryToken(kind: .string, text: try quotedString(from: start), offset: start)
            } else if c == UInt8(ascii: "\\") {
                return try word(from: start, prefix: [])
            } else {
                let number = numberLength(at: position)
                if Self.isSpecial(c) && number.length == 0 {
                    position += 1
                    return JSQueryToken(kind: .special(c), text: String(Unicode.Scalar(c)), offset: start)
                }
                let wordLength = anyRunLength(from: position)
                if number.length > 0 && number.length >= wordLength {
                    position += number.length
                    let text = String(decoding: bytes[start..<position], as: UTF8.self)
                    return JSQueryToken(kind: number.isInteger ? .integer : .numeric, text: text, offset: start)
                }
                position += wordLength
                return try word(from: start, prefix: Array(bytes[start..<position]))
            }
        }
        return JSQueryToken(kind: .end, text: "", offset: bytes.count)
    }

    /// The rest of a bare word (flex's `xNONQUOTED` state) whose first bytes are `prefix`.
    private mutating func word(from start: Int, prefix: [UInt8]) throws(JSQuerySyntaxError) -> JSQueryToken {
        var text = prefix
        var checksKeyword = true
        scanning: while position < bytes.count {
            let c = bytes[position]
            switch c {
            case UInt8(ascii: "\\"):
                try escape(into: &text)
            case UInt8(ascii: "/"):
                // jsquery tests a word cut short by a comment against an empty buffer, so such
                // a word is never a keyword (`true/**/` is the string "true").
                if byte(at: position + 1) == UInt8(ascii: "*") {
                    checksKeyword = false
                    break scanning
                }
                text.append(c)
                position += 1
            case _ where Self.isBlank(c) || Self.isSpecial(c) || c == UInt8(ascii: "\""):
                break scanning
            default:
                let run = anyRunLength(from: position)
                text.append(contentsOf: bytes[position..<(position + run)])
                position += run
            }
        }
        let keyword = checksKeyword ? JSQueryKeyword(word: text) : nil
        return JSQueryToken(kind: keyword.map { .keyword($0) } ?? .string, text: String(decoding: text, as: UTF8.self), offset: start)
    }

    /// Skips a `/* … */` comment; returns a hint token when the comment is `/*-- index */` or
    /// `/*-- noindex */` (after `--` and white space, case-insensitive, as a prefix).
    private mutating func comment() throws(JSQuerySyntaxError) -> JSQueryToken? {
        let start = position
        position += 2
        let contentStart = position
        while position + 1 < bytes.count, !(bytes[position] == UInt8(ascii: "*") && bytes[position + 1] == UInt8(ascii: "/")) {
            position += 1
        }
        guard position + 1 < bytes.count else {
            position = bytes.count
            throw error("Unexpected end of comment", at: bytes.count)
        }
        var content = bytes[contentStart..<position]
        position += 2
        guard content.count > 2, content.starts(with: "--".utf8) else { return nil }
        content = content.dropFirst(2).drop { [9, 10, 11, 12, 13, 32].contains($0) }
        let lowered = content.prefix(7).map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }
        let hint: String
        if lowered.starts(with: "index".utf8) {
            hint = "index"
        } else if lowered.starts(with: "noindex".utf8), lowered.count == 7 {
            hint = "noindex"
        } else {
            return nil
        }
        return JSQueryToken(kind: .hint, text: hint, offset: start)
    }

    func byte(at index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// The length of the run of word bytes (`{any}+`) starting at `index`.
    private func anyRunLength(from index: Int) -> Int {
        var end = index
        while end < bytes.count, Self.isWordByte(bytes[end]) { end += 1 }
        return end - index
    }

    static func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 || c == 12 }

    static func isSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "?"), UInt8(ascii: "%"), UInt8(ascii: "$"), UInt8(ascii: "."), UInt8(ascii: "["),
            UInt8(ascii: "]"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "|"), UInt8(ascii: "&"),
            UInt8(ascii: "!"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
            UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "*"), UInt8(ascii: ":"):
            true
        default: false
        }
    }

    /// Whether `c` may be part of a bare word (flex's `{any}`).
    static func isWordByte(_ c: UInt8) -> Bool {
        !isSpecial(c) && !isBlank(c) && c != UInt8(ascii: "\\") && c != UInt8(ascii: "\"") && c != UInt8(ascii: "/")
    }

    /// A syntax error at a byte offset, reported at the matching Unicode scalar offset.
    func error(_ message: String, at byteOffset: Int) -> JSQuerySyntaxError {
        let scalars = bytes[..<min(byteOffset, bytes.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return JSQuerySyntaxError(message, at: scalars)
    }
}
