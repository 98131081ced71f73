/// How many terminal columns text takes, computed per grapheme cluster from Unicode properties.
///
/// Not `wcwidth(3)`: that depends on the C locale and lags behind Unicode. The rules:
/// - a cluster is as wide as its first scalar, so combining marks, variation selectors, skin-tone
///   modifiers and ZWJ sequences add nothing (`é` written as `e` + U+0301 is 1 column);
/// - controls, non-spacing and enclosing marks, format characters and default-ignorable code points are 0;
/// - East Asian Wide and Fullwidth characters (CJK, Hangul, kana, fullwidth forms) are 2;
/// - emoji with emoji presentation (`😀`, flags) are 2, and so is a text-style emoji followed by U+FE0F
///   (`❤️`); U+FE0E asks for text presentation: 1 column unless the character is East Asian Wide;
/// - everything else, Latin and Cyrillic included, is 1.
public enum DisplayWidth {
    /// The width of a string: the sum over its grapheme clusters.
    /// - Parameter text: The text, as it will be written (no tabs or newlines expected).
    /// - Returns: The number of terminal columns.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The width of one grapheme cluster: 0, 1 or 2.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.count > 1 {
            if scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
            if scalars.contains("\u{FE0E}") { return isEastAsianWide(first) ? 2 : 1 }
        }
        return of(first)
    }

    /// The width of a scalar on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if scalar.properties.isDefaultIgnorableCodePoint { return 0 }
        if (0x1160...0x11FF).contains(value) { return 0 }  // Hangul medial vowels and final consonants join the syllable
        if scalar.properties.isEmojiPresentation || isEastAsianWide(scalar) { return 2 }
        return 1
    }

    /// Cuts text to at most `width` columns, ending it with `…` when anything was cut.
    /// - Parameters:
    ///   - text: The text.
    ///   - width: The most columns, at least 1.
    /// - Returns: `text` itself when it fits; otherwise its longest prefix of whole clusters that fits
    ///   in `width - 1` columns, followed by `…`.
    public static func truncate(_ text: String, to width: Int) -> String {
        let width = max(1, width)
        if of(text) <= width { return text }
        var result = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            result.append(character)
            used += w
        }
        return result + "…"
    }

    /// Whether the scalar is East Asian Wide (W) or Fullwidth (F) outside the emoji blocks, which
    /// `isEmojiPresentation` covers.
    static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x1100 { return false }
        var low = 0
        var high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = wideRanges[mid]
            if value < range.lowerBound {
                high = mid - 1
            } else if value > range.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Width W and F ranges (EastAsianWidth.txt, Unicode 15), sorted, emoji blocks left out.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
        0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x16FF0...0x16FF1, 0x17000...0x18CFF, 0x18D00...0x18D08,
        0x1AFF0...0x1B2FF, 0x1F200...0x1F202, 0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251,
        0x1F260...0x1F265, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]
}
