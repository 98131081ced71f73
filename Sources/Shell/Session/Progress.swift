import DataAPIClient
import Foundation
import LineEditing

/// Progress of multi-page fetches on standard error, for a person at a terminal: one line,
/// rewritten in place, with pages, rows and rate-limit waits. Page counts appear only when
/// enabled (the CLI enables it when standard error is a terminal), and never for a fetch of one
/// page; rate-limit waits and retries are always said, as whole lines when not enabled, so that
/// a job's log tells why it paused.
// @unchecked: the counts are read and written under `lock`; the rest is immutable.
public final class FetchProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private var pages = 0
    private var rows = 0
    private var shown = false
    private let write: @Sendable (String) -> Void

    /// Creates a reporter.
    /// - Parameters:
    ///   - enabled: whether to draw the progress line (page counts, waits in place); `isatty(2)` by default.
    ///   - write: where the text goes; standard error by default.
    public init(
        enabled: Bool = isatty(STDERR_FILENO) != 0,
        write: @escaping @Sendable (String) -> Void = { StandardStreams.writeError($0) }
    ) {
        self.enabled = enabled
        self.write = write
    }

    /// A page of `rows` rows arrived (called by `Backend` on the Lua thread).
    func page(rows count: Int) {
        guard enabled else { return }
        lock.withLock {
            pages += 1
            rows += count
            if pages > 1 { draw("fetched \(pages) pages, \(rows) rows") }
        }
    }

    /// The client waits for its point budget (the client's `onWait`, from any thread).
    @Sendable public func rateLimitWait(_ wait: RateLimitWait) {
        lock.withLock { enabled ? draw("\(wait)") : say("\(wait)") }
    }

    /// The client is about to retry a call (the client's `onRetry`, from any thread).
    @Sendable public func retry(_ notice: RetryNotice) {
        lock.withLock { say("\(notice)") }
    }

    /// A fetch noticed that the account changed while it paged (from any thread).
    @Sendable public func pagingChanged(_ text: String) {
        lock.withLock { say(text) }
    }

    /// A top-level command ended: clears the line and starts counting again.
    public func finish() {
        guard enabled else { return }
        lock.withLock {
            if shown { write("\r\u{1B}[K") }
            shown = false
            pages = 0
            rows = 0
        }
    }

    /// Writes a whole line, `empsh: TEXT`, after clearing a progress line on the terminal.
    private func say(_ text: String) {
        let clear = shown ? "\r\u{1B}[K" : ""
        shown = false
        write("\(clear)empsh: \(text)\n")
    }

    private func draw(_ text: String) {
        shown = true
        write("\r\u{1B}[K\(text)…")
    }
}
