import DataAPIContract
import Testing

@testable import EmployeeQuery

/// Every case of `JSQueryCaseTable` (answers taken from PostgreSQL + jsquery) must agree.
@Suite("jsquery agrees with PostgreSQL")
struct JSQueryCaseTableTests {
    static let documents: [JSON] = JSQueryCaseTable.documents.map { try! JSON(parsing: $0) }

    @Test("case table", arguments: JSQueryCaseTable.cases)
    func agrees(_ row: JSQueryCase) throws {
        let document = Self.documents[row.document]
        switch row.expected {
        case .error:
            #expect(throws: JSQuerySyntaxError.self, "PostgreSQL: \(row.postgres)") { try JSQuery(row.query) }
        case .match, .noMatch:
            let query = try JSQuery(row.query)
            #expect(query.matches(document) == (row.expected == .match), "PostgreSQL: \(row.postgres)")
        }
    }

    @Test func tableIsLargeAndVaried() {
        let cases = JSQueryCaseTable.cases
        #expect(cases.count >= 200)
        for outcome in [JSQueryCase.Outcome.match, .noMatch, .error] {
            #expect(cases.contains { $0.expected == outcome })
        }
    }
}
