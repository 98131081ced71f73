import Foundation
import Synchronization

/// Whether the running Lua code must stop (its `--timeout` passed, Ctrl-C), as the Lua thread
/// polls it while it waits on the network or sleeps.
final class StopCheck: Sendable {
    /// Why to stop, or nil; none set by default (never stop).
    private let condition = Mutex<(@Sendable () -> String?)?>(nil)

    /// The condition polled; nil for none.
    var reasonSource: (@Sendable () -> String?)? {
        get { condition.withLock { $0 } }
        set { condition.withLock { $0 = newValue } }
    }

    /// Why to stop now, or nil to go on.
    func reason() -> String? { reasonSource?() }

    /// Waits `seconds`, returning early when there is a reason to stop (Ctrl-C, `--timeout`);
    /// the instruction hook then raises in Lua at its next instruction.
    /// - Parameter seconds: How long to wait; nothing is waited for 0 or less.
    func sleep(seconds: Double) {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || reason() != nil { return }
            usleep(useconds_t(min(left, 0.05) * 1_000_000))
        }
    }
}
