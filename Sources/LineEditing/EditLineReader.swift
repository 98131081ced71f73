// libedit's readline layer keeps its settings and its line in C globals (`rl_*`): touched only under `libEdit`.
@preconcurrency import CEditLine
import Foundation
import Synchronization

/// libedit's readline layer is one editor for the whole process: its settings, its line and its history are C
/// globals, and its hooks take no context, so they find the read in progress in ``reading``. Whoever uses libedit
/// (an `EditLineReader` starting, reading a line, adding to the history) holds this lock, so that readers on two
/// threads would take turns; libedit calls the hooks only inside `readline`, on the thread that holds it.
let libEdit = Mutex(())

/// What libedit's hooks need of the read in progress.
private struct Reading {
    /// The candidates for a word, given whether it is inside a string and the line before it.
    let completer: (_ word: String, _ inString: Bool, _ before: String) -> [String]
    /// How Ctrl-C reaches the read.
    let interrupt: InterruptSignal
    /// Bytes read since the read began: whether Ctrl-C found an empty line.
    var bytesTyped = 0
    /// The multibyte state of the character being read (a UTF-8 sequence typed or pasted byte by byte).
    var decoding = mbstate_t()
}

// Guarded by `libEdit`: set by `readLine` while it holds it, used by the hooks libedit calls on that thread.
nonisolated(unsafe) private var reading: Reading?

/// libedit's completion hook: `matches[0]` is what replaces the word (the longest common
/// prefix), then the candidates, then NULL; NULL (and no filename fallback) when none.
private let completionHook: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
    text, start, _ in
    rl_attempted_completion_over = 1
    guard let text, let completer = reading?.completer else { return nil }
    let word = String(cString: text)
    // libedit's readline layer counts `start` in characters (its line is wide), not in bytes.
    let line = rl_line_buffer.map { String(cString: $0) } ?? ""
    let before = Array(String(String.UnicodeScalarView(line.unicodeScalars.prefix(Int(max(0, start))))).utf8)
    let candidates = completer(word, EditLineReader.isInsideString(before), String(decoding: before, as: UTF8.self))
    guard !candidates.isEmpty else { return nil }
    let list = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: candidates.count + 2)
    list[0] = strdup(candidates.count == 1 ? candidates[0] : EditLineReader.commonPrefix(candidates))
    var slot = 1
    if candidates.count > 1 {
        for candidate in candidates {
            list[slot] = strdup(candidate)
            slot += 1
        }
    }
    list[slot] = nil
    return list
}

/// libedit's character source: one character from standard input, or end of input as soon as Ctrl-C is
/// pending, so that `readline` returns (libedit itself retries a read that a signal interrupted).
///
/// libedit's readline layer stores what this returns as one `wchar_t` of its wide line buffer, so a character is
/// returned whole: its bytes are decoded with the C library's `mbrtowc` under the locale ``TerminalLocale`` set,
/// as libedit's own `read_char` does. A byte that cannot start or continue a character is dropped.
private let getcHook: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { file in
    let input = file.map { fileno($0) } ?? STDIN_FILENO
    while true {
        guard let byte = readByte(input) else {
            reading?.decoding = mbstate_t()
            return EOF
        }
        var character: wchar_t = 0
        var char = CChar(bitPattern: byte)
        var decoding = reading?.decoding ?? mbstate_t()
        let result = mbrtowc(&character, &char, 1, &decoding)
        reading?.decoding = decoding
        // size_t comes into Swift as Int: (size_t)-2 is -2.
        if result == -2 { continue }  // the character goes on
        if result == -1 {  // not a character here
            reading?.decoding = mbstate_t()
            continue
        }
        return Int32(character)
    }
}

/// One byte of `input`, nil at its end or when Ctrl-C is pending.
private func readByte(_ input: Int32) -> UInt8? {
    while true {
        var fds = [
            pollfd(fd: input, events: Int16(POLLIN), revents: 0),
            pollfd(fd: reading?.interrupt.descriptor() ?? -1, events: Int16(POLLIN), revents: 0),
        ]
        if poll(&fds, 2, -1) < 0 {
            if errno == EINTR { continue }
            return nil
        }
        if fds[1].revents & Int16(POLLIN) != 0 { return nil }
        guard fds[0].revents != 0 else { continue }
        var byte: UInt8 = 0
        let n = read(input, &byte, 1)
        if n == 1 {
            reading?.bytesTyped += 1
            return byte
        }
        if n < 0 && errno == EINTR { continue }
        return nil
    }
}

/// Line editing on a terminal with libedit: history kept in a file, completion from the shell.
public final class EditLineReader: LineReader {
    private let history: HistoryFile?
    private let completer: (String, Bool, String) -> [String]
    private let interrupt: InterruptSignal

    /// Creates a reader.
    /// - Parameters:
    ///   - historyPath: the history file, read now and appended to after each entry; `nil` for none.
    ///   - completer: the candidates for a word (full replacements), given whether it is inside a string and the
    ///     line before it.
    ///   - interrupt: how Ctrl-C reaches a read in progress.
    public init(historyPath: String?, interrupt: InterruptSignal, completer: @escaping (String, Bool, String) -> [String]) {
        // Before libedit starts: it reads the locale once, to decode, measure and bind characters.
        if let warning = TerminalLocale.prepare(environment: ProcessInfo.processInfo.environment) {
            StandardStreams.writeError(warning + "\n")
        }
        self.history = historyPath.map { HistoryFile(path: $0, limit: 1000) }
        self.interrupt = interrupt
        self.completer = completer
        libEdit.withLock { _ in
            rl_readline_name = UnsafePointer(strdup("empsh"))
            rl_basic_word_break_characters = UnsafePointer(strdup(" \t\n\"'`@$><=;|&{(,)}+-*/%^~#[]"))
            rl_completion_append_character = 0
            rl_attempted_completion_function = completionHook
            rl_catch_signals = 0
            rl_getc_function = getcHook
            stifle_history(1000)
            history?.load()
        }
    }

    /// `$XDG_STATE_HOME/empsh/history`, with `~/.local/state` when `XDG_STATE_HOME` is unset.
    public static func defaultHistoryPath(environment: [String: String]) -> String {
        let state =
            environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.local/state")
        return state + "/empsh/history"
    }

    public func readLine(prompt: String) -> LineInput {
        fflush(StandardStreams.output)
        return libEdit.withLock { _ in
            reading = Reading(completer: completer, interrupt: interrupt)
            defer { reading = nil }
            interrupt.arm()
            TerminalMode.enterRaw()
            guard let line = readline(prompt) else {
                return interrupt.takePending() ? interrupted() : .end
            }
            defer { free(line) }
            if interrupt.takePending() { return interrupted() }
            return .line(String(cString: line))
        }
    }

    /// Ends a read that Ctrl-C stopped; called under `libEdit`, before `reading` is cleared.
    private func interrupted() -> LineInput {
        fputs("\n", StandardStreams.output)
        return .interrupted(lineWasEmpty: (reading?.bytesTyped ?? 0) == 0)
    }

    public func addHistory(_ entry: String) {
        guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        libEdit.withLock { _ in _ = add_history(entry) }
        history?.append(entry)
    }

    /// Whether the text before a word leaves it inside a string literal (odd unescaped quotes).
    static func isInsideString(_ bytes: [UInt8]) -> Bool {
        var quote: UInt8?
        var index = 0
        while index < bytes.count {
            let c = bytes[index]
            if let open = quote {
                if c == UInt8(ascii: "\\") { index += 1 } else if c == open { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            }
            index += 1
        }
        return quote != nil
    }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first.map({ Array($0.utf8) }) else { return "" }
        for word in words.dropFirst() {
            let bytes = Array(word.utf8)
            var n = 0
            while n < prefix.count, n < bytes.count, prefix[n] == bytes[n] { n += 1 }
            prefix = Array(prefix[0..<n])
        }
        return String(decoding: prefix, as: UTF8.self)
    }
}

/// The terminal's mode for the REPL. libedit switches to raw mode only with its own character
/// source, so with ours it is done here — once, for the whole session, not around each read:
/// switching back to line mode while code runs would let the terminal echo and line-edit what
/// the user types ahead (a Ctrl-D typed ahead would then be lost). The original mode comes
/// back at exit.
enum TerminalMode {
    /// The mode before `enterRaw`, while raw mode is on.
    private static let saved = Mutex<termios?>(nil)

    /// Switches standard input to raw mode (no line buffering, no echo; signals kept), once.
    static func enterRaw() {
        let entered = saved.withLock { saved in
            guard saved == nil else { return false }
            var original = termios()
            guard tcgetattr(STDIN_FILENO, &original) == 0 else { return false }
            saved = original
            var raw = original
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
            raw.c_iflag &= ~tcflag_t(IXON)
            raw.c_cc.6 = 1  // VMIN
            raw.c_cc.5 = 0  // VTIME
            tcsetattr(STDIN_FILENO, TCSANOW, &raw)
            return true
        }
        if entered { atexit { TerminalMode.restore() } }
    }

    /// Puts the terminal back as it was before `enterRaw`.
    static func restore() {
        saved.withLock { saved in
            guard var original = saved else { return }
            tcsetattr(STDIN_FILENO, TCSANOW, &original)
            saved = nil
        }
    }
}
