/// Makes a REPL line's top-level `local` declarations outlive the line.
///
/// lua.c compiles every line as its own chunk, so `local x = 1` is gone by the next prompt.
/// empsh rewrites each `local` at the chunk's top level (outside any function or block) into
/// an assignment to a global of the session: `local x, y = 1` becomes `x, y = 1`, `local x`
/// becomes `x = nil`, and `local function f` becomes `function f`. Declarations with an
/// attribute (`<const>`, `<close>`) and locals inside blocks and functions are left alone, so
/// their meaning does not change. Strings, long strings and comments are skipped, not parsed.
enum LocalRewriter {
    /// The chunk with its top-level `local`s rewritten (unchanged when there are none).
    static func rewrite(_ chunk: String) -> String {
        let bytes = Array(chunk.utf8)
        var tokens = Tokens(bytes)
        var depth = 0
        var edits: [(range: Range<Int>, replacement: String)] = []
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
                // A name list, then `=` or anything else (no initialiser).
                var lastName = tokens.position
                var scan = tokens
                var ok = true
                while true {
                    guard case .word(_, let nameRange)? = scan.next() else { ok = false; break }
                    lastName = nameRange.upperBound
                    var peek = scan
                    if case .symbol(",", _)? = peek.next() { scan = peek; continue }
                    break
                }
                guard ok else { continue }
                var peek = scan
                let following = peek.next()
                if case .symbol("<", _)? = following { continue }
                if case .symbol("=", _)? = following {
                    edits.append((range.lowerBound..<range.upperBound + 1, ""))
                } else {
                    edits.append((range.lowerBound..<range.upperBound + 1, ""))
                    edits.append((lastName..<lastName, " = nil"))
                }
            default: break
            }
        }
        guard !edits.isEmpty else { return chunk }
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
            var j = i + 1, level = 0
            while at(j) == UInt8(ascii: "=") { level += 1; j += 1 }
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
                if c == 32 || c == 9 || c == 10 || c == 13 { position += 1; continue }
                if c == UInt8(ascii: "-"), at(position + 1) == UInt8(ascii: "-") {
                    position += 2
                    if let level = longBracket(position) { skipLong(level: level); continue }
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
                if let level = longBracket(position) { skipLong(level: level); continue }
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
