import DataAPIClient
import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// Paging through 25 000 generated employees, sorting, projection (spec §2, §4, §5).
@Suite struct EnginePagingTests {
    static let employees = DemoCompany.generate(employees: 25_000, seed: 7)
    static let engine = makeEngine(employees)
    static let records = employees.sorted { $0.id < $1.id }.map { try! JSON(parsing: $0.encoded()) }

    static let filters: [(name: String, filter: JSON?, sort: [(String, Bool)])] = [
        ("all", nil, []),
        (
            "available by last_name", json(["field": "status", "operator": "=", "value": "available"] as KeyValuePairs<String, Any>),
            [("last_name", false)]
        ),
        (
            "or-group by full_name desc, first_name",
            json(
                [
                    "filters": [
                        ["field": "first_name", "operator": "ilike", "value": "%ан%"] as KeyValuePairs<String, Any>,
                        ["field": "calls_available", "operator": "=", "value": false] as KeyValuePairs<String, Any>,
                    ], "condition": "or",
                ] as KeyValuePairs<String, Any>), [("full_name", true), ("first_name", false)]
        ),
        (
            "first 250 ids by calls_available desc",
            json(
                [
                    "field": "id", "operator": "<=", "value": Int(records[249]["id"]!.intValue!),
                ] as KeyValuePairs<String, Any>), [("calls_available", true)]
        ),
        (
            "first 400 ids with an a in the email, by patronymic",
            json(
                [
                    "filters": [
                        ["field": "email", "operator": "like", "value": "%a%"] as KeyValuePairs<String, Any>,
                        ["field": "id", "operator": "<=", "value": Int(records[399]["id"]!.intValue!)] as KeyValuePairs<String, Any>,
                    ], "condition": "and",
                ] as KeyValuePairs<String, Any>), [("patronymic", false)]
        ),
    ]

    /// The expected ids per filter, in order, computed once.
    static let expectedIDs = filters.indices.map(expected)

    static func expected(_ index: Int) -> [Int64] {
        let (_, filter, sort) = filters[index]
        let matching = filter.map { f in records.filter { Naive.matches(f, $0) } } ?? records
        return Naive.sorted(matching, by: sort).map { $0["id"]!.intValue! }
    }

    @Test(arguments: [1, 7, 1000, 9999, 10_000], 0..<5)
    func pagesCoverEveryRecordOnceInOrder(pageSize: Int, filterIndex: Int) throws {
        let expected = Self.expectedIDs[filterIndex]
        // Small pages only through the smaller filters (at most 400 calls), to keep the debug-build run short.
        guard expected.count / pageSize <= 400 else { return }
        let (_, filter, sort) = Self.filters[filterIndex]
        var params: JSONObject = ["limit": .int(Int64(pageSize)), "fields": json(["id"])]
        if let filter { params["filter"] = filter }
        if !sort.isEmpty {
            params["sort"] = .array(sort.map { .object(["field": .string($0.0), "order": .string($0.1 ? "desc" : "asc")]) })
        }
        var seen: [Int64] = []
        var offset = 0
        while true {
            params["offset"] = .int(Int64(offset))
            let reply = Self.engine.employees(params)
            try #require(reply.error == nil, "\(reply.json.encodedString())")
            #expect(reply.totalItems == Int64(expected.count))
            #expect(reply.rows.count == min(pageSize, max(0, expected.count - offset)))
            if reply.rows.isEmpty { break }
            seen += reply.ids
            offset += pageSize
        }
        #expect(Set(seen).count == seen.count)
        #expect(seen == expected)
    }

    @Test func offsetPastTheEndGivesAnEmptyPageAndTheTotal() {
        let reply = Self.engine.employees(["offset": .int(100_000)])
        #expect(reply.rows.isEmpty)
        #expect(reply.totalItems == 25_000)
    }

    @Test func defaultLimitIs1000() {
        let reply = Self.engine.employees()
        #expect(reply.ids == Self.records.prefix(1000).map { $0["id"]!.intValue! })
    }

    @Test func projectionKeepsCanonicalOrder() {
        let reply = Self.engine.employees(["fields": json(["operator", "email", "id", "email"]), "limit": .int(50), "offset": .int(100)])
        #expect(reply.rows.count == 50)
        for (row, record) in zip(reply.rows, Self.records[100..<150]) {
            #expect(row.objectValue?.keys == ["id", "email", "operator"])
            #expect(row["operator"] == record["operator"])
        }
    }

    @Test func sortNullsLastAscendingFirstDescending() {
        let engine = makeEngine(FilterFixture.employees)
        func ids(_ field: String, _ order: String) -> [Int64] {
            engine.employees(["sort": .array([.object(["field": .string(field), "order": .string(order)])])]).ids
        }
        #expect(ids("first_name", "asc") == [4, 1, 2, 3])  // "anna" < "Анна" by scalar; null last
        #expect(ids("first_name", "desc") == [3, 2, 1, 4])
        #expect(ids("calls_available", "asc") == [2, 1, 4, 3])  // ties keep ascending id
        #expect(ids("calls_available", "desc") == [3, 1, 4, 2])
        #expect(ids("patronymic", "asc") == [1, 2, 3, 4])
    }
}
