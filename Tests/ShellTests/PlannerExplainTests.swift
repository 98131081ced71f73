import DataAPIClient
import DataAPIContract
import DataAPIServer
import Shell
import Testing

/// `QueryPlan.explain`: the split, the pages and the points.
@Suite struct PlannerExplainTests {
    @Test func reportsASplitQuery() throws {
        let plan = try QueryPlanner.plan(
            filter: .and([.condition("status", .equal, .string("available")), .condition("patronymic", .equal, .string("Петрович"))]),
            sort: [Sort(field: "last_name"), Sort(field: "id", order: .desc)], fields: ["full_name"], limit: 5, offset: 10, pageSize: 1000)
        #expect(
            plan.explain(totalItems: 2500, pageSize: 1000) == """
                server: {"filter":{"field":"status","operator":"=","value":"available"},"fields":["full_name","id","last_name","patronymic"]}
                server pages: every matching row, 1000 rows a page
                local filter: {"field":"patronymic","operator":"=","value":"Петрович"}
                local sort: last_name asc, id desc
                local offset/limit: offset 10, limit 5
                extra fields (dropped from the results): id, last_name, patronymic
                pages: 3 (2500 rows at 1000 a page)
                check: each page after a range's first repeats the last row of the page before, so a change while paging is noticed and what moved fetched again (1 point a gap); here it costs 0 points
                calls in flight: up to 2 (every page is needed)
                points: 3 (1 a page); count: every page (the filter runs partly locally)
                """)
    }

    @Test func reportsAServerQuery() throws {
        let plan = try QueryPlanner.plan(filter: .condition("id", .greater, .int(5)), sort: [Sort(field: "first_name")], limit: 150, offset: 20)
        let report = plan.explain(totalItems: 1000, pageSize: 100)
        #expect(
            report.hasPrefix(
                #"server: {"offset":20,"limit":150,"filter":{"field":"id","operator":">","value":5},"sort":[{"field":"first_name","order":"asc"}]}"#))
        #expect(report.contains("\nserver pages: at most 150 rows from offset 20, 100 rows a page\n"))
        #expect(report.contains("\nlocal filter: none\nlocal sort: none\nlocal offset/limit: none\npages: 2 (150 rows at 100 a page)\n"))
        #expect(report.hasSuffix("\npoints: 2 (1 a page); count: 1 point"))
        #expect(!report.contains("extra fields"))
        // Fewer matching rows than the limit asks for.
        #expect(plan.explain(totalItems: 60, pageSize: 100).contains("\npages: 1 (40 rows at 100 a page)\n"))
        // Nothing past the offset: the first call still costs a point.
        #expect(plan.explain(totalItems: 10, pageSize: 100).contains("\npages: 1 (0 rows at 100 a page)\n"))
        #expect(plan.explain(totalItems: 10, pageSize: 100).contains("\npoints: 1 (1 a page)"))
    }

    @Test func reportsAnUnknownTotal() throws {
        let all = try QueryPlanner.plan(filter: nil)
        #expect(
            all.explain(totalItems: nil, pageSize: 500).hasSuffix(
                """
                pages: unknown until the first page (500 rows a page)
                points: 1 a page; count: 1 point
                """))
        let limited = try QueryPlanner.plan(filter: nil, limit: 1200)
        #expect(limited.explain(totalItems: nil, pageSize: 500).contains("(500 rows a page; at most 3)"))
        let none = try QueryPlanner.plan(filter: nil, limit: 0)
        #expect(none.explain(totalItems: 99, pageSize: 500).contains("\npages: 0 (0 rows at 500 a page)\n"))
        #expect(none.explain(totalItems: 99, pageSize: 500).contains("\npoints: 0"))
    }

    @Test func reportsRowsOutOfReach() throws {
        // In id order, ranges: the first from offset 100 000 to the ceiling, the next by id.
        let plan = try QueryPlanner.plan(filter: nil, offset: 100_000)
        let ranges = plan.explain(totalItems: 200_000, pageSize: 10_000)
        #expect(ranges.contains("\npages: 11 (100000 rows at 10000 a page)\n"), "\(ranges)")
        #expect(
            ranges.contains(
                "\nranges: 2, past the offset ceiling (110000 rows a filter): rows 100001–110000; then id > the last id read: rows 110001–200000\n"),
            "\(ranges)")
        #expect(ranges.contains("here it costs 1 point\n"), "\(ranges)")
        // Sorted, refused after the first call.
        let sorted = try QueryPlanner.plan(filter: nil, sort: [Sort(field: "last_name")], offset: 100_000)
        #expect(
            sorted.explain(totalItems: 200_000, pageSize: 10_000).contains(
                "pages: 1, then the fetch fails: 200000 rows match and a sorted query reaches only the first 110000\npoints: 1"))
        // Past the API's offset range the plan is refused, as the engine would refuse the call.
        #expect(throws: DataAPIError.self) { try QueryPlanner.plan(filter: nil, offset: 100_001) }
        #expect(throws: DataAPIError.self) { try QueryPlanner.plan(filter: .condition("patronymic", .isNull), offset: 100_001) }
        // Clamped like the pager's page size.
        #expect(plan.explain(totalItems: 0, pageSize: 0).contains("1 rows a page"))
    }
}
