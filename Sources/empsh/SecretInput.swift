import DataAPIClient
import Foundation
import LineEditing
import Shell

/// Reading a token or password from where it cannot be seen: a file (`-` for standard input),
/// or a prompt on the terminal that does not echo.
enum SecretInput {
    /// The largest secret file read: 64 KiB (a key is a few dozen bytes; `/dev/zero` is not read forever).
    static let maxBytes = 64 << 10

    /// The secret held in `path` (`-`: standard input), without its final line break. A pipe or FIFO
    /// (`--token-file <(pass show uis)`) is read once, to its end.
    /// - Throws: `ShellError.usage` when it cannot be read, is a directory, is larger than `maxBytes` or is
    ///   empty (the message names the file, never its contents).
    static func read(file path: String, option: String) throws -> String {
        let read: [UInt8]?
        do {
            read =
                path == "-"
                ? try BoundedFile.read(descriptor: STDIN_FILENO, kinds: .readable, limit: maxBytes)
                : try BoundedFile.read(path, kinds: .readable, limit: maxBytes)
        } catch {
            throw ShellError.usage("\(option): cannot read \(path): \(error)")
        }
        guard var bytes = read else { throw ShellError.usage("\(option): cannot read \(path): no such file") }
        while let last = bytes.last, last == 10 || last == 13 { bytes.removeLast() }  // bytes: "\r\n" is one Character
        let text = String(decoding: bytes, as: UTF8.self)
        guard !text.isEmpty else { throw ShellError.usage("\(option): \(path) is empty") }
        return text
    }

    /// Asks for a secret on the terminal with echo off; `nil` when there is no terminal.
    static func prompt(_ text: String) -> String? {
        let tty = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard tty >= 0 else { return nil }
        defer { close(tty) }
        var saved = termios()
        guard tcgetattr(tty, &saved) == 0 else { return nil }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        quiet.c_lflag |= tcflag_t(ECHONL)
        // Echo goes off before the prompt shows, as getpass does: a password typed as soon as the
        // prompt appears is neither echoed nor thrown away; restoring keeps what was typed after it.
        guard tcsetattr(tty, TCSAFLUSH, &quiet) == 0 else { return nil }
        defer { tcsetattr(tty, TCSADRAIN, &saved) }
        _ = text.withCString { write(tty, $0, strlen($0)) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(tty, &byte, 1) == 1, byte != 10 { line.append(byte) }
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// The warning for a secret given as an option's value, which `ps` shows to every user.
    /// - Parameters:
    ///   - option: The option, e.g. `--token`.
    ///   - instead: What to use instead.
    ///   - command: The command that warns; `empsh` by default.
    static func warnVisible(_ option: String, instead: String, command: String = "empsh") {
        StandardStreams.writeError(
            "\(command): warning: \(option) on the command line can be read by other users of this machine (ps); use \(instead)\n")
    }
}
