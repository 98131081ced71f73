import Foundation
import TestSupport
import Testing

/// `--color` and `NO_COLOR` at a terminal, and the bytes a pipe gets.
@Suite(.serialized) struct ColorSessionTests {
    let fixture: REPLFixture

    // An empty NO_COLOR counts as unset (no-color.org), whatever the test runner's environment says.
    init() throws { fixture = try REPLFixture(environment: ["NO_COLOR": ""]) }

    static let query = "employees.all{limit = 2, fields = {\"id\", \"full_name\", \"patronymic\"}}\r"

    @Test func aTerminalGetsBoldHeadersAndRedErrors() throws {
        let session = try fixture.start()
        session.send(Self.query)
        let shown = try session.expect("(2 rows)")
        #expect(shown.contains("\u{1B}[1mfull_name\u{1B}[0m"))
        session.send("error('boom')\r")
        try session.expect("error('boom')")
        let error = try session.expect("empsh> ")
        #expect(error.contains("\u{1B}[31mstdin:1: boom\u{1B}[0m"), "\(error.debugDescription)")
        #expect(try session.quit() == 0)
    }

    @Test(arguments: [(["--color", "never"], [String: String]()), ([], ["NO_COLOR": "1"])])
    func neverOrNOCOLORMeansPlainText(arguments: [String], environment: [String: String]) throws {
        let session = try fixture.start(arguments, environment: environment)
        session.send(Self.query)
        let shown = try session.expect("(2 rows)")
        #expect(!shown.contains("\u{1B}["), "\(shown.debugDescription)")
        session.send("error('boom')\r")
        let error = try session.expect("empsh> ")
        #expect(!error.contains("\u{1B}["))
        #expect(try session.quit() == 0)
    }

    @Test func pipedOutputHasNoEscapesUnlessAlways() throws {
        let code = "employees.all{limit = 3}:show(); employees.all{}:count_by('status'):chart(); error('boom')"
        let piped = try runEmpsh(["-e", code], environment: ["NO_COLOR": ""])
        #expect(piped.status == 1)
        #expect(!piped.stdout.contains("\u{1B}") && !piped.stderr.contains("\u{1B}"))
        let forced = try runEmpsh(["--color", "always", "-e", code])
        #expect(forced.stdout.contains("\u{1B}[1mid\u{1B}[0m"))
        #expect(forced.stderr.contains("\u{1B}[31m"))
    }
}
