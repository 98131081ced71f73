import Testing

@testable import PostgresRegex

/// Case-insensitive bracket ranges gain the case counterparts of their characters; these are merged
/// with the ranges they fall in, so the PCRE2 pattern stays short and matches the same characters.
@Suite struct PostgresRegexBracketMergeTests {
    @Test(arguments: ["[\\x1-\\x1EFFF]", "[a-zа-яё]", "[\\x100-\\x24F]", "[^\\x1-\\x1EFFF]"])
    func caseInsensitiveRangesAreMerged(bracket: String) throws {
        let regex = try PostgresRegex("(?i)" + bracket + "+")
        #expect(regex.pcrePattern.utf8.count < 200, "\(regex.pcrePattern.utf8.count) bytes")
    }

    @Test func mergedRangesMatchTheSameCharacters() throws {
        let wide = try PostgresRegex("(?i)^[\\x1-\\x1EFFF]+$")
        #expect(try wide.matches("Ёжик в тумане ǅ ß ẞ"))
        #expect(try !wide.matches("\u{1F600}"))
        let cyrillic = try PostgresRegex("(?i)^[а-я]+$")
        #expect(try cyrillic.matches("ПРИВЕТмир"))
        #expect(try !cyrillic.matches("ёЁ"), "ё lies outside а-я, as in PostgreSQL")
        let latinExtended = try PostgresRegex("(?i)^[ǆ]$")
        #expect(try latinExtended.matches("Ǆ") && latinExtended.matches("ǆ"))
    }

    @Test func mergingJoinsOverlappingAndTouchingRanges() {
        #expect(BracketContents.merged([5...9, 1...2, 3...3, 8...12, 20...20]) == [1...3, 5...12, 20...20])
        #expect(BracketContents.merged([]) == [])
    }
}
