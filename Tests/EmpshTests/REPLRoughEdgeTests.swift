import Foundation
import TestSupport
import Testing

/// REPL behaviour a new user runs into in the first hour, on a pseudo-terminal.
@Suite(.serialized) struct REPLRoughEdgeTests {
    let state: URL

    init() throws {
        state = try makeTemporaryDirectory()
    }

    func start(_ arguments: [String] = []) throws -> PTYSession { try PTYSession.startREPL(state: state, arguments) }

    /// `local c <const> = 7` survives to the next line and stays constant there, as in one Lua chunk.
    @Test func constLocalsSurviveTheLineAndStayConstant() throws {
        let session = try start()
        session.send("local c <const> = 7\r")
        try session.expect("empsh> ")
        session.send("c * 6\r")
        try session.expect("42")
        session.send("c = 8\r")
        try session.expect("attempt to assign to const variable 'c'")
        session.send("local function f() return c + 1 end\r")
        try session.expect("empsh> ")
        session.send("f()\r")
        try session.expect("8")
        session.send("local c = 1\r")
        try session.expect("empsh> ")
        session.send("c = c + 1\r")
        try session.expect("empsh> ")
        session.send("c\r")
        try session.expect("2")
        session.send(".quit\r")
        #expect(try session.waitForExit() == 0)
    }

    /// `.cache on` turns on a cache that `--no-cache` left off: a repeated call is answered from it
    /// (the same `day_remaining`), where before each call spent a point.
    @Test func cacheOnAfterNoCache() throws {
        let session = try start(["--no-cache"])
        let remaining = "employees.page{limit = 1, fields = {'id'}}.metadata.limits.day_remaining"
        session.send(".cache\r")
        try session.expect("off")
        session.send("a = \(remaining); b = \(remaining); print('spent', a - b)\r")
        try session.expect("spent\t1")
        session.send(".cache on\r")
        try session.expect("empsh> ")
        session.send(".cache\r")
        try session.expect("on")
        session.send("a = \(remaining); b = \(remaining); print('cached', a - b)\r")
        try session.expect("cached\t0")
        session.send(".cache off\r")
        try session.expect("empsh> ")
        session.send("a = \(remaining); b = \(remaining); print('off again', a - b)\r")
        try session.expect("off again\t1")
        session.send(".quit\r")
        #expect(try session.waitForExit() == 0)
    }

    /// Tab after `F.status:` offers only the builders of an enum field (no `has`, which is for arrays and objects).
    @Test func tabOffersOnlyTheFieldsBuilders() throws {
        let session = try start()
        session.send("F.status:h\t\t")
        usleep(300_000)
        session.send("\u{15}")  // Ctrl-U: clear the line
        session.send("x = 1\r")
        let shown = try session.expect("empsh> ")
        #expect(!shown.contains("F.status:has"), "\(shown)")
        session.send("F.groups:h\t")
        try session.expect("F.groups:has")
        session.send("\u{15}")
        session.send(".quit\r")
        #expect(try session.waitForExit() == 0)
    }
}
