import DataAPIClient
import Foundation

/// Pages of a fetch running in the background, handed to the Lua thread in order as they arrive.
///
/// The fetch runs at most `ahead` pages ahead of the reader (its next page waits until the
/// reader takes one), so iterating a large query with `employees.each` holds a few pages, not
/// all of them. A reader that stops early (`abandon()`) ends the fetch.
// @unchecked: the mutable state is read and written under `condition`; `onDone` is set before the fetch starts.
public final class PageFeed: @unchecked Sendable {
    /// Pages fetched but not yet taken before the fetch waits for the reader.
    let ahead: Int
    private let condition = NSCondition()
    private var pages: [Page?] = []
    private var head = 0
    private var finished = false
    private var abandoned = false
    private var failure: (any Error)?
    private var waiting: [CheckedContinuation<Void, any Error>] = []
    /// Whether the reader waits for a page that is not there yet.
    private var wanting = false
    /// The fetch waiting for the reader to ask for another page (`awaitDemand`).
    private var demand: CheckedContinuation<Void, any Error>?
    var onDone: (@Sendable () -> Void)?
    /// Bytes of the pages put and not yet taken (their tapes).
    private var queuedBytes = 0
    /// Where the queued pages' bytes are counted (the reader's `--memory` cap); set by the reader.
    private var account: (@Sendable (Int) -> Void)?

    private let shouldStop: (@Sendable () -> String?)?

    init(ahead: Int = 1, shouldStop: (@Sendable () -> String?)? = nil) {
        self.ahead = max(1, ahead)
        self.shouldStop = shouldStop
    }

    /// Hands a page to the reader; waits while `ahead` pages are still untaken.
    /// - Throws: `CancellationError` when the reader has abandoned the feed.
    func put(_ page: Page) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            condition.withLock {
                guard !abandoned else { return continuation.resume(throwing: CancellationError()) }
                pages.append(page)
                queuedBytes += page.tape.byteCount
                account?(page.tape.byteCount)
                condition.broadcast()
                if pages.count - head > ahead { waiting.append(continuation) } else { continuation.resume() }
            }
        }
    }

    /// Waits until the reader has taken every page put and asks for another.
    /// - Throws: `CancellationError` when the reader has abandoned the feed.
    func awaitDemand() async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            condition.withLock {
                if abandoned { return continuation.resume(throwing: CancellationError()) }
                if wanting && head == pages.count { continuation.resume() } else { demand = continuation }
            }
        }
    }

    func finish(_ error: (any Error)?) {
        condition.withLock {
            finished = true
            failure = error
            condition.broadcast()
        }
        onDone?()
    }

    /// The next page, waiting for it; `nil` after the last.
    /// - Throws: the fetch's error, once the pages before it are consumed; `LimitReached` when
    ///   the running code must stop (the fetch is then abandoned).
    public func next() throws -> Page? {
        let page = try condition.withLock { () throws -> Page?? in
            while head == pages.count && !finished {
                wanting = true
                demand?.resume()
                demand = nil
                if shouldStop?() != nil { return .none }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
            }
            wanting = false
            if head < pages.count {
                let page = pages[head]
                pages[head] = nil  // consumed pages free their bytes
                if let bytes = page?.tape.byteCount {
                    queuedBytes -= bytes
                    account?(-bytes)
                }
                head += 1
                resumeWriters()
                return .some(page)
            }
            if let failure { throw failure }
            return .some(nil)
        }
        guard let page else {
            abandon()
            throw LimitReached(message: shouldStop?() ?? "stopped")
        }
        return page
    }

    /// The reader will take no more pages: drops those fetched and stops the fetch.
    public func abandon() {
        condition.withLock {
            abandoned = true
            pages.removeAll()
            account?(-queuedBytes)
            account = nil
            queuedBytes = 0
            head = 0
            for continuation in waiting { continuation.resume(throwing: CancellationError()) }
            waiting.removeAll()
            demand?.resume(throwing: CancellationError())
            demand = nil
        }
    }

    /// Counts the bytes of the pages waiting in the feed with `account` from now on (those already
    /// there at once), until they are taken or the feed is abandoned; a page taken is the reader's to count.
    /// - Parameter account: Called with each change, positive or negative, under the feed's lock.
    public func count(with account: @escaping @Sendable (Int) -> Void) {
        condition.withLock {
            guard !abandoned else { return }
            self.account = account
            if queuedBytes > 0 { account(queuedBytes) }
        }
    }

    private func resumeWriters() {
        guard pages.count - head <= ahead, !waiting.isEmpty else { return }
        for continuation in waiting { continuation.resume() }
        waiting.removeAll()
    }
}
