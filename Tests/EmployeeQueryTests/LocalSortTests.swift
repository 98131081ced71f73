import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// `LocalSort` orders as the engine does, and also by the scalar fields the API cannot sort by.
@Suite struct LocalSortTests {
    static let employees = DemoCompany.generate(employees: 300, seed: 5)
    let engine = makeEngine(LocalSortTests.employees)

    /// Sorts the engine accepts: the local order is the engine's, with nulls and ties placed alike.
    @Test(arguments: [
        [Sort(field: "last_name")],
        [Sort(field: "first_name", order: .desc)],
        [Sort(field: "calls_available"), Sort(field: "full_name", order: .desc)],
        [Sort(field: "patronymic", order: .desc), Sort(field: "first_name")],
        [],
    ])
    func ordersAsTheEngine(sort: [Sort]) throws {
        let local = try LocalSort(sort).sorted(Self.employees.shuffled())
        let reply = engine.employees(["sort": .array(sort.map(\.json)), "fields": .array([.string("id")]), "limit": .int(10_000)])
        try #require(reply.error == nil, "\(reply.json.encodedString())")
        #expect(local.map(\.id) == reply.ids)
    }

    @Test func sortsByIDEmailAndNumbers() throws {
        let shuffled = Self.employees.shuffled()
        #expect(try LocalSort([Sort(field: "id", order: .desc)]).sorted(shuffled).map(\.id) == Self.employees.map(\.id).reversed())
        let byEmail = try LocalSort([Sort(field: "email")]).sorted(shuffled).compactMap(\.email)
        #expect(byEmail == byEmail.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })

        // Numbers compare numerically (9 < 10, negatives first); nulls last ascending, first descending; ties by id.
        let records = [
            Employee(id: 5, scheduleID: 10), Employee(id: 4), Employee(id: 3, scheduleID: 9), Employee(id: 2, scheduleID: -1),
            Employee(id: 1, scheduleID: 10),
        ]
        #expect(try LocalSort([Sort(field: "schedule_id")]).sorted(records).map(\.id) == [2, 3, 1, 5, 4])
        #expect(try LocalSort([Sort(field: "schedule_id", order: .desc)]).sorted(records).map(\.id) == [4, 1, 5, 3, 2])
        #expect(try LocalSort([Sort(field: "status")]).fields == [.status])
    }

    @Test func refusesUnknownAndStructuredFields() {
        #expect { try LocalSort([Sort(field: "id"), Sort(field: "nickname")]) } throws: { error in
            let e = error as? DataAPIError
            return e?.mnemonic == .unexpectedParameters && e?.field == "sort[1].field"
        }
        for field in ["groups", "operator", "allowed_in_call_types", "coach"] {
            #expect { try LocalSort([Sort(field: field)]) } throws: { error in
                let e = error as? DataAPIError
                return e?.mnemonic == .invalidParameterValue && e?.field == "sort[0].field"
            }
        }
        // An unknown field gets the engine's mnemonic and path.
        let reply = engine.employees(["sort": .array([Sort(field: "first_name").json, Sort(field: "nickname").json])])
        #expect(reply.mnemonic == "unexpected_parameters" && reply.field == "sort[1].field")
    }
}
