import Foundation

/// How `show` writes rows: the REPL's `.mode` and the command line's `--format` choose it.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns (the default); on a terminal they fit its width, or give way to the
    /// vertical layout of `line` when they cannot fit readably.
    case table
    /// One JSON array of the rows.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object per line.
    case ndjson
    /// One `field  value` line per field, each row headed by `-[ n ]---` (psql's expanded display).
    case line
}

/// The shell's output settings, shared by the Swift host and the Lua prelude.
///
/// A reference type, so the REPL can change the format after the prelude is installed and
/// the next `show` sees it.
public final class OutputSettings {
    /// The format `show` uses; `.table` by default.
    public var format: OutputFormat
    /// The widest a table cell may be, in terminal columns, before it is cut with `…`; 40 by default.
    public var maxCellWidth: Int
    /// The width of the terminal output goes to, asked at each rendering; nil when output is not a
    /// terminal (then tables are drawn whole). ``Terminal/width(of:environment:)`` on standard output by default.
    public var terminalWidth: () -> Int?
    /// When tables are coloured (`--color`); `.auto` by default.
    public var color: ColorMode
    /// Whether `NO_COLOR` is set (and not empty), read once at creation.
    public var noColor: Bool

    /// Creates settings.
    /// - Parameters:
    ///   - format: The format `show` uses; `.table` by default.
    ///   - maxCellWidth: The widest a table cell may be; 40 by default, at least 2.
    ///   - terminalWidth: The terminal's width at the time of asking, or nil when output is not a
    ///     terminal; standard output's by default.
    ///   - color: When tables are coloured; `.auto` by default.
    public init(
        format: OutputFormat = .table, maxCellWidth: Int = 40, terminalWidth: @escaping () -> Int? = { Terminal.width() },
        color: ColorMode = .auto
    ) {
        self.format = format
        self.maxCellWidth = max(2, maxCellWidth)
        self.terminalWidth = terminalWidth
        self.color = color
        noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    }
}

extension OutputSettings {
    /// The palette for output now: with `.always`, or with `.auto` when output is a terminal
    /// (``terminalWidth`` is not nil) and `NO_COLOR` is not set; nil otherwise.
    public var palette: Palette? {
        color.colors(toTerminal: terminalWidth() != nil, noColor: noColor) ? Palette() : nil
    }
}
