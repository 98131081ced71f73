import Foundation
import TestSupport
import Testing

/// The REPL on a pseudo-terminal, as a person types at it.
@Suite(.serialized) struct REPLSessionTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture() }

    @Test func bannerNamesTheAccountAndHelp() throws {
        let session = try fixture.start()
        let banner = session.transcript
        #expect(banner.contains("empsh on the demo account"))
        #expect(banner.contains(".help"))
        #expect(try session.quit() == 0)
    }

    @Test func expressionsPrintAndMultilineContinues() throws {
        let session = try fixture.start()
        let (more, prompt) = (PTYSession.continuation, PTYSession.prompt)
        try session.converse(
            """
            1 + 1, 'x' ⇒ 2\t"x"
            for i = 1, 2 do ⇒ \(more)
            print(i * 10) ⇒ \(more)
            end ⇒ 10\r\n20\r\n ⇒ \(prompt)
            {a = 1, b = {2, 3}} ⇒ { a = 1, b = [ 2, 3 ] }
            t = {}; t.self = t
            t ⇒ { self = <cycle> }
            """)
        session.send("\u{4}")
        #expect(try session.waitForExit() == 0)
    }

    @Test func rowListsPrintAsTables() throws {
        let session = try fixture.start()
        let shown = try session.converse("employees.all{limit = 3, fields = {\"id\", \"full_name\"}} ⇒ (3 rows)")
        #expect(shown.contains("full_name\r\n----"))
        #expect(!shown.contains("table: 0x"))
        #expect(shown.utf8.filter { $0 == 10 }.count >= 5)
        try session.converse(
            """
            .mode csv ⇒ .mode csv
            employees.all{limit = 2, fields = {"id", "full_name"}} ⇒ id,full_name
            """)
        try session.expect("1002,")
        #expect(try session.quit() == 0)
    }

    @Test func localsSurviveTheLine() throws {
        let session = try fixture.start()
        try session.converse(
            """
            local answer = 6 * 7
            answer ⇒ 42
            local function twice(x) return 2 * x end
            twice(answer) ⇒ 84
            """)
        #expect(try session.quit() == 0)
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let first = try fixture.start()
        try first.converse("marker_value = 12345\nthis is not lua")
        #expect(try first.quit() == 0)
        let file = try String(contentsOf: fixture.historyFile, encoding: .utf8)
        #expect(file.contains("marker_value"))

        let second = try fixture.start()
        second.send("\u{1B}[A")  // up arrow: the last entry (.quit), then the one before
        second.send("\u{1B}[A")
        second.send("\u{1B}[A")
        second.send("\r")
        try second.expect("empsh> ")
        try second.converse("marker_value ⇒ 12345")
        #expect(try second.quit() == 0)
    }

    @Test func tabCompletesNames() throws {
        let session = try fixture.start()
        session.send("emplo\t")
        try session.expect("employees")
        session.send(".cou\t")
        try session.expect("count")
        let shown = try session.converse("{}")
        #expect(shown.contains { $0.isNumber })
        session.send("\u{4}")
        #expect(try session.waitForExit() == 0)
    }

    @Test func ctrlCStopsRunningCodeAndReturnsToThePrompt() throws {
        let session = try fixture.start()
        session.send("while true do end\r")
        usleep(300_000)
        session.send("\u{3}")
        try session.expect("interrupted", timeout: 10)
        try session.expect("empsh> ")
        try session.converse("print('still here') ⇒ still here ⇒ \(PTYSession.prompt)")
        session.send("partial line")
        try session.expect("partial line")
        session.send("\u{3}")
        try session.expect("empsh> ")
        session.send("\u{3}")
        try session.expect("Ctrl-C again")
        session.send("\u{3}")
        #expect(try session.waitForExit() == 0)
    }

    @Test func ctrlCCancelsASlowFetch() throws {
        let server = try LocalServe(extra: ["--faults", "1"])
        let session = try fixture.start(["--url", server.url, "--token", server.token])
        session.send("employees.all{}\r")
        usleep(500_000)
        let sent = Date()
        session.send("\u{3}")
        try session.expect("interrupted", timeout: 20)
        try session.expect("empsh> ")
        #expect(Date().timeIntervalSince(sent) < Watchdog.seconds(expecting: 1))
        #expect(try session.quit() == 0)
    }

    @Test func dotCommands() throws {
        let session = try fixture.start()
        try session.converse(
            """
            .help ⇒ .reload MODULE
            .timer on
            employees.count{} ⇒ calls
            .explain {filter = F.patronymic:eq "X"} ⇒ patronymic
            .paths ⇒ ?.lua
            .nonsense ⇒ unknown command
            """)
        #expect(try session.quit() == 0)
    }
}
