import CProcess
import LineEditing
import Shell
import Synchronization

/// Keeps secrets out of core files: a run that holds a token, key or password never dumps core.
enum CoreDumps {
    /// Whether `disable()` ran.
    private static let disabled = Atomic<Bool>(false)

    /// Turns core dumps off for the rest of the process (`RLIMIT_CORE` 0 and, on Linux, `PR_SET_DUMPABLE` 0);
    /// says so on standard error when the system refuses.
    static func disable() {
        guard disabled.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
        if empsh_disable_core_dumps() != 0 {
            StandardStreams.writeError("empsh: warning: core dumps could not be turned off; a crash could write a secret to disk\n")
        }
    }
}
