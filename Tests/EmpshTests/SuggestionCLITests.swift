import Foundation
import TestSupport
import Testing

/// "did you mean …?" as the user meets it: a mistyped command-line option, dot command, field or
/// function, and `.help` of the Lua API, on the built binary.
@Suite struct SuggestionCLITests {
    @Test func aMistypedOptionNamesTheRightOne() throws {
        let result = try runEmpsh(["--fromat", "json", "-e", "print(1)"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("Unknown option '--fromat'. Did you mean '--format'?"), "\(result.stderr)")
        let far = try runEmpsh(["--zzzzzz", "-e", "print(1)"])
        #expect(far.status == 2 && !far.stderr.contains("Did you mean"), "\(far.stderr)")
    }

    @Test func aScriptErrorSuggestsTheFunction() throws {
        let result = try runEmpsh(["-e", "employees.al{}"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("employees.al does not exist; did you mean employees.all?"), "\(result.stderr)")
    }

    @Test func theREPLSuggestsCommandsAndHelpsWithTheAPI() throws {
        let state = try makeTemporaryDirectory()
        let session = try PTYSession([], environment: ["XDG_STATE_HOME": state.path, "HOME": state.path])
        try session.expect("empsh> ")
        session.send(".hlep\r")
        try session.expect("unknown command .hlep; did you mean .help?")
        session.send(".help employees\r")
        try session.expect("employees.all(options?: QueryOptions) → List")
        try session.expect("employees.watch(")
        session.send(".help list\r")
        try session.expect("List:group_by(")
        session.send(".help F.status\r")
        try session.expect("F.status:eq(value: ")
        session.send("F.stauts:eq \"доступен\"\r")
        try session.expect("did you mean F.status?")
        session.send("F.status:eq \"availble\"\r")
        try session.expect(#"did you mean "available"?"#)
        session.send(".quit\r")
        #expect(try session.waitForExit() == 0)
    }
}
