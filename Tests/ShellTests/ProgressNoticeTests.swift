import Foundation
import Synchronization
import Testing

@testable import DataAPIClient
@testable import Shell

/// Rate-limit waits and retries reach standard error as whole lines when it is not a terminal (a
/// job's log says why it paused), and clear the progress line first when it is.
@Suite struct ProgressNoticeTests {
    final class Sink: Sendable {
        private let parts = Mutex<[String]>([])
        var text: String { parts.withLock { $0.joined() } }
        func append(_ part: String) { parts.withLock { $0.append(part) } }
    }

    static let wait = RateLimitWait(duration: .seconds(42), reason: .limitExceeded, minuteLimit: 60)
    static let retry = RetryNotice(method: "get.employees", delay: .milliseconds(800), attempt: 3, maxAttempts: 4, reason: "connection refused")

    /// What a fetch's progress writes while `steps` report to it, on a terminal or not.
    static func written(onTerminal: Bool, _ steps: (FetchProgress) -> Void) -> String {
        let sink = Sink()
        steps(FetchProgress(enabled: onTerminal, write: { sink.append($0) }))
        return sink.text
    }

    @Test func notATerminal() {
        let text = Self.written(onTerminal: false) { progress in
            progress.page(rows: 10)
            progress.page(rows: 10)
            progress.rateLimitWait(Self.wait)
            progress.retry(Self.retry)
        }
        #expect(
            text == """
                empsh: minute limit of 60 points spent; waiting 42 s for it to refill
                empsh: retrying get.employees in 0.8 s (attempt 3 of 4): connection refused

                """)
    }

    @Test func aTerminal() {
        let text = Self.written(onTerminal: true) { progress in
            progress.page(rows: 10)
            progress.page(rows: 5)
            progress.retry(Self.retry)
        }
        #expect(
            text == "\r\u{1B}[Kfetched 2 pages, 15 rows…"
                + "\r\u{1B}[Kempsh: retrying get.employees in 0.8 s (attempt 3 of 4): connection refused\n")
    }
}
