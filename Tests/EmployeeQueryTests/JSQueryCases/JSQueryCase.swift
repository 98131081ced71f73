import DataAPIContract
import Testing

@testable import EmployeeQuery

/// One row of `JSQueryCaseTable`: a document, a query, and what PostgreSQL + jsquery answered.
struct JSQueryCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable { case match, noMatch, error }

    /// The index of the document in `JSQueryCaseTable.documents`.
    let document: Int
    let query: String
    let expected: Outcome
    /// PostgreSQL's answer as it gave it: `true`, `false` or `error: message | detail`.
    let postgres: String

    init(_ document: Int, _ query: String, _ expected: Outcome, postgres: String) {
        self.document = document
        self.query = query
        self.expected = expected
        self.postgres = postgres
    }

    var testDescription: String { "\(JSQueryCaseTable.documents[document].prefix(40)) @@ \(query.debugDescription)" }
}
