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

    /// Creates a renderer.
    /// - Parameter width: The terminal width the lines must fit (at least 20), or nil for no limit (the default).
    public init(width: Int? = nil) {
        self.width = width.map { max(20, $0) }
    }

    /// Renders the rows of a table as records.
    /// - Parameter table: The rows.
    /// - Returns: The text, each line ending in `\n`, with a `(n rows)` line at the end.
    public func render(_ table: OutputTable) -> String {
        let names = table.columns.map { TableRenderer.visible($0) }
        var nameWidth = names.map(DisplayWidth.of).max() ?? 0
        if let width { nameWidth = min(nameWidth, width / 3) }
        let valueWidth = width.map { max(1, $0 - nameWidth - 2) }
        var out = ""
        for (number, row) in table.rows.enumerated() {
            var lines: [String] = []
            var widest = 0
            for (column, name) in names.enumerated() {
                let cell = column < row.count ? row[column] : .absent
                let value = valueWidth.map { CellSummary.text(cell, width: $0) } ?? TableRenderer.visible(cell.plainText)
                let label = DisplayWidth.truncate(name, to: nameWidth)
                var line = label
                if !value.isEmpty {
                    line += String(repeating: " ", count: nameWidth - DisplayWidth.of(label) + 2) + value
                }
                widest = max(widest, DisplayWidth.of(line))
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
