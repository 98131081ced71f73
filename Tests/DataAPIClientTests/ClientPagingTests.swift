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
        #expect(Pager().start() == .fetch([.init(offset: 0, limit: 10_000)]))
        #expect(Pager(limit: 10).start() == .fetch([.init(offset: 0, limit: 10)]))
        #expect(Pager(offset: 7, limit: 50_000, pageSize: 500).start() == .fetch([.init(offset: 7, limit: 500)]))
        #expect(Pager(limit: 0).start() == .done)
    }

    @Test func restIsPlannedFromTheTotal() {
        let pager = Pager()
        let first = Pager.Request(offset: 0, limit: 10_000)
        #expect(
            pager.afterFirstPage(first, received: 10_000, total: 25_000)
                == .fetch([.init(offset: 10_000, limit: 10_000), .init(offset: 20_000, limit: 5_000)]))
        #expect(pager.afterFirstPage(first, received: 9_000, total: 25_000) == .done)  // short page: no more
        #expect(pager.afterFirstPage(first, received: 10_000, total: 10_000) == .done)
        #expect(Pager(limit: 15_000).afterFirstPage(first, received: 10_000, total: 25_000) == .fetch([.init(offset: 10_000, limit: 5_000)]))
    }

    @Test func queriesPastTheReachableRowsAreRefused() {
        let first = Pager.Request(offset: 0, limit: 10_000)
        #expect(Pager().afterFirstPage(first, received: 10_000, total: 110_001) == .tooManyRows(total: 110_001, reachable: 110_000))
        // Exactly reachable: the last page is offset 100 000, limit 10 000.
        guard case .fetch(let rest) = Pager().afterFirstPage(first, received: 10_000, total: 110_000) else {
            Issue.record("no plan")
            return
        }
        #expect(rest.count == 10)
        #expect(rest.last == .init(offset: 100_000, limit: 10_000))
        // A limit that stays inside the reachable rows is fine even when more match.
        #expect(Pager(limit: 20_000).afterFirstPage(first, received: 10_000, total: 500_000) == .fetch([.init(offset: 10_000, limit: 10_000)]))
    }

    @Test func smallPagesStillReachTheEnd() {
        let requests = Pager.split(from: 97_000, to: 110_000, pageSize: 3_000)
        #expect(requests == [.init(offset: 97_000, limit: 3_000), .init(offset: 100_000, limit: 10_000)])
        #expect(
            Pager.split(from: 98_000, to: 110_000, pageSize: 3_000) == [.init(offset: 98_000, limit: 2_000), .init(offset: 100_000, limit: 10_000)])
        #expect(Pager.split(from: 105_000, to: 110_000, pageSize: 10_000) == [.init(offset: 100_000, limit: 10_000, skip: 5_000)])
        for request in Pager.split(from: 0, to: 110_000, pageSize: 700) {
            #expect(request.offset <= Pager.maxOffset && request.limit <= Pager.maxLimit)
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
        #expect(transport.pages.map(\.offset) == [0, 10_000, 20_000])
        #expect(transport.pages.map(\.limit) == [10_000, 10_000, 5_000])
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
        #expect(transport.pages.map(\.offset) == [0, 1_000, 2_000])
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
        #expect(more.pages.map(\.offset) == [5, 10_005])
        #expect(more.pages.map(\.limit) == [10_000, 2_000])
    }

    @Test func duplicatesAcrossPagesAreDroppedAndOrderKept() async throws {
        // A row inserted before page 2 shifts rows: page 2 repeats the last two ids of page 1.
        let transport = ScriptedTransport { request, _ in
            let offset = Int(request.params["offset"]?.intValue ?? 0)
            switch offset {
            case 0: return Fake.rows(request, ids: [1, 2, 3, 4], total: 10)
            case 4: return Fake.rows(request, ids: [3, 4, 5, 6], total: 10)
            default: return Fake.rows(request, ids: [6, 7, 8, 9], total: 10)
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
        #expect(summary.duplicatesDropped == 3)
        #expect(try sink.all[2].employees().map(\.id) == [7, 8, 9])
    }

    @Test func tooManyRowsFailsAfterOneCallWithoutHandingOutPages() async throws {
        let transport = ScriptedTransport(Fake.server(total: 110_001))
        let client = Client(transport: transport, configuration: Fake.quiet, clock: TestClock())
        let sink = PageSink()
        let error = await #expect(throws: ClientError.self) { try await client.fetchAll(query: Query()) { sink.add($0) } }
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
