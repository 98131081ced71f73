/// Makes a REPL line's top-level `local` declarations outlive the line.
///
/// lua.c compiles every line as its own chunk, so `local x = 1` is gone by the next prompt.
/// empsh rewrites each `local` at the chunk's top level (outside any function or block) into
/// an assignment to a global of the session: `local x, y = 1` becomes `x, y = 1`, `local x`
/// becomes `x = nil`, and `local function f` becomes `function f`. `local c <const> = 7` becomes
/// `c = 7` and `c` is reported in `Rewrite.constants`: the REPL declares it again, `<const>`, at the
/// start of every later line (`Rewrite.prelude`), so assigning to it stays a compile error. A
/// declaration with `<close>` and locals inside blocks and functions are left alone, so their
/// meaning does not change. Strings, long strings and comments are skipped, not parsed.
enum LocalRewriter {
    /// A rewritten chunk and the top-level names it declared.
    struct Rewrite: Equatable {
        /// The chunk with its top-level `local`s rewritten.
        var text: String
        /// Names declared `<const>` at the top level.
        var constants: [String] = []
        /// Names declared without an attribute at the top level (a later `local` ends a constant).
        var variables: [String] = []
    }

    /// What starts each later line so that `constants` stay constant: `local c <const> = c;` for
    /// each, on one line (line numbers do not move).
    static func prelude(constants: [String]) -> String {
        constants.map { "local \($0) <const> = \($0); " }.joined()
    }

    /// The chunk with its top-level `local`s rewritten, and the names they declared.
    static func rewriteDeclarations(_ chunk: String) -> Rewrite {
        let bytes = Array(chunk.utf8)
        var tokens = Tokens(bytes)
        var depth = 0
        var edits: [(range: Range<Int>, replacement: String)] = []
        var result = Rewrite(text: chunk)
        while let token = tokens.next() {
            guard case .word(let word, let range) = token else { continue }
            switch word {
            case "function", "if", "do", "repeat": depth += 1
            case "end", "until": depth = max(0, depth - 1)
            case "local" where depth == 0:
                var lookahead = tokens
                guard case .word(let first, _)? = lookahead.next() else { continue }
                if first == "function" {
                    edits.append((range.lowerBound..<range.upperBound + 1, ""))
                    continue
                }
                // A name list (each name with an optional `<attribute>`), then `=` or anything else.
                var scan = tokens
                guard let list = nameList(&scan, after: tokens.position) else { continue }
                let (names, attributeEdits, lastName) = (list.names, list.attributeEdits, list.end)
                guard names.allSatisfy({ $0.attribute == nil || $0.attribute == "const" }) else { continue }
                edits += attributeEdits
                for (name, attribute) in names {
                    if attribute == nil { result.variables.append(name) } else { result.constants.append(name) }
                }
                var peek = scan
                edits.append((range.lowerBound..<range.upperBound + 1, ""))
                if case .symbol("=", _)? = peek.next() { continue }
                edits.append((lastName..<lastName, " = nil"))
            default: break
            }
        }
        guard !edits.isEmpty else { return result }
        result.text = apply(edits, to: bytes)
        return result
    }

    /// A `local`'s name list: the names with their attributes, the edits that drop the attributes,
    /// and where the list ends.
    struct NameList {
        var names: [(name: String, attribute: String?)] = []
        var attributeEdits: [(range: Range<Int>, replacement: String)] = []
        var end: Int
    }

    /// Reads a name list from `scan` (left after it), or nil when what follows `local` is not one.
    static func nameList(_ scan: inout Tokens, after start: Int) -> NameList? {
        var list = NameList(end: start)
        while true {
            guard case .word(let name, let nameRange)? = scan.next() else { return nil }
            list.end = nameRange.upperBound
            var attribute: String?
            var peek = scan
            if case .symbol("<", let open)? = peek.next() {
                guard case .word(let attr, _)? = peek.next(), case .symbol(">", let close)? = peek.next() else { return nil }
                attribute = attr
                list.attributeEdits.append((open.lowerBound..<close.upperBound, ""))
                list.end = close.upperBound
                scan = peek
            }
            list.names.append((name, attribute))
            peek = scan
            guard case .symbol(",", _)? = peek.next() else { return list }
            scan = peek
        }
    }

    /// `bytes` with the edits made, from the last to the first so each range stays true.
    static func apply(_ edits: [(range: Range<Int>, replacement: String)], to bytes: [UInt8]) -> String {
        var out = bytes
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            let upper = min(edit.range.upperBound, out.count)
            out.replaceSubrange(edit.range.lowerBound..<upper, with: Array(edit.replacement.utf8))
        }
        return String(decoding: out, as: UTF8.self)
    }

    enum Token {
        case word(String, Range<Int>)
        case symbol(String, Range<Int>)
    }

    /// Just enough of Lua's lexer: names, single-character symbols, `==`, and skipped
    /// strings, long strings, numbers and comments.
    struct Tokens {
        let bytes: [UInt8]
        var position = 0
        init(_ bytes: [UInt8]) { self.bytes = bytes }

        private func at(_ i: Int) -> UInt8 { i < bytes.count ? bytes[i] : 0 }

        private static func isNameStart(_ c: UInt8) -> Bool { c == 95 || (c | 0x20 >= 97 && c | 0x20 <= 122) || c >= 0x80 }
        private static func isName(_ c: UInt8) -> Bool { isNameStart(c) || (c >= 48 && c <= 57) }

        /// The level of a long bracket opening at `i` (`[[` is 0, `[=[` is 1), or nil.
        private func longBracket(_ i: Int) -> Int? {
            guard at(i) == UInt8(ascii: "[") else { return nil }
            var j = i + 1
            var level = 0
            while at(j) == UInt8(ascii: "=") {
                level += 1
                j += 1
            }
            return at(j) == UInt8(ascii: "[") ? level : nil
        }

        private mutating func skipLong(level: Int) {
            let close = [UInt8(ascii: "]")] + Array(repeating: UInt8(ascii: "="), count: level) + [UInt8(ascii: "]")]
            position += level + 2
            while position < bytes.count {
                if bytes[position] == close[0], Array(bytes[position..<min(bytes.count, position + close.count)]) == close {
                    position += close.count
                    return
                }
                position += 1
            }
        }

        mutating func next() -> Token? {
            while position < bytes.count {
                let c = bytes[position]
                if c == 32 || c == 9 || c == 10 || c == 13 {
                    position += 1
                    continue
                }
                if c == UInt8(ascii: "-"), at(position + 1) == UInt8(ascii: "-") {
                    position += 2
                    if let level = longBracket(position) {
                        skipLong(level: level)
                        continue
                    }
                    while position < bytes.count, bytes[position] != 10 { position += 1 }
                    continue
                }
                if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    position += 1
                    while position < bytes.count, bytes[position] != c {
                        position += bytes[position] == UInt8(ascii: "\\") ? 2 : 1
                    }
                    position += 1
                    continue
                }
                if let level = longBracket(position) {
                    skipLong(level: level)
                    continue
                }
                if Self.isNameStart(c) {
                    let start = position
                    while position < bytes.count, Self.isName(bytes[position]) { position += 1 }
                    return .word(String(decoding: bytes[start..<position], as: UTF8.self), start..<position)
                }
                if c >= 48 && c <= 57 {
                    while position < bytes.count, Self.isName(bytes[position]) || bytes[position] == UInt8(ascii: ".") { position += 1 }
                    continue
                }
                let start = position
                position += 1
                if c == UInt8(ascii: "="), at(position) == UInt8(ascii: "=") {
                    position += 1
                    return .symbol("==", start..<position)
                }
                return .symbol(String(UnicodeScalar(c)), start..<position)
            }
            return nil
        }
    }
}
