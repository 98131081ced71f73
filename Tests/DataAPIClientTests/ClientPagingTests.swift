import DataAPIContract
import EmployeeQuery
import Synchronization
import Testing

@testable import DataAPIClient

/// Collects pages handed out by `fetchAll`.
final class PageSink: Sendable {
    private let pages = Mutex<[Page]>([])
    var all: [Page] { pages.withLock { $0 } }
    func add(_ page: Page) { pages.withLock { $0.append(page) } }
    /// The ids of kept rows, in order.
    func ids() throws -> [Int64] {
        all.flatMap { $0.rows() }.map { $0["id"]?.intValue ?? -1 }
    }
}

@Suite struct ClientPagerTests {
    @Test func firstPageIsThePageSizeOrTheSmallerLimit() {
        #expect(Pager().first() == .init(offset: 0, limit: 10_000))
        #expect(Pager(limit: 10).first(remaining: 10) == .init(offset: 0, limit: 10))
        #expect(Pager(offset: 7, limit: 50_000, pageSize: 500).first() == .init(offset: 7, limit: 500))
        #expect(Pager(limit: 0).first(remaining: 0) == nil)
        // A later range starts at offset 0 after the last id read.
        #expect(Pager(offset: 7).first(afterID: 42) == .init(offset: 0, limit: 10_000, afterID: 42))
    }

    @Test func restIsPlannedFromTheTotalEachPageRepeatingTheRowBefore() {
        let pager = Pager()
        let first = Pager.Request(offset: 0, limit: 10_000)
        #expect(
            pager.next(after: first, received: 10_000, total: 25_000, remaining: nil)
                == .fetch([.init(offset: 9_999, limit: 10_000, checked: true), .init(offset: 19_998, limit: 10_000, checked: true)]))
        #expect(pager.next(after: first, received: 9_000, total: 25_000, remaining: nil) == .done)  // short page: the end
        #expect(pager.next(after: first, received: 10_000, total: 10_000, remaining: nil) == .done)  // its own total reached
        #expect(
            Pager(limit: 15_000).next(after: first, received: 10_000, total: 25_000, remaining: 5_000)
                == .fetch([.init(offset: 9_999, limit: 5_001, checked: true)]))
        // Below the largest page the repeated row is free: each page asks for one row more. The last page
        // asks for a whole page too (a call costs a point whatever its size), so rows that join meanwhile
        // come with it.
        #expect(
            Pager(pageSize: 100).next(after: .init(offset: 0, limit: 100), received: 100, total: 250, remaining: nil)
                == .fetch([.init(offset: 99, limit: 101, checked: true), .init(offset: 199, limit: 101, checked: true)]))
    }

    @Test func withoutATotalOnePageAtATime() {
        let first = Pager.Request(offset: 0, limit: 100)
        let pager = Pager(pageSize: 100)
        #expect(pager.next(after: first, received: 100, total: nil, remaining: nil) == .fetch([.init(offset: 99, limit: 101, checked: true)]))
        // A total the rows contradict is no total.
        #expect(pager.next(after: first, received: 100, total: 50, remaining: nil) == .fetch([.init(offset: 99, limit: 101, checked: true)]))
    }

    @Test func pastTheCeilingTheNextRangeOrARefusal() {
        let first = Pager.Request(offset: 0, limit: 10_000)
        // Sorted: refused after the first page.
        #expect(
            Pager(ordered: false).next(after: first, received: 10_000, total: 110_001, remaining: nil)
                == .tooManyRows(total: 110_001, reachable: 110_000))
        // In id order: pages as far as the ceiling, then a new range.
        guard case .fetch(let rest) = Pager().next(after: first, received: 10_000, total: 200_000, remaining: nil) else {
            Issue.record("no plan")
            return
        }
        #expect(rest.count == 10)
        #expect(rest.last == .init(offset: 99_990, limit: 10_000, checked: true))
        #expect(Pager().next(after: rest.last!, received: 10_000, total: 200_000, remaining: nil) == .nextRange)
        #expect(Pager().estimate(total: 200_000) == .init(calls: 21, ranges: [0..<109_990, 109_990..<200_000], refused: false))
        // A limit that stays inside the reachable rows is fine sorted too.
        #expect(
            Pager(limit: 20_000, ordered: false).next(after: first, received: 10_000, total: 500_000, remaining: 10_000)
                == .fetch([.init(offset: 9_999, limit: 10_000, checked: true), .init(offset: 19_998, limit: 2, checked: true)]))
        for page in Pager.split(from: 1, to: 110_000, limit: 701, bounds: first) {
            #expect(page.offset <= Pager.maxOffset && page.limit <= Pager.maxLimit)
        }
    }
}

@Suite struct ClientPagingTests {
    @Test func twentyFiveThousandRowsCostThreeCalls() async throws {
        let transport = ScriptedTransport(Fake.server(total: 25_000))
        let client = Client(transport: transport, credentials: .token("tok-secret"), configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        let summary = try await client.fetchAll(query: Query(fields: ["id", "full_name"])) { sink.add($0) }
        #expect(transport.requests.count == 3)
        #expect(transport.pages.map(\.offset) == [0, 9_999, 19_998])
        #expect(transport.pages.map(\.limit) == [10_000, 10_000, 10_000])
        #expect(summary == FetchSummary(totalItems: 25_000, rows: 25_000, pages: 3, duplicatesDropped: 0))
        let ids = try sink.ids()
        #expect(ids == (1...25_000).map(Int64.init))
        // Proper JSON-RPC ids: increasing integers.
        #expect(transport.requests.map(\.id) == [.int(1), .int(2), .int(3)])
    }

    @Test func pagesComeInOrderWithConcurrencyOne() async throws {
        let transport = ScriptedTransport(Fake.server(total: 2_500))
        var configuration = Fake.quiet
        configuration.pageSize = 1_000
        configuration.concurrency = 1
        let client = Client(transport: transport, configuration: configuration, clock: TestClock())
        let sink = PageSink()
        try await client.fetchAll(query: Query()) { sink.add($0) }
        #expect(transport.pages.map(\.offset) == [0, 999, 1_999])
        #expect(try sink.ids() == (1...2_500).map(Int64.init))
    }

    @Test func countCostsOneCall() async throws {
        let transport = ScriptedTransport(Fake.server(total: 4_321))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let filter = Filter.condition("status", .equal, .string("available"))
        #expect(try await client.count(query: Query(filter: filter, sort: [Sort(field: "last_name")], limit: 50)) == 4_321)
        #expect(transport.requests.count == 1)
        let params = transport.requests[0].params
        #expect(params["limit"] == .int(1))
        #expect(params["fields"] == .array([.string("id")]))
        #expect(params["filter"] == filter.json)
        #expect(params["sort"] == nil)
    }

    @Test func stopsAtTheUsersLimit() async throws {
        let transport = ScriptedTransport(Fake.server(total: 25_000))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        try await client.fetchAll(query: Query(), limit: 10) { sink.add($0) }
        #expect(transport.pages.count == 1)
        #expect(transport.pages[0].limit == 10)
        #expect(try sink.ids() == Array(1...10))

        let more = ScriptedTransport(Fake.server(total: 25_000))
        let client2 = Client(transport: more, configuration: Fake.quiet, clock: TestClock())
        try await client2.fetchAll(query: Query(), limit: 12_000, offset: 5) { _ in }
        #expect(more.pages.map(\.offset) == [5, 10_004])
        #expect(more.pages.map(\.limit) == [10_000, 2_001])
    }

    @Test func duplicatesAcrossPagesAreDroppedAndOrderKept() async throws {
        // A row inserted before page 2 shifts rows: page 2 repeats the last two ids of page 1, one more
        // than the row it repeats on purpose.
        let transport = ScriptedTransport { request, _ in
            let offset = Int(request.params["offset"]?.intValue ?? 0)
            switch offset {
            case 0: return Fake.rows(request, ids: [1, 2, 3, 4], total: 10)
            case 3: return Fake.rows(request, ids: [3, 4, 5, 6, 7], total: 10)
            default: return Fake.rows(request, ids: [7, 8, 9], total: 10)
            }
        }
        var configuration = Fake.quiet
        configuration.pageSize = 4
        let client = Client(transport: transport, configuration: configuration, clock: TestClock())
        let sink = PageSink()
        let summary = try await client.fetchAll(query: Query()) { sink.add($0) }
        #expect(try sink.ids() == [1, 2, 3, 4, 5, 6, 7, 8, 9])
        #expect(sink.all[1].dropped == [0, 1])
        #expect(sink.all[1].isKept(2) && !sink.all[1].isKept(0))
        #expect(summary.duplicatesDropped == 1)
        #expect(summary.changed)
        #expect(try sink.all[2].employees().map(\.id) == [8, 9])
    }

    @Test func tooManyRowsFailsAfterOneCallWithoutHandingOutPages() async throws {
        // Sorted: offset paging alone, so 110 000 rows at most (in id order, ranges go further).
        let transport = ScriptedTransport(Fake.server(total: 110_001))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        let sorted = Query(sort: [Sort(field: "last_name")])
        let error = await #expect(throws: ClientError.self) { try await client.fetchAll(query: sorted) { sink.add($0) } }
        #expect(error?.kind == .tooManyRows)
        #expect(error?.message.contains("110001") == true)
        #expect(error?.message.contains("narrow the filter") == true)
        #expect(transport.requests.count == 1)
        #expect(sink.all.isEmpty)
    }

    @Test func pagesCarryTheirRowsAsATape() async throws {
        let transport = ScriptedTransport(Fake.server(total: 3))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        try await client.fetchAll(query: Query()) { sink.add($0) }
        let page = try #require(sink.all.first)
        #expect(page.rowIDs == [1, 2, 3])
        #expect(page.totalItems == 3)
        #expect(page.rows().map { $0["id"] } == [.int(1), .int(2), .int(3)])
        #expect(page.tape.json()?.arrayValue?.count == 3)
    }

    @Test func cacheServesRepeatedQueriesUntilCleared() async throws {
        let transport = ScriptedTransport(Fake.server(total: 42))
        var configuration = Fake.quiet
        configuration.cache = .ttl(.seconds(60))
        let clock = TestClock()
        let client = Client(transport: transport, configuration: configuration, clock: clock)
        #expect(try await client.count(query: Query()) == 42)
        #expect(try await client.count(query: Query()) == 42)
        #expect(transport.requests.count == 1)
        await client.clearCache()
        _ = try await client.count(query: Query())
        #expect(transport.requests.count == 2)
        clock.advance(by: 61)
        _ = try await client.count(query: Query())
        #expect(transport.requests.count == 3)
    }

    @Test func cacheIsOffByDefault() async throws {
        let transport = ScriptedTransport(Fake.server(total: 42))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        _ = try await client.count(query: Query())
        _ = try await client.count(query: Query())
        #expect(transport.requests.count == 2)
        #expect(
            ResponseCache.key(method: "m", params: ["access_token": .string("a"), "limit": .int(1)])
                == ResponseCache.key(method: "m", params: ["access_token": .string("b"), "limit": .int(1)]))
    }
}
