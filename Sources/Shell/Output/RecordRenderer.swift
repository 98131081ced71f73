/// Writes rows one field per line, like psql's expanded display (`\x`):
///
/// ```
/// -[ 1 ]---------------------
/// id         1001
/// full_name  Иванов Иван
/// groups     [3 items]
/// -[ 2 ]---------------------
/// …
/// (2 rows)
/// ```
/// Field names are padded to the widest (in ``DisplayWidth`` columns). Given a terminal width,
/// no line is wider: values are cut with `…` and nested ones summarised (``CellSummary``);
/// without one (piped output) values are written whole, nested ones as compact JSON.
public struct RecordRenderer: Sendable {
    /// The terminal width the lines must fit, or nil for no limit.
    public var width: Int?
    /// The colours, or nil for plain text.
    public var palette: Palette?

    /// Creates a renderer.
    /// - Parameters:
    ///   - width: The terminal width the lines must fit (at least 20), or nil for no limit (the default).
    ///   - palette: The colours (field names bold, nulls as a dim `null`), or nil (the default) for plain text.
    public init(width: Int? = nil, palette: Palette? = nil) {
        self.width = width.map { max(20, $0) }
        self.palette = palette
    }

    /// Renders the rows of a table as records.
    /// - Parameters:
    ///   - table: The rows.
    ///   - marks: How rows (by index) differ from a previous run, for `.watch`; none by default.
    ///   - check: Called for every row (the caller's limits: `--timeout`, Ctrl-C); may throw to stop.
    /// - Returns: The text, each line ending in `\n`, with a `(n rows)` line at the end.
    public func render(_ table: OutputTable, marks: [Int: Palette.Mark] = [:]) -> String { render(table, marks: marks, check: {}) }

    /// Renders the rows as records, calling `check` for each (see ``render(_:marks:)``).
    public func render(_ table: OutputTable, marks: [Int: Palette.Mark] = [:], check: () throws -> Void) rethrows -> String {
        let names = table.columns.map { TableRenderer.visible($0) }
        var nameWidth = names.map(DisplayWidth.of).max() ?? 0
        if let width { nameWidth = min(nameWidth, width / 3) }
        let valueWidth = width.map { max(1, $0 - nameWidth - 2) }
        var out = ""
        for (number, row) in table.rows.enumerated() {
            try check()
            var lines: [String] = []
            var widest = 0
            for (column, name) in names.enumerated() {
                let cell = column < row.count ? row[column] : .absent
                var value = valueWidth.map { CellSummary.text(cell, width: $0) } ?? TableRenderer.visible(cell.plainText)
                if palette != nil, cell == .null { value = "null" }
                let label = DisplayWidth.truncate(name, to: nameWidth)
                var length = DisplayWidth.of(label)
                var line = palette?.header(label) ?? label
                if !value.isEmpty {
                    let pad = String(repeating: " ", count: nameWidth - DisplayWidth.of(label) + 2)
                    length += pad.count + DisplayWidth.of(value)
                    if let palette {
                        if let mark = marks[number] {
                            value = palette.cell(value, column: table.columns[column], mark: mark)
                        } else if cell == .null {
                            value = palette.null(value)
                        }
                    }
                    line += pad + value
                }
                widest = max(widest, length)
                lines.append(line)
            }
            let title = "-[ \(number + 1) ]"
            let rule = max(DisplayWidth.of(title), min(widest, width ?? widest))
            out += title + String(repeating: "-", count: rule - DisplayWidth.of(title)) + "\n"
            for line in lines { out += line + "\n" }
        }
        return out + TableRenderer.footer(table.rows.count)
    }
}
