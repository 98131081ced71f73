import Foundation

/// A one-shot result that a synchronous caller waits for: the bridge from an asynchronous
/// operation's end to the Lua thread that waits on it.
///
/// `@unchecked Sendable`: `result` is only read and written under `condition`, which also wakes the waiter.
final class Outcome<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    /// Hands the result over, waking the caller that waits for it.
    func set(_ result: Result<T, any Error>) {
        condition.withLock {
            self.result = result
            condition.broadcast()
        }
    }

    /// Waits for the result, checking `stop` every 50 ms.
    /// - Throws: the operation's error; `LimitReached` when `stop` gives a reason (after `onStop`).
    func get(stoppingWhen stop: (() -> String?)?, onStop: () -> Void) throws -> T {
        try condition.withLock {
            while true {
                if let result { return try result.get() }
                if let reason = stop?() {
                    onStop()
                    throw LimitReached(message: reason)
                }
                _ = condition.wait(until: Date(timeIntervalSinceNow: 0.05))
            }
        }
    }
}

/// A wait ended because the running Lua code must stop (its time limit, or Ctrl-C).
public struct LimitReached: Error, CustomStringConvertible {
    /// Why: `"interrupted!"` or `"time limit exceeded"`.
    public var message: String
    /// The message.
    public var description: String { message }
}
