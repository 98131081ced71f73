import Foundation
import TestSupport
import Testing

/// The REPL on a pseudo-terminal, as a person types at it.
@Suite(.serialized) struct REPLSessionTests {
    let state: URL

    init() throws {
        state = try makeTemporaryDirectory()
    }

    func start(_ arguments: [String] = []) throws -> PTYSession { try PTYSession.startREPL(state: state, arguments) }

    @Test func bannerNamesTheAccountAndHelp() throws {
        let session = try PTYSession([], environment: ["XDG_STATE_HOME": state.path])
        let banner = try session.expect("empsh> ")
        #expect(banner.contains("empsh on the demo account"))
        #expect(banner.contains(".help"))
        session.send(".quit\r")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func expressionsPrintAndMultilineContinues() throws {
        let session = try start()
        session.send("1 + 1, 'x'\r")
        try session.expect("2\t\"x\"")
        session.send("for i = 1, 2 do\r")
        try session.expect("   ...> ")
        session.send("print(i * 10)\r")
        try session.expect("   ...> ")
        session.send("end\r")
        try session.expect("10\r\n20\r\n")
        try session.expect("empsh> ")
        session.send("{a = 1, b = {2, 3}}\r")
        try session.expect("{ a = 1, b = [ 2, 3 ] }")
        session.send("t = {}; t.self = t\r")
        try session.expect("empsh> ")
        session.send("t\r")
        try session.expect("{ self = <cycle> }")
        session.send("\u{4}")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func rowListsPrintAsTables() throws {
        let session = try start()
        session.send("employees.all{limit = 3, fields = {\"id\", \"full_name\"}}\r")
        let shown = try session.expect("(3 rows)")
        #expect(shown.contains("full_name\r\n----"))
        #expect(!shown.contains("table: 0x"))
        #expect(shown.utf8.filter { $0 == 10 }.count >= 5)
        session.send(".mode csv\r")
        try session.expect(".mode csv")
        session.send("employees.all{limit = 2, fields = {\"id\", \"full_name\"}}\r")
        try session.expect("id,full_name")
        try session.expect("1002,")
        session.send(".quit\r")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func localsSurviveTheLine() throws {
        let session = try start()
        session.send("local answer = 6 * 7\r")
        try session.expect("empsh> ")
        session.send("answer\r")
        try session.expect("42")
        session.send("local function twice(x) return 2 * x end\r")
        try session.expect("empsh> ")
        session.send("twice(answer)\r")
        try session.expect("84")
        session.send(".quit\r")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func historyIsKeptAcrossSessions() throws {
        let first = try start()
        first.send("marker_value = 12345\r")
        try first.expect("empsh> ")
        first.send("this is not lua\r")
        try first.expect("empsh> ")
        first.send(".quit\r")
        let firstStatus = try first.waitForExit()
        #expect(firstStatus == 0)
        let file = try String(contentsOf: state.appendingPathComponent("empsh/history"), encoding: .utf8)
        #expect(file.contains("marker_value"))

        let second = try start()
        second.send("\u{1B}[A")  // up arrow: the last entry (.quit), then the one before
        second.send("\u{1B}[A")
        second.send("\u{1B}[A")
        second.send("\r")
        try second.expect("empsh> ")
        second.send("marker_value\r")
        try second.expect("12345")
        second.send(".quit\r")
        let status = try second.waitForExit()
        #expect(status == 0)
    }

    @Test func tabCompletesNames() throws {
        let session = try start()
        session.send("emplo\t")
        try session.expect("employees")
        session.send(".cou\t")
        try session.expect("count")
        session.send("{}\r")
        let shown = try session.expect("empsh> ")
        #expect(shown.contains { $0.isNumber })
        session.send("\u{4}")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func ctrlCStopsRunningCodeAndReturnsToThePrompt() throws {
        let session = try start()
        session.send("while true do end\r")
        usleep(300_000)
        session.send("\u{3}")
        try session.expect("interrupted", timeout: 10)
        try session.expect("empsh> ")
        session.send("print('still here')\r")
        try session.expect("still here")
        try session.expect("empsh> ")
        session.send("partial line")
        try session.expect("partial line")
        session.send("\u{3}")
        try session.expect("empsh> ")
        session.send("\u{3}")
        try session.expect("Ctrl-C again")
        session.send("\u{3}")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func ctrlCCancelsASlowFetch() throws {
        let server = try LocalServe(extra: ["--faults", "1"])
        let session = try PTYSession(
            ["--url", server.url, "--token", server.token], environment: ["XDG_STATE_HOME": state.path])
        try session.expect("empsh> ")
        session.send("employees.all{}\r")
        usleep(500_000)
        let sent = Date()
        session.send("\u{3}")
        try session.expect("interrupted", timeout: 20)
        try session.expect("empsh> ")
        #expect(Date().timeIntervalSince(sent) < Watchdog.seconds(expecting: 1))
        session.send(".quit\r")
        let status = try session.waitForExit()
        #expect(status == 0)
    }

    @Test func dotCommands() throws {
        let session = try start()
        session.send(".help\r")
        try session.expect(".reload MODULE")
        session.send(".timer on\r")
        try session.expect("empsh> ")
        session.send("employees.count{}\r")
        try session.expect("calls")
        session.send(".explain {filter = F.patronymic:eq \"X\"}\r")
        try session.expect("patronymic")
        session.send(".paths\r")
        try session.expect("?.lua")
        session.send(".nonsense\r")
        try session.expect("unknown command")
        session.send(".quit\r")
        let status = try session.waitForExit()
        #expect(status == 0)
    }
}
