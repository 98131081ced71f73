import Foundation
import TestSupport
import Testing

/// Progress of multi-page fetches goes to stderr on a terminal, and nowhere when piped.
@Suite struct ProgressTests {
    static let script = "print('rows', #employees.all{page_size = 100, fields = {'id'}})"

    @Test func shownOnATerminal() throws {
        let session = try PTYSession(["-e", Self.script], environment: ["EMPSH_DEMO_EMPLOYEES": "1000"])
        let screen = try session.expect("rows\t1000")
        #expect(screen.contains("fetched 10 pages, 1000 rows"), "\(screen)")
        #expect(try session.waitForExit() == 0)
    }

    @Test func absentWhenPiped() throws {
        let result = try runEmpsh(["-e", Self.script], environment: ["EMPSH_DEMO_EMPLOYEES": "1000"])
        #expect(result.stdout == "rows\t1000\n")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
