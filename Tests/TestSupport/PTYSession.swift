import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Why a pseudo-terminal session failed.
public struct PTYError: Error, CustomStringConvertible {
    public var description: String
    public init(description: String) { self.description = description }
}

/// The `empsh` binary on a pseudo-terminal, as a person at a terminal runs it: the child is a
/// session leader with the terminal as its controlling terminal (through `setsid -w -c`), so
/// writing Ctrl-C (`\u{3}`) to the terminal sends it SIGINT. Every wait is bounded.
public final class PTYSession {
    private let process = Process()
    private let master: Int32
    private var pending: [UInt8] = []
    /// Everything the terminal showed so far.
    public private(set) var transcript = ""

    /// Starts `empsh` with `arguments` on a new 100×30 terminal.
    /// - Parameters:
    ///   - arguments: the command line.
    ///   - environment: variables added to the test's environment (EMPSH_* credentials are removed).
    ///   - unset: variables removed from it (`LANG`, to run as in a bare container).
    public init(_ arguments: [String], environment: [String: String] = [:], unset: [String] = []) throws {
        var masterFD: Int32 = -1
        var slaveFD: Int32 = -1
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&masterFD, &slaveFD, nil, nil, &size) == 0 else { throw PTYError(description: "openpty failed: \(errno)") }
        master = masterFD
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
        process.arguments = ["-w", "-c", empshBinaryPath()] + arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["EMPSH_TOKEN", "EMPSH_LOGIN", "EMPSH_PASSWORD", "EMPSH_URL", "EMPSH_PROFILE", "EMPSH_PATH"] { env[key] = nil }
        env["TERM"] = "dumb"
        // Results taller than the terminal go through the pager: `cat` shows them as printed (REPLPagerTests set their own).
        env["PAGER"] = "cat"
        env["EMPSH_PAGER"] = nil
        env["EMPSH_STALL_TIMEOUT"] = "300"  // a watchdog, as in `runEmpsh`
        for (key, value) in environment { env[key] = value }
        for key in unset { env[key] = nil }
        process.environment = env
        let slave = FileHandle(fileDescriptor: slaveFD, closeOnDealloc: true)
        process.standardInput = slave
        process.standardOutput = slave
        process.standardError = slave
        try process.run()
        try? slave.close()
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
        }
        close(master)
    }

    /// Types text (use `\r` for Enter, `\u{3}` for Ctrl-C, `\u{4}` for Ctrl-D, `\t` for Tab).
    public func send(_ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { write(master, $0.baseAddress! + offset, $0.count - offset) }
            if n > 0 { offset += n } else if errno != EAGAIN && errno != EINTR { return } else { usleep(1000) }
        }
    }

    /// Waits until the terminal shows `needle`, and returns what it showed up to and including it
    /// (later calls look only after it).
    /// - Throws: `PTYError` after `timeout` seconds, with what was shown.
    @discardableResult
    public func expect(_ needle: String, timeout: Double = 15) throws -> String {
        let target = Array(needle.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(target) {
                let shown = String(decoding: pending[..<range.upperBound], as: UTF8.self)
                pending.removeFirst(range.upperBound)
                return shown
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || !pump(wait: left) && !process.isRunning && find(target) == nil {
                throw PTYError(description: "timed out waiting for \(needle.debugDescription); the terminal showed:\n\(transcript)")
            }
        }
    }

    /// Resizes the terminal (the program is sent SIGWINCH), as a user resizing the window.
    public func resize(rows: Int, columns: Int) {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    }

    /// Waits for the process to exit and returns its status.
    /// - Throws: `PTYError` after `timeout` seconds (the process is then killed).
    public func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                throw PTYError(description: "the process did not exit; the terminal showed:\n\(transcript)")
            }
            _ = pump(wait: 0.05)
        }
        _ = pump(wait: 0.05)
        return process.terminationStatus
    }

    /// Reads what is available, waiting up to `wait` seconds; false when nothing came.
    private func pump(wait: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, Int32(max(1, min(wait, 0.2) * 1000)))
        guard ready > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        guard n > 0 else { return false }
        pending += buffer[0..<n]
        transcript += String(decoding: buffer[0..<n], as: UTF8.self)
        return true
    }

    private func find(_ target: [UInt8]) -> Range<Int>? {
        guard !target.isEmpty, pending.count >= target.count else { return nil }
        for start in 0...(pending.count - target.count) where pending[start] == target[0] {
            if Array(pending[start..<start + target.count]) == target { return start..<start + target.count }
        }
        return nil
    }
}

extension PTYSession {
    /// The REPL's prompt.
    public static let prompt = "empsh> "
    /// The REPL's prompt for the next line of an unfinished chunk.
    public static let continuation = "   ...> "

    /// Types `.quit` and waits for a clean exit.
    /// - Returns: The exit status.
    /// - Throws: `PTYError` when the process does not exit.
    @discardableResult
    public func quit() throws -> Int32 {
        send(".quit\r")
        return try waitForExit()
    }

    /// Types a dialogue written as it reads, a step a line: `typed ⇒ shown` types `typed` and Enter,
    /// then waits until the terminal shows `shown` (`typed ⇒ first ⇒ then`: each in turn); a line
    /// without ` ⇒ ` waits for the next prompt.
    /// - Parameter dialogue: The steps, one a line (a multi-line literal). A `\r\n` in a step, the terminal's
    ///   line end, is one `Character` and does not end the step; a bare `\n` does.
    /// - Returns: What the terminal showed after the last line, up to and including what it awaited.
    /// - Throws: `PTYError` when a text does not show, with the transcript.
    @discardableResult
    public func converse(_ dialogue: String) throws -> String {
        var shown = ""
        for step in dialogue.split(separator: "\n", omittingEmptySubsequences: false) {
            let parts = step.components(separatedBy: " ⇒ ")
            send(parts[0] + "\r")
            for awaited in parts.count > 1 ? Array(parts.dropFirst()) : [Self.prompt] {
                shown = try expect(awaited)
            }
        }
        return shown
    }
}
