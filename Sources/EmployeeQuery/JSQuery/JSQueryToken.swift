import DataAPIContract

/// One token of a jsquery expression, as jsquery's flex scanner (`jsquery_scan.l`) returns it.
struct JSQueryToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// One of the scanner's special characters `? % $ . [ ] ( ) | & ! = < > @ # , * :`.
        /// `|` and `!` are returned too, though no grammar rule takes them.
        case special(UInt8)
        /// `STRING_P`: a quoted string, or a bare word that is no keyword.
        case string
        /// A bare word that spells a keyword (`AND`, `true`, …).
        case keyword(JSQueryKeyword)
        /// `NUMERIC_P`: a signed, fractional or exponent number; `text` as written.
        case numeric
        /// `INT_P`: unsigned digits; `text` as written.
        case integer
        /// `HINT_P`: a `/*-- index */` or `/*-- noindex */` comment.
        case hint
        case end
    }

    var kind: Kind
    /// The decoded text: the string's value, the keyword or number as written.
    var text: String
    /// Where the token starts, in UTF-8 bytes from the start of the source.
    var offset: Int

    /// Whether this is the special character `c`.
    func isSpecial(_ c: UInt8) -> Bool { kind == .special(c) }

    /// Whether this is the keyword `keyword`.
    func isKeyword(_ keyword: JSQueryKeyword) -> Bool { kind == .keyword(keyword) }

    /// How bison names the token in "unexpected …".
    var grammarName: String {
        switch kind {
        case .special(let c) where c == UInt8(ascii: "|") || c == UInt8(ascii: "!"): "invalid token"
        case .special(let c): "'\(Character(Unicode.Scalar(c)))'"
        case .string: "STRING_P"
        case .keyword(let k): k.grammarName
        case .numeric: "NUMERIC_P"
        case .integer: "INT_P"
        case .hint: "HINT_P"
        case .end: "end of file"
        }
    }
}

/// The bare words jsquery's scanner turns into keywords. `null`, `true` and `false` count only
/// in lower case; the others in any case. Any of them is still a key, and (but `null`, `true`,
/// `false`) a string value, where the grammar expects one.
enum JSQueryKeyword: String, Sendable, CaseIterable {
    case `in`, `is`, or, and, not, null, `true`, array, `false`, numeric, object, string, boolean

    /// The keyword a bare word (escapes already decoded) spells, if any.
    init?(word: [UInt8]) {
        guard word.count >= 2, word.count <= 7 else { return nil }
        let lowered = String(decoding: word.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        guard let keyword = JSQueryKeyword(rawValue: lowered) else { return nil }
        if keyword.isLowercaseOnly, !word.elementsEqual(lowered.utf8) { return nil }
        self = keyword
    }

    var isLowercaseOnly: Bool { self == .null || self == .true || self == .false }

    /// The types `IS` accepts.
    var valueType: JSQueryValueType? {
        switch self {
        case .array: .array
        case .numeric: .numeric
        case .object: .object
        case .string: .string
        case .boolean: .boolean
        default: nil
        }
    }

    var grammarName: String {
        switch self {
        case .array, .numeric, .object, .string, .boolean: rawValue.uppercased() + "_T"
        default: rawValue.uppercased() + "_P"
        }
    }
}
