import Foundation
import LineEditing
import Lua

// Set once by `Interrupts.ready` (the first `install`) before any handler is installed, so the
// handler never touches a lazily initialised global.
// Written once, by `ready`, before any handler is installed; read only after (by the handler too).
nonisolated(unsafe) private var interruptPipe: (read: Int32, write: Int32) = (-1, -1)
// Written by `install` before it installs the handler; read by the handler, which may take no lock.
nonisolated(unsafe) private var secondSignalKills: Int32 = 0

/// The SIGINT handler: it does no work. It writes one byte to a pipe (async-signal-safe), and
/// while Lua runs it lets the next SIGINT take the default action, as lua.c's `laction` does.
private let onSIGINT: @convention(c) (Int32) -> Void = { _ in
    var byte: UInt8 = 1
    _ = write(interruptPipe.write, &byte, 1)
    if secondSignalKills != 0 { signal(SIGINT, SIG_DFL) }
}

/// Ctrl-C for the shell.
///
/// While Lua runs (``guarding(lua:backend:_:)``), the handler only writes a byte to a pipe; a
/// dispatch source reading that pipe, off the signal context, asks Lua to stop
/// (`lua.interrupt()`, which raises "interrupted!" at the next instruction hook) and cancels
/// the fetches in flight (`backend.cancel()`). At the prompt (``armForPrompt()``), the same
/// handler makes the blocked `read` fail with `EINTR`, and the line reader asks
/// ``takePending()`` whether that was Ctrl-C.
public enum Interrupts {
    private static let ready: Bool = {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        interruptPipe = (fds[0], fds[1])
        return true
    }()

    private static func install(killOnSecond: Bool) {
        guard ready else { return }
        secondSignalKills = killOnSecond ? 1 : 0
        var action = sigaction()
        #if os(Linux)
            action.__sigaction_handler.sa_handler = onSIGINT
        #else
            action.__sigaction_u.__sa_handler = onSIGINT
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0  // no SA_RESTART: a blocked read at the prompt returns EINTR
        sigaction(SIGINT, &action, nil)
        // The thread that runs Lua takes Ctrl-C: a mask inherited with SIGINT blocked (a parent's
        // worker thread) would leave it pending for good, every other thread being libdispatch's.
        var unblocked = sigset_t()
        sigemptyset(&unblocked)
        sigaddset(&unblocked, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
    }

    /// The pipe's read end: readable while a Ctrl-C is pending (the line reader polls it).
    static var pendingDescriptor: Int32 { ready ? interruptPipe.read : -1 }

    /// The hooks a line reader uses to end a read on Ctrl-C.
    public static let forLineReader = InterruptSignal(
        descriptor: { pendingDescriptor }, arm: { armForPrompt() }, takePending: { takePending() })

    /// Restores the default action (the process ends on SIGINT).
    public static func restoreDefault() { signal(SIGINT, SIG_DFL) }

    /// Installs the handler for the prompt: Ctrl-C interrupts the line being read.
    public static func armForPrompt() {
        install(killOnSecond: false)
    }

    /// Whether Ctrl-C was pressed since the last call; drains the pipe.
    public static func takePending() -> Bool {
        guard ready else { return false }
        var buffer = [UInt8](repeating: 0, count: 64)
        var any = false
        while read(interruptPipe.read, &buffer, buffer.count) > 0 { any = true }
        return any
    }

    /// Runs `body` (which runs Lua) with Ctrl-C cancelling it.
    /// - Parameters:
    ///   - lua: the state to interrupt.
    ///   - backend: the account whose fetches to cancel.
    ///   - afterwards: the disposition to leave: the prompt's handler, or the default.
    /// - Returns: whether Ctrl-C arrived while `body` ran.
    public static func guarding(lua: LuaState, backend: Backend, promptAfterwards: Bool, _ body: () throws -> Void) rethrows -> Bool {
        guard ready else {
            try body()
            return false
        }
        _ = takePending()
        let hit = Flag()
        let stop = lua.stopHandle  // the state itself belongs to this thread; the handler reaches it only through this
        let source = DispatchSource.makeReadSource(fileDescriptor: interruptPipe.read, queue: .global())
        source.setEventHandler {
            guard takePending() else { return }
            hit.set()
            Watchdog.shared.interrupted()
            stop.interrupt()
            backend.cancel()
        }
        source.resume()
        install(killOnSecond: true)
        defer {
            if promptAfterwards { armForPrompt() } else { restoreDefault() }
            source.cancel()
        }
        try body()
        return hit.value || takePending()
    }
}

/// A flag set from another thread.
// @unchecked: `raised` is read and written under `lock`.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false
    func set() { lock.withLock { raised = true } }
    var value: Bool { lock.withLock { raised } }
}
