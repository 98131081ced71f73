import DataAPIContract
import EmployeeQuery
import TestSupport
import Testing

@testable import DataAPIClient

/// Paging an account that changes under the client, replies without `total_items`, and accounts past
/// the offset ceiling (issue 19): every employee present for the whole fetch exactly once, one added or
/// removed meanwhile at most once, with the fewest points.
@Suite struct ClientPagingChangeTests {
    /// Fetches everything, pages of `pageSize`, and returns the ids handed out, in order, and the summary.
    func fetch(
        _ account: ChangingAccount, query: Query = Query(fields: ["id", "full_name"]), pageSize: Int = 100, concurrency: Int = 2,
        limit: Int? = nil
    ) async throws -> (ids: [Int64], summary: FetchSummary) {
        let client = Client(transport: account, credentials: .token(testToken), configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        let summary = try await client.fetchAll(query: query, limit: limit, pageSize: pageSize, concurrency: concurrency) { sink.add($0) }
        return (try sink.ids(), summary)
    }

    /// Checks the guarantee: no id twice, every id present before and after exactly once, nothing else
    /// than ids present before or after.
    func expectGuarantee(_ ids: [Int64], before: [Int64], after: [Int64], sourceLocation: SourceLocation = #_sourceLocation) {
        let twice = ids.count - Set(ids).count
        #expect(twice == 0, "ids came twice", sourceLocation: sourceLocation)
        let lost = Set(before).intersection(after).subtracting(ids).count
        #expect(lost == 0, "rows present throughout were lost", sourceLocation: sourceLocation)
        let strangers = Set(ids).subtracting(before).subtracting(after).count
        #expect(strangers == 0, sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 4])
    func tenLeaveAndFiveJoinAfterTheFirstPage(concurrency: Int) async throws {
        let before = (1...250).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in
            guard call == 1 else { return }
            ids.removeAll { $0 <= 10 }  // ten of the first page leave
            ids += (1001...1005).map(Int64.init)  // five join
        }
        let (ids, summary) = try await fetch(account, concurrency: concurrency)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(ids.count == 255)  // the ten who left were handed out before they left, the five who joined after
        #expect(ids == ids.sorted())
        #expect(summary.changed)
        #expect(summary.checkCalls == 1)  // the gap: id > 100 AND id < 110
        #expect(account.points == 4)
        let gap = try #require(account.requests.first { $0["offset"] == .int(0) && $0["filter"] != nil })
        #expect(
            gap["filter"]
                == Filter.and([.condition("id", .greater, .int(100)), .condition("id", .less, .int(110))]).json)
    }

    @Test func rowsJoiningInFrontShiftPagesBack() async throws {
        let before = (1...250).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in
            if call == 1 { ids += (-20 ... -1).map(Int64.init) }
        }
        let (ids, summary) = try await fetch(account)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(ids == Array(1...250))  // the twenty joined in front of pages already read
        #expect(summary.changed)
        #expect(summary.checkCalls == 0)
    }

    @Test func removalsOnEveryPageKeepEveryoneElse() async throws {
        let before = (1...1_000).map(Int64.init)
        let removed = SetBox()
        let account = ChangingAccount(ids: before) { call, ids in
            // After each call, three rows leave from the part already read and the one just read.
            let victims = ids.filter { $0 % 97 == Int64(call % 97) }.prefix(3)
            ids.removeAll { victims.contains($0) }
            removed.add(victims)
        }
        let (ids, summary) = try await fetch(account, pageSize: 50)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(summary.changed)
    }

    @Test func aSortedOrderThatMovedIsWalkedBack() async throws {
        let before = (1...250).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in
            guard call == 1 else { return }
            ids.removeAll { $0 > 240 }  // ten of the first page (descending) leave
            ids += (1001...1005).map(Int64.init)  // five join in front
        }
        let query = Query(sort: [Sort(field: "full_name", order: .desc)], fields: ["id", "full_name"])
        let (ids, summary) = try await fetch(account, query: query)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(ids == Array((1...250).reversed()))
        #expect(summary.changed)
        #expect(summary.checkCalls == 1)
    }

    @Test func anUnchangedAccountCostsThePlanAndSaysNothing() async throws {
        let account = ChangingAccount(employees: 250)
        let (ids, summary) = try await fetch(account)
        #expect(ids == Array(1...250))
        #expect(!summary.changed && summary.checkCalls == 0 && summary.duplicatesDropped == 0)
        #expect(account.points == 3)
        #expect(account.requests.map { $0["offset"] } == [.int(0), .int(99), .int(199)])
        #expect(account.requests.map { $0["limit"] } == [.int(100), .int(101), .int(101)])
    }

    @Test func anAccountGrowingOnEveryCallIsNotChasedRowByRow() async throws {
        // One employee joins at the end after every call: the last page asks for a whole page, so it
        // takes the newcomers with it instead of chasing them one call each.
        let before = (1...250).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in ids.append(Int64(1_000 + call)) }
        let (ids, _) = try await fetch(account)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(account.points == 3)
        #expect(ids.count == 252)  // the two who joined before the last page was read
    }

    @Test(arguments: [true, false])
    func aReplyWithoutTotalPagesOnUntilAShortPage(sorted: Bool) async throws {
        let account = ChangingAccount(employees: 250, reportsTotal: false)
        let query = Query(sort: sorted ? [Sort(field: "full_name")] : [], fields: ["id"])
        let (ids, _) = try await fetch(account, query: query)
        #expect(ids.sorted() == Array(1...250))
        #expect(account.points == 3)
        let client = Client(transport: account, credentials: .token(testToken), configuration: Fake.quiet, clock: TestClock())
        #expect(try await client.count(query: Query()) == 250)
    }

    @Test func aTotalTheRowsContradictIsNotBelieved() async throws {
        // The server says 50 but hands out full pages past it: paging goes on until a short page.
        let transport = ScriptedTransport { request, _ in
            let offset = Int(request.params["offset"]?.intValue ?? 0)
            let limit = Int(request.params["limit"]?.intValue ?? 0)
            let ids = (offset..<min(250, offset + limit)).map { Int64($0 + 1) }
            return Fake.rows(request, ids: ids, total: 50)
        }
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        try await client.fetchAll(query: Query(), pageSize: 100) { sink.add($0) }
        #expect(try sink.ids() == Array(1...250))
    }

    @Test func twoHundredThousandRowsInTwoIDRangesWithTheFewestPoints() async throws {
        let account = ChangingAccount(employees: 200_000)
        let (ids, summary) = try await fetch(account, pageSize: 10_000, concurrency: 2)
        #expect(ids.count == 200_000)
        let inOrder = ids == Array(1...200_000)
        #expect(inOrder)
        #expect(!summary.changed)
        // 20 pages of 10 000 are the least; the check repeats a row a page, which costs one more.
        #expect(account.points == 21)
        #expect(Pager(pageSize: 10_000).estimate(total: 200_000).calls == 21)
        for params in account.requests {
            #expect((params["offset"]?.intValue ?? 0) <= Int64(Paging.maxOffset))
            #expect((params["limit"]?.intValue ?? 0) <= Int64(Paging.maxLimit))
        }
        let ranges = account.requests.compactMap { $0["filter"] }
        #expect(Set(ranges) == [Filter.condition("id", .greater, .int(109_990)).json])
        // With pages of 1000 the check costs nothing: each page asks for 1001 rows.
        let small = ChangingAccount(employees: 200_000)
        let (smallIDs, _) = try await fetch(small, pageSize: 1_000, concurrency: 2)
        #expect(smallIDs.count == 200_000 && small.points == 200)
    }

    @Test func twoHundredThousandRowsChangingAcrossTheRangeBoundary() async throws {
        let before = (1...200_000).map(Int64.init)
        let account = ChangingAccount(ids: before) { call, ids in
            // Every call: the two lowest ids leave, and one joins at the end.
            ids.removeFirst(2)
            ids.append(Int64(300_000 + call))
        }
        let (ids, summary) = try await fetch(account, pageSize: 10_000, concurrency: 2)
        expectGuarantee(ids, before: before, after: account.currentIDs)
        #expect(summary.changed)
    }

    @Test func aSortedQueryPastTheCeilingFailsBeforeHandingOutAPage() async throws {
        let account = ChangingAccount(employees: 200_000)
        let query = Query(sort: [Sort(field: "full_name")], fields: ["id"])
        let error = await #expect(throws: ClientError.self) { try await fetch(account, query: query, pageSize: 10_000) }
        #expect(error?.kind == .tooManyRows)
        #expect(account.points == 1)
    }

    @Test func aLimitIsKeptWhenRowsMove() async throws {
        let account = ChangingAccount(employees: 250) { call, ids in
            if call == 1 { ids.removeAll { $0 <= 30 } }
        }
        let (ids, _) = try await fetch(account, limit: 180)
        #expect(ids.count == 180)
        #expect(Set(ids).count == 180)
        #expect(ids == Array(1...180))
    }
}

/// Ids removed by a change, collected across calls.
final class SetBox: @unchecked Sendable {
    private var ids: Set<Int64> = []
    func add<S: Sequence<Int64>>(_ more: S) { ids.formUnion(more) }
}
