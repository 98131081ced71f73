import Foundation
import LineEditing

/// How the REPL shows the results of a line, as psql does: on a terminal, text taller than the screen
/// goes through the pager (`.pager auto`, the default; `.pager on`: everything does); when no pager
/// can run, a list shows its first rows (`.maxrows`, by default as many as fit) and a closing line
/// says how many were left out and how to see them. Output that is not a terminal, and `.pager off`,
/// get the whole text. Ctrl-C stops the drawing and the pager.
struct ResultDisplay {
    /// `.pager on|off|auto`.
    enum Mode: String { case auto, on, off }

    /// What `.pager` and `.maxrows` set.
    struct Settings {
        var mode = Mode.auto
        /// The rows a list shows when no pager runs; `nil`: as many as fit the screen.
        var maxRows: Int?
    }

    /// The text of some results: `rows` is the list's length when the results are one list, and
    /// `shown` how many of them the text shows.
    struct Text {
        var text: String
        var rows: Int?
        var shown: Int
    }

    let settings: Settings
    /// The terminal's size; nil when output is not a terminal or paging is off (print everything).
    let screen: TerminalSize?
    /// The pager to run, when output is a terminal.
    let pager: PagerCommand.Resolution

    /// Reads the terminal's size and finds the pager.
    init(settings: Settings, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.settings = settings
        screen = settings.mode == .off ? nil : TerminalSize.current(environment: environment)
        pager = screen == nil ? .none : PagerCommand.resolve(environment: environment)
    }

    /// The rows a list is first rendered with: all of them, unless the text is bound to be capped
    /// (a terminal and no pager to run).
    private var firstCap: Int? {
        guard let screen else { return nil }
        if case .command = pager { return nil }
        return settings.maxRows ?? Self.fittingRows(screen)
    }

    /// Rows of a table that fit the screen with its header, the closing line and the prompt.
    private static func fittingRows(_ screen: TerminalSize) -> Int { max(1, screen.rows - 5) }

    /// Renders the results through `make` (given the rows to show at most): capped when no pager
    /// will run or `cap` says so; with the default cap, rendered again fewer rows while the text is
    /// taller than the screen (a row per several lines, in `line` mode).
    func render(cap: Int?? = nil, _ make: (Int?) throws -> Text) throws -> Text {
        let limit = cap ?? firstCap
        var text = try make(limit)
        guard let screen, settings.maxRows == nil, limit != nil else { return text }
        for _ in 0..<3 {
            let height = TerminalSize.height(of: text.text, columns: screen.columns)
            guard height > screen.rows - 2, text.shown > 1 else { break }
            text = try make(max(1, text.shown * max(1, screen.rows - 4) / height))
        }
        return text
    }

    /// Shows the text: in full, through the pager, or capped; `recap` renders it capped (a failed pager).
    func show(_ text: Text, recap: (Int?) -> Text?) {
        guard let screen else { return Self.write(text.text) }
        let capped = text.rows.map { text.shown < $0 } ?? false
        let tall = capped || TerminalSize.height(of: text.text, columns: screen.columns) >= screen.rows
        switch pager {
        case .command(let command) where tall || settings.mode == .on:
            switch PagerRun.run(command, text: text.text) {
            case .shown: return
            case .interrupted: return note("interrupted")
            case .failed(let why):
                note(why + "; the output is shown capped (.pager off shows all of it)")
                guard let capped = recap(settings.maxRows ?? Self.fittingRows(screen)) else { return }
                writeCapped(capped, screen: screen, pagerHint: false)
            }
        case .missing(let why) where tall:
            note(why + "; the output is shown capped (.pager off shows all of it)")
            writeCapped(text, screen: screen, pagerHint: false)
        default:
            if tall { writeCapped(text, screen: screen, pagerHint: true) } else { Self.write(text.text) }
        }
    }

    /// Writes a capped list with its closing line, or the first lines of other text that fit.
    private func writeCapped(_ text: Text, screen: TerminalSize, pagerHint: Bool) {
        let hint = pagerHint ? "; PAGER or less pages them" : ""
        if let rows = text.rows {
            Self.write(text.text)
            guard text.shown < rows else { return }
            Self.write(
                "(… \(rows - text.shown) more rows not shown, \(rows) in all: .maxrows N shows N rows, .pager off every row\(hint))\n")
            return
        }
        var kept = ""
        var used = 0
        var left = 0
        let lines = text.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.text.hasSuffix("\n") ? 1 : 0)
        for line in lines {
            let height = TerminalSize.height(of: String(line), columns: screen.columns)
            if left == 0, used + height <= max(1, screen.rows - 3) {
                kept += line + "\n"
                used += height
            } else {
                left += 1
            }
        }
        Self.write(kept)
        if left > 0 { Self.write("(… \(left) more lines not shown: .pager off shows all of them\(hint))\n") }
    }

    private func note(_ text: String) { StandardStreams.writeError(text + "\n") }

    /// Writes text to standard output, stopping at Ctrl-C (which is then said).
    static func write(_ text: String) {
        fflush(StandardStreams.output)
        var bytes = Array(text.utf8)
        let stopped = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var offset = 0
            while offset < buffer.count {
                if Interrupts.takePending() { return true }
                let n = Foundation.write(STDOUT_FILENO, buffer.baseAddress! + offset, min(4096, buffer.count - offset))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                offset += n
            }
            return false
        }
        if stopped { StandardStreams.writeError("\ninterrupted\n") }
    }
}

/// The size of the terminal standard output goes to.
struct TerminalSize {
    var rows: Int
    var columns: Int

    /// The size now (`TIOCGWINSZ`, then `LINES`/`COLUMNS`, then 24×80); nil when standard output is
    /// not a terminal.
    static func current(environment: [String: String]) -> TerminalSize? {
        guard isatty(STDOUT_FILENO) != 0 else { return nil }
        var size = winsize()
        let asked = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0
        let rows = asked && size.ws_row > 0 ? Int(size.ws_row) : environment["LINES"].flatMap { Int($0) } ?? 24
        let columns = asked && size.ws_col > 0 ? Int(size.ws_col) : environment["COLUMNS"].flatMap { Int($0) } ?? 80
        return TerminalSize(rows: max(2, rows), columns: max(1, columns))
    }

    /// The lines `text` takes on a terminal `columns` wide: long lines wrap; colour escapes take no room.
    static func height(of text: String, columns: Int) -> Int {
        var total = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let width = DisplayWidth.of(withoutEscapes(line))
            total += max(1, (width + columns - 1) / columns)
        }
        return text.hasSuffix("\n") ? total - 1 : total
    }

    /// The line without its `ESC [ … letter` sequences.
    private static func withoutEscapes(_ line: Substring) -> String {
        guard line.contains("\u{1B}") else { return String(line) }
        var out = ""
        var inEscape = false
        for character in line {
            if inEscape {
                if character.isLetter { inEscape = false }
            } else if character == "\u{1B}" {
                inEscape = true
            } else {
                out.append(character)
            }
        }
        return out
    }
}
