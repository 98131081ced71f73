import Foundation
import LineEditing

/// Which pager the REPL runs, as psql chooses it: `EMPSH_PAGER`, else `PAGER` (an empty one means
/// none), else `less -RFX` when `less` is installed.
enum PagerCommand {
    /// The pager found, or why there is none.
    enum Resolution: Equatable {
        /// A shell command to run.
        case command(String)
        /// A pager was named but cannot run: the line that says so.
        case missing(String)
        /// No pager is set and `less` is not installed.
        case none
    }

    /// Finds the pager in `environment`.
    static func resolve(environment: [String: String]) -> Resolution {
        for name in ["EMPSH_PAGER", "PAGER"] {
            guard let value = environment[name] else { continue }
            let command = value.trimmingCharacters(in: .whitespaces)
            if command.isEmpty { return .none }
            let program = String(command.prefix { !$0.isWhitespace })
            if find(program, path: environment["PATH"]) { return .command(command) }
            return .missing("empsh: cannot run the pager \"\(command)\" (from $\(name)): \(program) not found")
        }
        return find("less", path: environment["PATH"]) ? .command("less -RFX") : .none
    }

    /// Whether `program` names an executable file, itself or in a folder of `path`.
    private static func find(_ program: String, path: String?) -> Bool {
        if program.contains("/") { return access(program, X_OK) == 0 }
        let folders = (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        return folders.contains { access("\($0)/\(program)", X_OK) == 0 }
    }
}

/// One run of a pager over some text: it reads the text on its standard input and draws on the
/// terminal. Ctrl-C (the prompt's handler marks it pending) stops it: the pager is ended, the
/// terminal's modes are put back, and the REPL goes on.
enum PagerRun {
    /// How a run went.
    enum Outcome: Equatable {
        /// The pager took the text, or the user quit it.
        case shown
        /// Ctrl-C ended it.
        case interrupted
        /// It could not start, or failed: the line that says so.
        case failed(String)
    }

    /// Runs `command` (through `/bin/sh -c` when it is more than words), feeding it `text`, and waits for it to end.
    static func run(_ command: String, text: String) -> Outcome {
        var modes = termios()
        let savedModes = tcgetattr(STDOUT_FILENO, &modes) == 0
        defer { if savedModes { tcsetattr(STDOUT_FILENO, TCSADRAIN, &modes) } }
        let oldPipeAction = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, oldPipeAction) }
        fflush(StandardStreams.output)
        _ = Interrupts.takePending()
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return .failed("empsh: cannot run the pager \"\(command)\": no pipe (\(errno))") }
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(fds[1], F_SETFL, fcntl(fds[1], F_GETFL) | O_NONBLOCK)
        let spawned = spawn(command, input: fds[0])
        close(fds[0])
        guard case .success(let pid) = spawned else {
            close(fds[1])
            let code = if case .failure(let error) = spawned { error.code } else { Int32(0) }
            return .failed("empsh: cannot run the pager \"\(command)\": \(String(cString: strerror(code)))")
        }
        let fed = feed(text, to: fds[1], pager: pid)
        close(fds[1])
        let status = fed ? waitForExit(pid) : nil
        guard let status else {
            stop(pid)
            return .interrupted
        }
        if status == 0 { return .shown }
        return .failed("empsh: the pager \"\(command)\" " + describe(status))
    }

    /// A failed status in words.
    private static func describe(_ status: Int32) -> String {
        let code = (status >> 8) & 0xff
        if status & 0x7f != 0 { return "was ended by signal \(status & 0x7f)" }
        if code == 127 { return "could not start (exit status 127: not found)" }
        if code == 126 { return "could not start (exit status 126: not executable)" }
        return "failed (exit status \(code))"
    }

    /// Writes the text into the pager's pipe until it is all written or the pager stops reading
    /// (it quit); false when Ctrl-C came first.
    private static func feed(_ text: String, to fd: Int32, pager pid: pid_t) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n > 0 {
                    offset += n
                    continue
                }
                if n < 0, errno != EAGAIN, errno != EINTR { return true }  // EPIPE: the user quit the pager
                if waitForReady(fd) { return false }
            }
            return true
        }
    }

    /// Waits until `fd` takes more or Ctrl-C is pending; true on Ctrl-C.
    private static func waitForReady(_ fd: Int32) -> Bool {
        var fds = [
            pollfd(fd: fd, events: Int16(POLLOUT), revents: 0),
            pollfd(fd: Interrupts.pendingDescriptor, events: Int16(POLLIN), revents: 0),
        ]
        _ = poll(&fds, 2, 200)
        return Interrupts.takePending()
    }

    /// The pager's exit status once it ends; nil when Ctrl-C came first.
    private static func waitForExit(_ pid: pid_t) -> Int32? {
        while true {
            var status: Int32 = 0
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { return status }
            if done < 0, errno != EINTR { return 0 }
            var interrupt = pollfd(fd: Interrupts.pendingDescriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&interrupt, 1, 50)
            if Interrupts.takePending() { return nil }
        }
    }

    /// Ends the pager: SIGTERM, then SIGKILL after a second; and reaps it.
    private static func stop(_ pid: pid_t) {
        kill(pid, SIGTERM)
        for _ in 0..<100 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) != 0 { return }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
    }

    /// Starts the command with `input` as its standard input and SIGINT and SIGPIPE at their
    /// defaults; the pager reads keys from the terminal itself.
    private static func spawn(_ command: String, input: Int32) -> Result<pid_t, PagerSpawnError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input, STDIN_FILENO)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        // A plain command line runs as itself (its pid is the pager's, for Ctrl-C to end); anything else through sh.
        let plain = command.allSatisfy { $0.isLetter || $0.isNumber || $0 == " " || "/-_.,+:@".contains($0) }
        let words: [String] = plain ? command.split(separator: " ").map(String.init) : ["/bin/sh", "-c", command]
        let arguments: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        let environment: [UnsafeMutablePointer<CChar>?] = pagerEnvironment().map { strdup($0) } + [nil]
        defer { for pointer in arguments + environment { free(pointer) } }
        var pid: pid_t = 0
        let code = posix_spawnp(&pid, words[0], &actions, &attributes, arguments, environment)
        return code == 0 ? .success(pid) : .failure(PagerSpawnError(code: code))
    }

    /// The environment, with `LESSCHARSET=utf-8` when no locale variable says UTF-8 (empsh's text is
    /// UTF-8 whatever the locale, and `less` would show Cyrillic as bytes).
    private static func pagerEnvironment() -> [String] {
        var environment = ProcessInfo.processInfo.environment
        let locale = environment["LC_ALL"] ?? environment["LC_CTYPE"] ?? environment["LANG"] ?? ""
        if environment["LESSCHARSET"] == nil, !locale.lowercased().replacingOccurrences(of: "-", with: "").contains("utf8") {
            environment["LESSCHARSET"] = "utf-8"
        }
        return environment.map { "\($0.key)=\($0.value)" }
    }
}

/// `posix_spawn`'s error number.
struct PagerSpawnError: Error {
    var code: Int32
}
