import DataAPI
import Foundation

/// Pages of a fetch running in the background, handed to the Lua thread in order as they arrive.
public final class PageFeed: @unchecked Sendable {
    private let condition = NSCondition()
    private var pages: [Page?] = []
    private var head = 0
    private var finished = false
    private var failure: (any Error)?
    var onDone: (() -> Void)?

    func put(_ page: Page) {
        condition.withLock {
            pages.append(page)
            condition.broadcast()
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
    /// - Throws: the fetch's error, once the pages before it are consumed.
    public func next() throws -> Page? {
        try condition.withLock {
            while head == pages.count && !finished { condition.wait() }
            if head < pages.count {
                let page = pages[head]
                pages[head] = nil  // consumed pages free their bytes
                head += 1
                return page
            }
            if let failure { throw failure }
            return nil
        }
    }
}
