import DataAPIClient
import DataAPIContract
import DataAPIServer
import Shell
import TestSupport
import Testing

/// For random queries, planning + the real engine + the local part gives exactly the purely local answer.
@Suite struct PlannerPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4]

    @Test(arguments: seeds)
    func plannedEqualsLocal(seed: UInt64) throws {
        let company = Company(seed: seed)
        var rng = SplitMix64(seed: seed &* 0x9E37_79B9)
        var tally = Tally()
        for _ in 0..<75 {
            let q = company.randomQuery(&rng)
            let plan = try QueryPlanner.plan(
                filter: q.filter, sort: q.sort, fields: q.fields, limit: q.limit, offset: q.offset,
                pageSize: q.pageSize)
            let context =
                "\(JSON.object(Query(filter: q.filter, sort: q.sort, fields: q.fields, limit: q.limit, offset: q.offset).params(accessToken: nil)).encodedString()) page \(q.pageSize)"
            let fetched = try company.fetch(plan, context: context)
            let planned = try plan.applyLocal(to: fetched)
            let expected = try company.evaluateLocally(q)
            #expect(planned.map(\.id) == expected.map(\.id), "\(context)")
            tally.count(plan, q, fetched: fetched.count, result: expected.count, total: company.employees.count)
        }
        // The generator covers the interesting cases.
        #expect(tally.splitFilters >= 5, "\(tally)")
        #expect(tally.localSorts >= 10 && tally.serverSorts >= 5, "\(tally)")
        #expect(tally.serverPaging >= 5 && tally.localPaging >= 5, "\(tally)")
        #expect(tally.nonTrivial >= 20, "\(tally)")
        #expect(tally.multiPage >= 3, "\(tally)")
    }

    /// Invalid queries fail in the planner with the engine's mnemonic and path.
    @Test(arguments: seeds)
    func invalidQueriesFailAsTheEngine(seed: UInt64) throws {
        let company = Company(seed: seed)
        var rng = SplitMix64(seed: seed &* 31 &+ 7)
        for _ in 0..<30 {
            var q = company.randomQuery(&rng)
            var expectedMnemonic = DataAPIError.Mnemonic.invalidParameterValue
            var expectedField = ""
            if q.filter == nil || Int.random(in: 0..<4, using: &rng) == 0 {
                let index = Int.random(in: 0...q.sort.count, using: &rng)
                q.sort.insert(Sort(field: "nickname"), at: index)
                (expectedMnemonic, expectedField) = (.unexpectedParameters, "sort[\(index)].field")
            } else {
                let bad =
                    Bool.random(using: &rng)
                    ? Filter.condition(["patronymic", "email", "full_name"].randomElement(using: &rng)!, .regexp, .string("(\\w+"))
                    : Filter.condition("nickname", .equal, .int(1))
                let (filter, path) = Company.inject(bad, into: q.filter!, path: "filter", &rng)
                q.filter = filter
                if case .condition(let c) = bad, c.field == "nickname" {
                    (expectedMnemonic, expectedField) = (.unexpectedParameters, "\(path).field")
                } else {
                    (expectedMnemonic, expectedField) = (.invalidParameterValue, "\(path).value")
                }
            }
            guard let fromPlanner = Self.planningError(q) else {
                Issue.record("planned an invalid query: \(q)")
                continue
            }
            #expect(fromPlanner.mnemonic == expectedMnemonic && fromPlanner.field == expectedField, "\(fromPlanner)")
            // The engine, given the same query with the fields it refuses swapped for fields of the same kind,
            // reports the same error.
            let reply = company.engine.employees(Company.engineAcceptable(q).params(accessToken: nil))
            #expect(
                reply.mnemonic == fromPlanner.mnemonic.rawValue && reply.field == fromPlanner.field,
                "\(reply.json.encodedString()) vs \(fromPlanner)")
        }
    }
}

extension PlannerPropertyTests {
    /// The error planning `q` throws; `nil` when it plans.
    static func planningError(_ q: RandomQuery) -> DataAPIError? {
        do {
            _ = try QueryPlanner.plan(filter: q.filter, sort: q.sort, fields: q.fields, limit: q.limit, offset: q.offset)
            return nil
        } catch {
            return error
        }
    }
}

/// Coverage counters for the generator.
private struct Tally: CustomStringConvertible {
    var splitFilters = 0, localSorts = 0, serverSorts = 0, serverPaging = 0, localPaging = 0, nonTrivial = 0, multiPage = 0

    mutating func count(_ plan: QueryPlan, _ q: RandomQuery, fetched: Int, result: Int, total: Int) {
        if plan.serverQuery.filter != nil && plan.localFilter != nil { splitFilters += 1 }
        if plan.localSort != nil { localSorts += 1 }
        if !plan.serverQuery.sort.isEmpty { serverSorts += 1 }
        if plan.serverQuery.limit != nil || plan.serverQuery.offset != nil { serverPaging += 1 }
        if plan.localLimit != nil || plan.localOffset != nil { localPaging += 1 }
        if result > 0 && result < total { nonTrivial += 1 }
        if fetched > q.pageSize { multiPage += 1 }
    }

    var description: String {
        "split \(splitFilters), local sorts \(localSorts), server sorts \(serverSorts), server paging \(serverPaging), "
            + "local paging \(localPaging), non-trivial \(nonTrivial), multi-page \(multiPage)"
    }
}
