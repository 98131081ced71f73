import DataAPIClient
import DataAPIContract
import EmployeeQuery
import Foundation
import LineEditing

/// The account the shell talks to — a real endpoint, or the embedded demo account served by
/// the reference engine in-process — and the bridge from Lua's synchronous calls to the
/// asynchronous client.
///
/// It composes small parts with one job each, every one guarding its own state: ``TaskRegistry``
/// (what is in flight, for Ctrl-C), ``CallLedger`` (counters and progress), ``StopCheck`` (when to stop
/// waiting and sleeping) and ``Outcome`` (one result handed to the waiting Lua thread).
public final class Backend: Sendable {
    /// The client every call goes through.
    public let client: Client
    /// "demo account" or the endpoint URL: what the banner shows (never a credential).
    public let accountDescription: String
    /// Whether this is the embedded demo account.
    public let isDemo: Bool
    /// Counters for `.timer` and benchmarks: calls made and rows delivered.
    public var statistics: Statistics {
        var statistics = ledger.statistics
        statistics.points = client.spent.points
        return statistics
    }
    /// Where page arrivals are reported (multi-page fetches on a terminal); none by default.
    public var progress: FetchProgress? {
        get { ledger.progress }
        set { ledger.progress = newValue }
    }

    private let ledger = CallLedger()
    private let tasks = TaskRegistry()
    private let stop = StopCheck()
    private let transportShutdown: (@Sendable () async -> Void)?

    /// Successful calls and rows delivered since the shell started.
    public struct Statistics: Sendable, Equatable {
        /// Successful API calls (pages included); failed attempts and retries are not counted.
        public var calls = 0
        /// Pages of rows delivered.
        public var pages = 0
        /// Rows delivered.
        public var rows = 0
        /// Points spent: the client's calls the API answered with success, pages fetched ahead and
        /// checks of a changing account included, replies from the response cache left out.
        public var points = 0
    }

    /// A real endpoint (or `empsh serve`) over HTTP.
    /// - Throws: `ShellError.usage` for a URL the transport cannot use.
    /// - Parameters:
    ///   - settings: The endpoint and credentials.
    ///   - configuration: The client configuration.
    ///   - recordTo: A file to record every call and reply in (`--record`); none by default.
    public static func remote(settings: ClientSettings, configuration: Client.Configuration, recordTo: RecordingLog? = nil) throws -> Backend {
        let url = settings.url ?? ClientSettings.defaultURL
        let transport: HTTPTransport
        do {
            var transportConfiguration = HTTPTransport.Configuration()
            if let stall = settings.stallTimeout { transportConfiguration.stallTimeout = stall }
            transport = try HTTPTransport(url: url, configuration: transportConfiguration)
        } catch {
            throw ShellError.usage("cannot use the URL \(url): \(error)")
        }
        let client = Client(
            transport: recording(transport, to: recordTo), credentials: settings.credentials, userID: settings.userID,
            configuration: configuration)
        return Backend(client: client, accountDescription: url, isDemo: false, shutdown: { try? await transport.shutdown() })
    }

    /// Any client: the embedded demo account's (over an in-process transport, which the `empsh`
    /// target builds), one over a transport that records requests (tests), or a custom endpoint.
    /// - Parameters:
    ///   - client: the client to use.
    ///   - accountDescription: what the banner shows; never a credential.
    ///   - isDemo: whether this is the embedded demo account; `false` by default.
    public static func using(_ client: Client, accountDescription: String, isDemo: Bool = false) -> Backend {
        Backend(client: client, accountDescription: accountDescription, isDemo: isDemo, shutdown: nil)
    }

    private init(client: Client, accountDescription: String, isDemo: Bool, shutdown: (@Sendable () async -> Void)?) {
        self.client = client
        self.accountDescription = accountDescription
        self.isDemo = isDemo
        self.transportShutdown = shutdown
    }

    /// Runs an asynchronous operation to completion from synchronous code (the Lua thread),
    /// which waits for it. `cancel()` from another thread cancels it.
    /// - Throws: what the operation throws; `CancellationError` when cancelled.
    public func wait<T: Sendable>(
        stoppable: Bool = true, _ operation: @escaping @Sendable (Client) async throws -> T
    ) throws -> T {
        let stop = stoppable ? self.stop.reasonSource : nil
        let outcome = Outcome<T>()
        let client = self.client
        let task = Task.detached(executorPreference: ClientExecutor.shared) {
            do { outcome.set(.success(try await operation(client))) } catch { outcome.set(.failure(error)) }
        }
        let id = tasks.reserve()
        tasks.track(task, id: id)
        defer { tasks.release(id) }
        return try outcome.get(stoppingWhen: stop) { task.cancel() }
    }

    /// Calls in flight at once for a fetch of rows.
    static let fetchConcurrency = 2

    /// Polled while the Lua thread waits: a reason to stop (the script's `--timeout` passed,
    /// Ctrl-C) makes the wait end with `LimitReached`, cancelling what it waited for.
    public var shouldStop: (@Sendable () -> String?)? {
        get { stop.reasonSource }
        set { stop.reasonSource = newValue }
    }

    /// Starts fetching every page of a query in the background; the returned feed hands the
    /// pages out in order as they arrive.
    ///
    /// At most `fetchConcurrency` calls are in flight and one page waits in the feed, besides the page
    /// Lua is reading: a page of 10 000 rows takes 10 MB on the wire and as much as a tape, so this keeps
    /// `employees.each` over any number of rows under 100 MiB, and the next page is ready when Lua wants it.
    /// With `onDemand` (a local filter with a limit: the reader may stop after any page), one call at a
    /// time, each made only once the reader asks for the next page, so no point is spent on a page it
    /// does not read. A fetch that noticed the account change says so on stderr (`pagingNotice`).
    /// - Parameters:
    ///   - query: The server's part of the query.
    ///   - pageSize: Rows per page; the client's by default.
    ///   - onDemand: Whether to fetch each page only when the reader asks for it; `false` by default.
    public func fetch(_ query: Query, pageSize: Int? = nil, onDemand: Bool = false) -> PageFeed {
        let feed = PageFeed(shouldStop: shouldStop)
        let client = self.client
        let tasks = self.tasks
        let id = tasks.reserve()
        feed.onDone = { tasks.release(id) }
        let notice: @Sendable (FetchSummary) -> Void = { [ledger] in ledger.pagingNotice($0, method: MethodDescription.employees.name) }
        let task = Task.detached(executorPreference: ClientExecutor.shared) {
            do {
                let concurrency = onDemand ? 1 : Self.fetchConcurrency
                let summary = try await client.fetchAll(query: query, pageSize: pageSize, concurrency: concurrency) { page in
                    try await feed.put(page)
                    if onDemand { try await feed.awaitDemand() }
                }
                notice(summary)
                feed.finish(nil)
            } catch {
                feed.finish(error)
            }
        }
        tasks.track(task, id: id)
        return feed
    }

    /// Says on stderr, through `progress` when there is one, that a fetch saw the account change.
    func pagingNotice(_ summary: FetchSummary) { ledger.pagingNotice(summary, method: MethodDescription.employees.name) }

    /// Records a delivered page: one successful call.
    func count(page rows: Int) { ledger.count(page: rows) }

    /// Waits `seconds`, returning early when `shouldStop` says to stop (Ctrl-C, `--timeout`);
    /// the instruction hook then raises in Lua at its next instruction.
    /// - Parameter seconds: How long to wait; nothing is waited for 0 or less.
    public func sleep(seconds: Double) { stop.sleep(seconds: seconds) }

    /// Records a successful call that delivered no page (a count, an explain, `api.call`).
    func countCall() { ledger.countCall() }

    /// Cancels every operation in flight (Ctrl-C). Safe from any thread.
    public func cancel() { tasks.cancelAll() }

    /// Ends sessions (`logout.user`) and closes connections. Call once at exit.
    public func close() {
        let client = self.client
        let shutdown = transportShutdown
        // A permanent key (or none) over a transport without connections has nothing to end;
        // a run that made no call then never starts the client's threads.
        let hasSession = if case .login = client.credentials.kind { true } else { false }
        guard hasSession || shutdown != nil else { return }
        _ = try? wait(stoppable: false) { _ in
            await client.close()
            await shutdown?()
        }
    }
}
