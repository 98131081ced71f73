import Foundation
import TestSupport
import Testing

/// Long results at the REPL as a user at a 24-row terminal meets them: a 2 000-row list goes through the
/// pager whole and the prompt comes back; `.pager off` prints it; with no pager to run, a capped list and a
/// closing line that counts what was left out; Ctrl-C ends a pager that ignores it and puts the terminal back;
/// output that is not a terminal is complete and never paged.
@Suite(.serialized) struct REPLPagerTests {
    let fixture: REPLFixture
    let folder: URL

    init() throws {
        fixture = try REPLFixture()
        folder = try makeTemporaryDirectory()
    }

    /// 2 000 rows with Cyrillic names: `строка 1` … `строка 2000`.
    static let makeList = "x = List.new((function() local t = {} for i = 1, 2000 do t[i] = {id = i, name = \"строка \" .. i} end return t end)())\r"

    /// A pager that records what it reads (and how often it ran) and says it is done.
    private func recordingPager() throws -> (command: String, input: URL, runs: URL) {
        let input = folder.appendingPathComponent("paged.txt")
        let runs = folder.appendingPathComponent("runs.txt")
        let script = folder.appendingPathComponent("record-pager")
        try "#!/bin/sh\ncat > '\(input.path)'\necho run >> '\(runs.path)'\necho 'pager: done'\n".write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        return (script.path, input, runs)
    }

    private func runCount(_ runs: URL) -> Int {
        ((try? String(contentsOf: runs, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    /// The `name` cells `строка N` in a text, by N.
    private func rowNumbers(in text: String) -> Set<Int> {
        var numbers = Set<Int>()
        for part in text.components(separatedBy: "строка ").dropFirst() {
            if let n = Int(part.prefix { $0.isNumber }) { numbers.insert(n) }
        }
        return numbers
    }

    private func start(_ environment: [String: String], unset: [String] = []) throws -> PTYSession {
        let session = try fixture.start(environment: environment, unset: unset)
        session.resize(rows: 24, columns: 100)
        session.send(Self.makeList)
        try session.expect("empsh> ")
        return session
    }

    @Test func aTallListGoesThroughThePagerWholeAndThePromptComesBack() throws {
        let pager = try recordingPager()
        let session = try start(["PAGER": pager.command])
        session.send("x\r")
        let shown = try session.expect("pager: done")
        try session.expect("empsh> ")
        let paged = try String(contentsOf: pager.input, encoding: .utf8)
        #expect(rowNumbers(in: paged) == Set(1...2000))
        #expect(paged.contains("name"))
        #expect(rowNumbers(in: shown).isEmpty, "the rows were printed on the terminal too")
        // Short output is printed, not paged.
        session.send("x:first(3)\r")
        let short = try session.expect("empsh> ")
        #expect(rowNumbers(in: short) == [1, 2, 3])
        #expect(runCount(pager.runs) == 1)
        // `.pager on` pages even that.
        session.send(".pager on\rx:first(3)\r")
        try session.expect("pager: done")
        #expect(runCount(pager.runs) == 2)
        #expect(try session.quit() == 0)
    }

    @Test func pagerOffPrintsEveryRow() throws {
        let pager = try recordingPager()
        let session = try start(["PAGER": pager.command])
        session.send(".pager\r")
        try session.expect("auto (pager: \(pager.command))")
        session.send(".pager off\rx\rprint(\"конец\")\r")
        let shown = try session.expect("конец\r\n", timeout: 60)
        #expect(rowNumbers(in: shown) == Set(1...2000))
        #expect(runCount(pager.runs) == 0)
        #expect(try session.quit() == 0)
    }

    @Test func aMissingPagerIsSaidAndTheListIsCapped() throws {
        let session = try start(["PAGER": "/nonexistent/pager -S"])
        session.send("x\r")
        let shown = try session.expect("empsh> ")
        #expect(shown.contains("cannot run the pager \"/nonexistent/pager -S\" (from $PAGER): /nonexistent/pager not found"), "\(shown)")
        // 24 rows: 19 fit with the header, the rule, the closing line and the prompt.
        #expect(rowNumbers(in: shown) == Set(1...19))
        #expect(shown.contains("(… 1981 more rows not shown, 2000 in all: .maxrows N shows N rows, .pager off every row)"), "\(shown)")
        session.send(".maxrows 7\rx\r")
        let seven = try session.expect("more rows not shown")
        #expect(rowNumbers(in: seven) == Set(1...7))
        #expect(seven.contains("1993 more rows not shown"))
        #expect(try session.quit() == 0)
    }

    @Test func noPagerInstalledCapsTheListAndSaysHowToSeeTheRest() throws {
        let empty = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let session = try start(["PATH": empty.path], unset: ["PAGER", "EMPSH_PAGER"])
        session.send(".pager\r")
        try session.expect("auto (no pager: set PAGER or install less)")
        try session.expect("empsh> ")
        session.send("x\r")
        let shown = try session.expect("empsh> ")
        #expect(rowNumbers(in: shown) == Set(1...19))
        #expect(shown.contains("1981 more rows not shown, 2000 in all: .maxrows N shows N rows, .pager off every row; PAGER or less pages them"))
        #expect(!shown.contains("cannot run the pager"))
        // A value that is not a list is capped by lines.
        session.send("x:to_csv()\r")
        let csv = try session.expect("empsh> ")
        #expect(csv.contains("more lines not shown: .pager off shows all of them"), "\(csv)")
        #expect(try session.quit() == 0)
    }

    @Test func aPagerThatFailsIsSaidAndNothingIsLost() throws {
        let session = try start(["PAGER": "false"])
        session.send("x\r")
        let shown = try session.expect("empsh> ")
        #expect(shown.contains("the pager \"false\" failed (exit status 1); the output is shown capped"), "\(shown)")
        #expect(rowNumbers(in: shown) == Set(1...19))
        #expect(shown.contains("1981 more rows not shown"))
        #expect(try session.quit() == 0)
    }

    @Test func quittingThePagerEarlyBringsThePromptBack() throws {
        // `head -n 4` reads four lines and exits 0, as a user quitting less on its first page.
        let session = try start(["PAGER": "head -n 4"])
        session.send("x\r")
        let shown = try session.expect("empsh> ")
        #expect(rowNumbers(in: shown) == [1, 2])
        #expect(!shown.contains("pager"))
        session.send("print(\"дальше\")\r")
        try session.expect("дальше\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func ctrlCEndsAPagerThatIgnoresItAndPutsTheTerminalBack() throws {
        let pidFile = folder.appendingPathComponent("pager.pid")
        let script = folder.appendingPathComponent("stuck-pager")
        // Ignores Ctrl-C, changes the terminal's modes (as less does), reads nothing, never ends.
        try "#!/bin/sh\ntrap '' INT\necho $$ > '\(pidFile.path)'\nstty icanon echo werase ^X < /dev/tty\necho 'pager: stuck'\nexec sleep 1000\n"
            .write(to: script, atomically: true, encoding: .utf8)
        chmod(script.path, 0o755)
        let session = try start(["PAGER": script.path])
        session.send("os.execute(\"stty -g < /dev/tty\")\r")
        let before = try session.expect("empsh> ")
        session.send("x\r")
        try session.expect("pager: stuck")
        session.send("\u{3}")
        try session.expect("interrupted")
        try session.expect("empsh> ")
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the pager is still running: \(session.transcript)")
        session.send("os.execute(\"stty -g < /dev/tty\")\r")
        let after = try session.expect("empsh> ")
        let modes = { (shown: String) in shown.components(separatedBy: "\r\n").first { $0.filter { $0 == ":" }.count > 10 } }
        #expect(modes(before) != nil && modes(before) == modes(after), "\(before)\n\(after)")
        session.send("print(\"дальше\")\r")
        try session.expect("дальше\r\n")
        #expect(try session.quit() == 0)
    }

    @Test func outputThatIsNotATerminalIsCompleteAndNeverPaged() throws {
        let pager = try recordingPager()
        let lines = Self.makeList.replacingOccurrences(of: "\r", with: "\n") + "x\n"
        let result = try runEmpsh(["-i"], stdin: lines, environment: ["PAGER": pager.command])
        #expect(result.status == 0)
        #expect(rowNumbers(in: result.stdout) == Set(1...2000))
        let script = try runEmpsh(["-e", String(Self.makeList.dropLast()) + " x:show()"], environment: ["PAGER": pager.command])
        #expect(script.status == 0)
        #expect(rowNumbers(in: script.stdout) == Set(1...2000))
        #expect(runCount(pager.runs) == 0)
    }

    @Test func theCommandsAreKnownToHelpAndSuggestions() throws {
        let session = try fixture.start()
        session.send(".help\r")
        try session.expect(".pager on|off|auto")
        try session.expect(".maxrows N|auto")
        session.send(".pagr on\r")
        try session.expect("did you mean .pager?")
        session.send(".maxrows 0\r")
        try session.expect(".maxrows: give a number of rows (1 or more) or auto")
        session.send(".pager sometimes\r")
        try session.expect(".pager: say on, off or auto")
        #expect(try session.quit() == 0)
    }
}
