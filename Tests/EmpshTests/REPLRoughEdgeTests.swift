import Foundation
import TestSupport
import Testing

/// REPL behaviour a new user runs into in the first hour, on a pseudo-terminal.
@Suite(.serialized) struct REPLRoughEdgeTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture() }

    /// `local c <const> = 7` survives to the next line and stays constant there, as in one Lua chunk.
    @Test func constLocalsSurviveTheLineAndStayConstant() throws {
        let session = try fixture.start()
        try session.converse(
            """
            local c <const> = 7
            c * 6 ⇒ 42
            c = 8 ⇒ attempt to assign to const variable 'c'
            local function f() return c + 1 end
            f() ⇒ 8
            local c = 1
            c = c + 1
            c ⇒ 2
            """)
        #expect(try session.quit() == 0)
    }

    /// `.cache on` turns on a cache that `--no-cache` left off: a repeated call is answered from it
    /// (the same `day_remaining`), where before each call spent a point.
    @Test func cacheOnAfterNoCache() throws {
        let session = try fixture.start(["--no-cache"])
        let remaining = "employees.page{limit = 1, fields = {'id'}}.metadata.limits.day_remaining"
        try session.converse(
            """
            .cache ⇒ off
            a = \(remaining); b = \(remaining); print('spent', a - b) ⇒ spent\t1
            .cache on
            .cache ⇒ on
            a = \(remaining); b = \(remaining); print('cached', a - b) ⇒ cached\t0
            .cache off
            a = \(remaining); b = \(remaining); print('off again', a - b) ⇒ off again\t1
            """)
        #expect(try session.quit() == 0)
    }

    /// Tab after `F.status:` offers only the builders of an enum field (no `has`, which is for arrays and objects).
    @Test func tabOffersOnlyTheFieldsBuilders() throws {
        let session = try fixture.start()
        session.send("F.status:h\t\t")
        usleep(300_000)
        session.send("\u{15}")  // Ctrl-U: clear the line
        session.send("x = 1\r")
        let shown = try session.expect("empsh> ")
        #expect(!shown.contains("F.status:has"), "\(shown)")
        session.send("F.groups:h\t")
        try session.expect("F.groups:has")
        session.send("\u{15}")
        #expect(try session.quit() == 0)
    }
}
