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
        let session = try REPLFixture(environment: [:]).start()
        try session.converse(
            """
            .hlep ⇒ unknown command .hlep; did you mean .help?
            .help employees ⇒ employees.all(options?: QueryOptions) → List
            """)
        try session.expect("employees.watch(")
        try session.converse(".help list ⇒ List:group_by(")
        try session.converse(".help F.status ⇒ F.status:eq(value: ")
        try session.converse(
            """
            F.stauts:eq "доступен" ⇒ did you mean F.status?
            F.status:eq "availble" ⇒ did you mean "available"?
            """)
        #expect(try session.quit() == 0)
    }
}
