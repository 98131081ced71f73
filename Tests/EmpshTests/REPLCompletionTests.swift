import Foundation
import TestSupport
import Testing

/// Tab inside a string: a builder's argument completes to the field's values (from the catalogue), a list
/// method's to field paths, nested ones included.
@Suite(.serialized) struct REPLCompletionTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture() }

    @Test func aBuildersStringCompletesToTheFieldsValues() throws {
        let session = try fixture.start()
        session.send("n = employees.count{filter = F.status:eq \"av\t")
        try session.expect("\"available")
        session.send("\"}\r")
        try session.expect("empsh> ")
        session.send("n == employees.count{filter = F.status:eq \"available\"}\r")
        try session.expect("true\r\n")
        // Several values: listed; the list holds the values and no field name.
        session.send("F.call_recording:in{\"\t\t")
        let listed = try session.expect("out\r\n")
        #expect(listed.contains("all") && listed.contains("in") && listed.contains("out"))
        #expect(!listed.contains("full_name"))
        session.send("\u{15}\"full_n\t")  // Ctrl-U clears the line: a plain string still completes field names
        try session.expect("\"full_name")
        session.send("\u{15}")
        #expect(try session.quit() == 0)
    }

    @Test func listMethodsCompleteNestedFieldPaths() throws {
        let session = try fixture.start()
        session.send("x = employees.all{}:unnest(\"operator.operator_s\t")
        try session.expect("operator.operator_sites")
        session.send("\u{15}employees.all{}:count_by(\"gr\t\t")
        let listed = try session.expect("groups.group_name")
        #expect(listed.contains("groups.group_id"))
        session.send("\u{15}")
        #expect(try session.quit() == 0)
    }
}
