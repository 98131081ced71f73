import Foundation
import TestSupport
import Testing

/// Keys as a terminal sends them.
enum Key {
    static let left = "\u{1b}[D"
    static let up = "\u{1b}[A"
    static let home = "\u{1b}[H"
    static let end = "\u{1b}[F"
    static let delete = "\u{1b}[3~"
    static let wordBack = "\u{1b}b"
    static let wordForward = "\u{1b}f"
    static let backspace = "\u{7f}"
    static let deleteWord = "\u{17}"
    static let lineStart = "\u{1}"
    static let search = "\u{12}"
}

/// Russian, wide and combining characters typed at the prompt of a real terminal, under the locales users
/// have (and none), edited by character, completed after, and spread over lines.
@Suite(.serialized) struct REPLUnicodeTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture() }

    /// The variables that choose the locale, removed so that each test says its own.
    static let localeVariables = ["LANG", "LC_ALL", "LC_CTYPE"]

    @Test(arguments: ["C.UTF-8", "ru_RU.UTF-8", "en_US.UTF-8", nil])
    func cyrillicTypedRunsAsTyped(lang: String?) throws {
        let session = try fixture.start(
            environment: lang.map { ["LANG": $0] } ?? [:], unset: lang == nil ? Self.localeVariables : ["LC_ALL", "LC_CTYPE"])
        session.send("print(\"иван\", #\"иван\")\r")
        try session.expect("иван\t8\r\n")
        #expect(!session.transcript.contains("not UTF-8"))
        #expect(try session.quit() == 0)
    }

    @Test func aLocaleThatIsNotUTF8IsSaidOnceAndUTF8StillWorks() throws {
        let session = try fixture.launch(environment: ["LANG": "C"], unset: ["LC_ALL", "LC_CTYPE"])
        let banner = try session.expect("empsh> ")
        #expect(banner.components(separatedBy: "LANG=C is not UTF-8").count == 2)
        session.send("print(#\"иван\")\r")
        try session.expect("8\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func backspaceDeleteWordAndArrowsWorkByCharacter() throws {
        let session = try fixture.start()
        // Left over the quote, Backspace takes "р" (two bytes), Ctrl-W the word "ми".
        session.send("s = \"привет мир\"" + Key.left + Key.backspace + Key.deleteWord + "\r")
        try session.expect("empsh> ")
        session.send("print(s .. \"|\", #s)\r")
        try session.expect("привет |\t13\r\n")
        // Alt-B twice lands on "два"; Delete three times takes it; X goes in its place.
        session.send("print(\"один два три\")" + Key.wordBack + Key.wordBack + String(repeating: Key.delete, count: 3) + "X\r")
        try session.expect("один X три\r\n")
        // Home, then End; Ctrl-A, Alt-F twice to the end of "один".
        session.send("rint(\"а-б\")" + Key.home + "p" + Key.end + "\r")
        try session.expect("а-б\r\n")
        session.send("print(\"один два\")" + Key.lineStart + Key.wordForward + Key.wordForward + "X\r")
        try session.expect("одинX два\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func wideAndCombiningCharactersAreWholeCharacters() throws {
        let session = try fixture.start()
        // Each CJK character is one character of width two: Backspace takes a whole one.
        session.send("s = \"漢字漢\"" + Key.left + Key.left + Key.backspace + "\r")
        try session.expect("empsh> ")
        session.send("print(s, #s)\r")
        try session.expect("漢漢\t6\r\n")
        // "й" as "и" and a combining breve, pasted: kept as typed; Left steps over the quote only.
        session.send("s = \"и\u{306}\"" + Key.left + "Ж\r")
        try session.expect("empsh> ")
        session.send("print(s, #s)\r")
        try session.expect("и\u{306}Ж\t6\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func completionAfterCyrillicText() throws {
        let session = try fixture.start()
        session.send("x = \"привет\"; n = employees.cou\t")
        try session.expect("employees.count")
        session.send("{}\r")
        try session.expect("empsh> ")
        session.send("print(x, n)\r")
        try session.expect("привет\t250\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func multilineInputWithCyrillic() throws {
        let session = try fixture.start()
        session.send("for _, w in ipairs{\"раз\", \"два\"} do\r")
        try session.expect("   ...> ")
        session.send("print(w .. \"!\")\r")
        try session.expect("   ...> ")
        session.send("end\r")
        try session.expect("раз!\r\nдва!\r\n")
        #expect(try session.quit() == 0)
    }
}
