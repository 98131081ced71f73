/// How `show` writes rows: the REPL's `.mode` and the command line's `--format` choose it.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// Aligned columns for a terminal (the default).
    case table
    /// One JSON array of the rows.
    case json
    /// RFC 4180 CSV with a header row.
    case csv
    /// One JSON object per line.
    case ndjson
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

    /// Creates settings.
    /// - Parameters:
    ///   - format: The format `show` uses; `.table` by default.
    ///   - maxCellWidth: The widest a table cell may be; 40 by default, at least 2.
    public init(format: OutputFormat = .table, maxCellWidth: Int = 40) {
        self.format = format
        self.maxCellWidth = max(2, maxCellWidth)
    }
}
