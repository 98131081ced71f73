// libedit's history length and base are C globals: read only in `load`, which runs under `libEdit`.
@preconcurrency import CEditLine
import Foundation

/// The REPL's history file, shared by every REPL of the user, as bash's `histappend` shares `~/.bash_history`.
///
/// The format is libedit's (`_HiStOrY_V2_`, then one entry a line with blanks, backslashes and control
/// characters escaped as `\ooo`, which `read_history` decodes); UTF-8 text stays as it is, so Cyrillic reads in
/// the file. Each entry is appended when it is entered, under an exclusive `flock`, so two REPLs at once keep
/// both their lines; loading takes a shared lock, and trims the file to its last `limit` entries once it holds
/// twice as many. A write that fails (a full disk, a read-only folder) is said once on standard error.
final class HistoryFile {
    static let cookie = "_HiStOrY_V2_\n"
    let path: String
    let limit: Int
    private var reportedFailure = false

    init(path: String, limit: Int) {
        self.path = path
        self.limit = limit
    }

    /// Loads the file into libedit's history (already stifled to `limit`), trimming it when it grew too long.
    /// The caller holds `libEdit`.
    func load() {
        try? FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        let fd = open(path, O_RDWR | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return }
        _ = read_history(path)
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_size > 0 else { return }
        if countLines(fd) > 2 * limit + 1 { rewrite(fd) }
    }

    /// Appends one entry under the lock.
    func append(_ entry: String) {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return fail(errno) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else { return fail(errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return fail(errno) }
        let text = (info.st_size == 0 ? Self.cookie : "") + Self.encode(entry) + "\n"
        if !writeAll(fd, Array(text.utf8)) {
            let code = errno
            _ = ftruncate(fd, info.st_size)  // no half line for the next entry to run into
            fail(code)
        }
    }

    /// An entry as one line of libedit's file: what `strvis(VIS_WHITE)` escapes, escaped as octal (`strunvis`
    /// reads it back), every other byte — UTF-8 included — as it is.
    static func encode(_ entry: String) -> String {
        var out = ""
        for scalar in entry.unicodeScalars {
            if scalar.value <= 0x20 || scalar.value == 0x7f || scalar == "\\" {
                out += "\\" + String(scalar.value, radix: 8).leftPadded(to: 3)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private func fail(_ code: Int32) {
        guard !reportedFailure else { return }
        reportedFailure = true
        let reason = String(cString: strerror(code))
        StandardStreams.writeError("empsh: cannot save the history to \(path): \(reason); this session's lines are not kept\n")
    }

    private func countLines(_ fd: Int32) -> Int {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return 0 }
        var count = 0
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = read(fd, &buffer, buffer.count)
            guard n > 0 else { return count }
            count += buffer[0..<n].reduce(0) { $0 + ($1 == 10 ? 1 : 0) }
        }
    }

    /// Writes the file again with the entries libedit kept (the last `limit`), in place under the lock.
    private func rewrite(_ fd: Int32) {
        var text = Self.cookie
        for index in 0..<Int(history_length) {
            guard let entry = history_get(history_base + Int32(index)), let line = entry.pointee.line else { continue }
            text += Self.encode(String(cString: line)) + "\n"
        }
        guard ftruncate(fd, 0) == 0, lseek(fd, 0, SEEK_SET) == 0 else { return fail(errno) }
        if !writeAll(fd, Array(text.utf8)) { fail(errno) }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            offset += n
        }
        return true
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
