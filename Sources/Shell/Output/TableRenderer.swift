/// Writes rows as aligned text columns for a terminal.
///
/// ```
/// id  full_name     status
/// --  ------------  ---------
///  7  Иванов Иван   available
/// 12  王秀英         break
/// (2 rows)
/// ```
/// Columns are two spaces apart and as wide as their widest cell in terminal columns
/// (``DisplayWidth``), so Cyrillic, CJK, combining accents and emoji line up. A column whose
/// cells are all numbers (empty cells aside) is right-aligned, header included. `nil` and
/// `json.null` are both shown as an empty cell (CSV does the same; JSON keeps `null`). Nested
/// values are compact JSON; an array of objects that does not fit is shown as `[n items]`.
/// Cells wider than `maxCellWidth` are cut and end in `…`; tabs and line breaks are written as
/// `\t`, `\n`, `\r`. No line has trailing spaces; a `(n rows)` line ends the table.
public struct TableRenderer: Sendable {
    /// The widest a cell may be, in terminal columns; 40 by default.
    public var maxCellWidth: Int

    /// Creates a renderer.
    /// - Parameter maxCellWidth: The widest a cell may be, in terminal columns (at least 2); 40 by default.
    public init(maxCellWidth: Int = 40) {
        self.maxCellWidth = max(2, maxCellWidth)
    }

    /// Renders a table.
    /// - Parameters:
    ///   - table: The rows.
    ///   - palette: The colours (`--color always` when piped), or nil (the default) for plain text.
    ///   - marks: How rows (by index) differ from a previous run, for `.watch`; none by default.
    ///   - check: Called for every row (the caller's limits: `--timeout`, Ctrl-C); may throw to stop.
    /// - Returns: The text, each line ending in `\n`.
    public func render(_ table: OutputTable, palette: Palette? = nil, marks: [Int: Palette.Mark] = [:]) -> String {
        render(table, palette: palette, marks: marks, check: {})
    }

    /// Renders a table, calling `check` for each row (see ``render(_:palette:marks:)``).
    public func render(
        _ table: OutputTable, palette: Palette? = nil, marks: [Int: Palette.Mark] = [:], check: () throws -> Void
    ) rethrows -> String {
        let footer = Self.footer(table.rows.count)
        guard !table.columns.isEmpty else { return footer }
        let header = table.columns.map { DisplayWidth.truncate(Self.visible($0), to: maxCellWidth) }
        let body = try table.rows.map { row in
            try check()
            return row.map(text)
        }
        var widths = header.map(DisplayWidth.of)
        for row in body {
            for (column, cell) in row.enumerated() where column < widths.count {
                widths[column] = max(widths[column], DisplayWidth.of(cell))
            }
        }
        let paint = palette.map { palette in Self.painter(palette, table: table, marks: marks) }
        return try draw(header: header, body: body, widths: widths, numeric: Self.numericColumns(table), paint: paint, check: check)
            + footer
    }

    /// The aligned lines: header, dashes and body, cells padded (numbers on the left) to `widths`.
    /// `paint` styles a cell's text (row nil: the header) after its width is measured; padding stays plain.
    func draw(
        header: [String], body: [[String]], widths: [Int], numeric: [Bool],
        paint: ((_ row: Int?, _ column: Int, _ text: String) -> String)? = nil, check: () throws -> Void = {}
    ) rethrows -> String {
        var out = ""
        func line(_ cells: [String], row: Int?, painted: Bool) {
            var text = ""
            for (column, width) in widths.enumerated() {
                let cell = column < cells.count ? cells[column] : ""
                let pad = String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
                let shown = painted ? paint?(row, column, cell) ?? cell : cell
                if column > 0 { text += "  " }
                text += numeric[column] ? pad + shown : shown + pad
            }
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        line(header, row: nil, painted: true)
        line(widths.map { String(repeating: "-", count: $0) }, row: nil, painted: false)
        for (index, row) in body.enumerated() {
            try check()
            line(row, row: index, painted: true)
        }
        return out
    }

    /// Whether each column holds only numbers (empty cells aside), so it is right-aligned.
    static func numericColumns(_ table: OutputTable) -> [Bool] {
        table.columns.indices.map { column in
            var sawNumber = false
            for row in table.rows where column < row.count {
                let cell = row[column]
                if cell.isEmpty { continue }
                guard cell.isNumber else { return false }
                sawNumber = true
            }
            return sawNumber
        }
    }

    /// The footer line, `(n rows)`.
    static func footer(_ count: Int) -> String { "(\(count) \(count == 1 ? "row" : "rows"))\n" }

    /// The text of a cell as shown: cut to `maxCellWidth`, controls made visible.
    func text(_ cell: OutputCell) -> String {
        if case .nested(let json, let items) = cell, let items, DisplayWidth.of(json) > maxCellWidth {
            return "[\(items) \(items == 1 ? "item" : "items")]"
        }
        return DisplayWidth.truncate(Self.visible(cell.plainText), to: maxCellWidth)
    }

    /// Text with tabs, line breaks and other controls written as escapes, so one cell stays one line.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
