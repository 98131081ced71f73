import DataAPIClient
import LineEditing
import Synchronization

/// What a ``Backend``'s calls delivered: the counters `.timer` and benchmarks read, and the
/// progress line on a terminal that page arrivals and paging notices go to.
final class CallLedger: Sendable {
    private let counters = Mutex(Backend.Statistics())
    private let reporter = Mutex<FetchProgress?>(nil)

    /// The counters now.
    var statistics: Backend.Statistics { counters.withLock { $0 } }

    /// Where page arrivals are reported; none by default.
    var progress: FetchProgress? {
        get { reporter.withLock { $0 } }
        set { reporter.withLock { $0 = newValue } }
    }

    /// Records a delivered page: one successful call.
    func count(page rows: Int) {
        counters.withLock { counters in
            counters.calls += 1
            counters.pages += 1
            counters.rows += rows
        }
        progress?.page(rows: rows)
    }

    /// Records a successful call that delivered no page (a count, an explain, `api.call`).
    func countCall() { counters.withLock { $0.calls += 1 } }

    /// Says on stderr, through `progress` when there is one, that a fetch saw the account change.
    func pagingNotice(_ summary: FetchSummary, method: String) {
        guard summary.changed else { return }
        let calls =
            summary.checkCalls == 0 ? "" : "; \(summary.checkCalls) more call\(summary.checkCalls == 1 ? "" : "s") fetched the rows that moved"
        let text =
            "\(method): the account changed while paging\(calls): every employee present throughout is listed once, "
            + "one added or removed meanwhile at most once"
        if let progress { progress.pagingChanged(text) } else { StandardStreams.writeError("empsh: \(text)\n") }
    }
}
