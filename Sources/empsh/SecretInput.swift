import Foundation
import Shell

/// Reading a token or password from where it cannot be seen: a file (`-` for standard input),
/// or a prompt on the terminal that does not echo.
enum SecretInput {
    /// The secret held in `path` (`-`: standard input), without its final line break.
    /// - Throws: `ShellError.usage` when it cannot be read or is empty (the message names the
    ///   file, never its contents).
    static func read(file path: String, option: String) throws -> String {
        let data: Data?
        if path == "-" {
            data = try? FileHandle.standardInput.readToEnd() ?? Data()
        } else {
            data = FileManager.default.contents(atPath: path)
        }
        guard let data else { throw ShellError.usage("\(option): cannot read \(path)") }
        var bytes = [UInt8](data)
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
        // Echo goes off before the prompt shows: TCSAFLUSH discards unread input, so a reply typed
        // as soon as the prompt appeared, before this call, was echoed and then lost.
        guard tcsetattr(tty, TCSAFLUSH, &quiet) == 0 else { return nil }
        defer { tcsetattr(tty, TCSAFLUSH, &saved) }
        _ = text.withCString { write(tty, $0, strlen($0)) }
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while Foundation.read(tty, &byte, 1) == 1, byte != 10 { line.append(byte) }
        if line.last == 13 { line.removeLast() }
        return String(decoding: line, as: UTF8.self)
    }

    /// The warning for a secret given as an option's value, which `ps` shows to every user.
    static func warnVisible(_ option: String, instead: String) {
        FileHandle.standardError.write(
            Data(
                "empsh: warning: \(option) on the command line can be read by other users of this machine (ps); use \(instead)\n".utf8))
    }
}
