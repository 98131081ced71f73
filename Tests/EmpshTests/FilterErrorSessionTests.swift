import TestSupport
import Testing

/// A hand-written filter with a mistake, typed in Russian at a real terminal: the one checker's text
/// names the member from 1, and the session goes on with nothing lost.
@Suite struct FilterErrorSessionTests {
    @Test func aMistakeInAHandWrittenFilterIsNamedAndTheSessionGoesOn() throws {
        let fixture = try REPLFixture()
        let session = try fixture.start()
        session.send(
            #"n = employees.count{filter = {filters = {F.id:gt(0), {field = "status", operator = "=", value = "перерыв"}}, condition = "and"}}"#
                + "\r")
        try session.expect(#"employees.count: filter.filters[2] (status =): "перерыв" is not a valid status; valid values: "available""#)
        try session.expect("empsh> ")
        session.send(#"ok, err = F.try_normalize{field = "full_name", operator = "like"}; print(ok, err)"# + "\r")
        try session.expect("nil\tfilter (full_name like) expects a pattern (a string), got nil")
        try session.expect("empsh> ")
        try session.converse(
            #"""
            n == nil ⇒ true
            employees.count{filter = {field = "full_name", operator = "like", value = "%Иван%"}} >= 0 ⇒ true
            """#)
        #expect(try session.quit() == 0)
    }
}
