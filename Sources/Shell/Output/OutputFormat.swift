import Foundation

/// How `show` writes rows: the REPL's `.mode` and the command line's `--format` choose it.
///
/// The one list of output formats: `--format`, `.mode`, the lists' `render`/`show`/`chart`, the types
/// file (`--types`) and the help texts read their names from here (``names``, ``luaType``). A new
/// format is a new case, its ``isForPeople`` (and ``phrase`` if it needs a word of help), and its
/// branch in `OutputFunctions.render`.
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

    /// The names of every format, in declaration order, joined by `separator`
    /// (`", "` for messages, `"|"` for usage lines).
    public static func names(separator: String = ", ") -> String {
        allCases.map(\.rawValue).joined(separator: separator)
    }

    /// The format's name as `--help` lists it, with a word on what it does when the name alone
    /// does not say: `line for one field per line`.
    public var phrase: String {
        switch self {
        case .line: "line for one field per line"
        case .table, .json, .csv, .ndjson: rawValue
        }
    }

    /// Every format's ``phrase``, as a sentence's list: `table, json, csv, ndjson, or line for one field per line`.
    public static var helpList: String {
        let phrases = allCases.map(\.phrase)
        return (phrases.dropLast() + ["or " + (phrases.last ?? "")]).joined(separator: ", ")
    }

    /// The names as a LuaLS union type for the types file: `"table"|"json"|…`.
    public static var luaType: String {
        allCases.map { "\"\($0.rawValue)\"" }.joined(separator: "|")
    }

    /// Whether the format is laid out for people to read (so `chart` draws bars in it), rather than
    /// data for another program (where `chart` writes its label and value columns instead).
    public var isForPeople: Bool {
        switch self {
        case .table, .line: true
        case .json, .csv, .ndjson: false
        }
    }

    /// The names of the formats written for other programs, joined by `/`: `json/csv/ndjson`.
    public static var dataNames: String {
        allCases.filter { !$0.isForPeople }.map(\.rawValue).joined(separator: "/")
    }
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
