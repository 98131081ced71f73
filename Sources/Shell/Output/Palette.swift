import Foundation

/// When output is coloured: `--color auto|always|never`.
public enum ColorMode: String, CaseIterable, Sendable {
    /// Colour when the output is a terminal and `NO_COLOR` is unset or empty (the default).
    case auto
    /// Colour even when piped (for `less -R`); the explicit choice wins over `NO_COLOR`.
    case always
    /// Never colour.
    case never

    /// Whether to colour output going to `descriptor`.
    /// - Parameters:
    ///   - descriptor: The file descriptor the text goes to.
    ///   - environment: Where `NO_COLOR` is read; the process's environment by default.
    /// - Returns: true for `always`; for `auto`, whether the descriptor is a terminal and `NO_COLOR` is unset or empty.
    public func colors(
        _ descriptor: Int32, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Bool {
        colors(toTerminal: isatty(descriptor) != 0, noColor: !(environment["NO_COLOR"] ?? "").isEmpty)
    }

    /// The rule itself: true for `always`; for `auto`, when output goes to a terminal and `NO_COLOR` is not set.
    public func colors(toTerminal: Bool, noColor: Bool) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: toTerminal && !noColor
        }
    }
}

/// The ANSI styles of coloured output. Styles wrap cell text only, never padding, so widths
/// stay those of the plain text.
public struct Palette: Sendable {
    /// How a row of a `.watch` redraw differs from the previous run.
    public enum Mark: Sendable, Equatable {
        /// The row appeared.
        case added
        /// The row disappeared.
        case removed
        /// Changed; the names of the fields whose values changed.
        case changed(Set<String>)
    }

    /// Creates the palette.
    public init() {}

    static let reset = "\u{1B}[0m"

    /// Column headers and record field names: bold.
    func header(_ text: String) -> String { wrap(text, "\u{1B}[1m") }
    /// A null value, shown as `null`: dim.
    func null(_ text: String) -> String { wrap(text, "\u{1B}[2m") }
    /// Error messages: red.
    public func error(_ text: String) -> String { wrap(text, "\u{1B}[31m") }

    /// A cell of a marked row: green when added, red when removed, yellow and bold when its field changed.
    func cell(_ text: String, column: String, mark: Mark?) -> String {
        switch mark {
        case .added?: wrap(text, "\u{1B}[32m")
        case .removed?: wrap(text, "\u{1B}[31m")
        case .changed(let fields)? where fields.contains(column): wrap(text, "\u{1B}[1;33m")
        default: text
        }
    }

    private func wrap(_ text: String, _ style: String) -> String { text.isEmpty ? text : style + text + Self.reset }
}
