import Foundation

/// The last line of defence for `--timeout` and Ctrl-C: a thread that ends the process when a
/// run does not stop in time.
///
/// The instruction hook stops Lua code and Swift code checks the deadline, but neither can stop
/// one long C call (a backtracking `string.find`) or a finalizer (Lua runs finalizers with hooks
/// off). While a run is guarded, the watchdog waits for its deadline — the time limit plus a
/// grace second, or a second after Ctrl-C — and, if the run is still going then, prints why on
/// standard error and ends the process with ``exitCode`` (no cleanup can run safely).
// @unchecked: the deadline, its reason and `started` are read and written under `condition`.
public final class Watchdog: @unchecked Sendable {
    /// The process-wide watchdog.
    public static let shared = Watchdog()
    /// The exit status of a process the watchdog ends; `empsh` sets it from its exit codes.
    // Set by `empsh` first thing in `main`, before the watchdog's thread can start; read only by that thread.
    public nonisolated(unsafe) static var exitCode: Int32 = 124
    /// How long a run may go on after its time limit or Ctrl-C before the process ends.
    public static let grace = 1.0

    private let condition = NSCondition()
    private var deadline: Date?
    private var reason = ""
    private var started = false

    /// Arms the watchdog for a run: `seconds` (its time limit) plus the grace second; `nil`
    /// leaves it waiting only for Ctrl-C.
    func arm(timeLimit seconds: Double?) {
        condition.withLock {
            // Without a time limit only Ctrl-C gives a deadline: the thread starts then.
            if seconds != nil { startIfNeeded() }
            deadline = seconds.map { Date().addingTimeInterval(min($0, 1e9) + Self.grace) }
            reason = "the run went on past its time limit (--timeout)"
            condition.broadcast()
        }
    }

    /// Ctrl-C arrived: the run has one grace second to stop.
    func interrupted() {
        condition.withLock {
            startIfNeeded()
            let soon = Date().addingTimeInterval(Self.grace)
            if deadline.map({ soon < $0 }) ?? true {
                deadline = soon
                reason = "the run did not stop after Ctrl-C"
            }
            condition.broadcast()
        }
    }

    /// The run ended: nothing to watch.
    func disarm() {
        condition.withLock {
            deadline = nil
            condition.broadcast()
        }
    }

    private func startIfNeeded() {
        guard !started else { return }
        started = true
        let thread = Thread { [self] in watch() }
        thread.name = "empsh watchdog"
        thread.start()
    }

    private func watch() {
        condition.lock()
        while true {
            guard let due = deadline else {
                condition.wait()
                continue
            }
            if Date() < due {
                _ = condition.wait(until: due)
                continue
            }
            let message = "empsh: \(reason); ended by the watchdog \(Self.grace) s later\n"
            message.withCString { _ = write(STDERR_FILENO, $0, strlen($0)) }
            _exit(Self.exitCode)
        }
    }
}
