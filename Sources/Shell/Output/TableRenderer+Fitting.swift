extension TableRenderer {
    /// The narrowest a column may become before the table gives way to the vertical layout,
    /// unless its widest cell is narrower still.
    static let readableWidth = 8

    /// Renders a table no line of which is wider than `width` terminal columns, or returns nil
    /// when the columns cannot fit readably (the caller then uses ``RecordRenderer``).
    ///
    /// Nested values are summarised (``CellSummary``). When the natural widths (cells capped at
    /// `maxCellWidth`) do not fit, the widest columns shrink first to a common width, so narrow
    /// columns keep their text; cut cells and headers end in `…`. A column is never narrower than
    /// ``readableWidth`` unless all its cells are.
    /// - Parameters:
    ///   - table: The rows.
    ///   - width: The terminal's width in columns.
    ///   - palette: The colours, or nil (the default) for plain text; in colour nulls read `null`.
    ///   - marks: How rows (by index) differ from a previous run, for `.watch`; none by default.
    ///   - check: Called for every row (the caller's limits: `--timeout`, Ctrl-C); may throw to stop.
    /// - Returns: The text, each line ending in `\n`, or nil.
    public func render(_ table: OutputTable, fittingIn width: Int, palette: Palette? = nil, marks: [Int: Palette.Mark] = [:]) -> String? {
        render(table, fittingIn: width, palette: palette, marks: marks, check: {})
    }

    /// Fits the table, calling `check` for each row (see ``render(_:fittingIn:palette:marks:)``).
    public func render(
        _ table: OutputTable, fittingIn width: Int, palette: Palette? = nil, marks: [Int: Palette.Mark] = [:],
        check: () throws -> Void
    ) rethrows -> String? {
        let footer = Self.footer(table.rows.count)
        guard !table.columns.isEmpty else { return footer }
        let headers = table.columns.map { Self.visible($0) }
        var natural = headers.map { min(maxCellWidth, DisplayWidth.of($0)) }
        let text = { (cell: OutputCell, width: Int) in
            palette != nil && cell == .null ? DisplayWidth.truncate("null", to: width) : CellSummary.text(cell, width: width)
        }
        let full = try table.rows.map { row in
            try check()
            return row.map { text($0, maxCellWidth) }
        }
        for row in full {
            for (column, cell) in row.enumerated() where column < natural.count {
                natural[column] = max(natural[column], DisplayWidth.of(cell))
            }
        }
        guard let widths = Self.fit(natural, into: width - 2 * (natural.count - 1)) else { return nil }
        let header = zip(headers, widths).map { DisplayWidth.truncate($0, to: $1) }
        let body = try table.rows.map { row in
            try check()
            return zip(row, widths).map { cell, width in text(cell, width) }
        }
        let paint = palette.map { palette in Self.painter(palette, table: table, marks: marks) }
        return try draw(header: header, body: body, widths: widths, numeric: Self.numericColumns(table), paint: paint, check: check)
            + footer
    }

    /// Styles cells: bold headers, dim nulls, and the watch marks of rows.
    static func painter(_ palette: Palette, table: OutputTable, marks: [Int: Palette.Mark]) -> (Int?, Int, String) -> String {
        { row, column, text in
            guard let row else { return palette.header(text) }
            let name = column < table.columns.count ? table.columns[column] : ""
            if let mark = marks[row] { return palette.cell(text, column: name, mark: mark) }
            if column < table.rows[row].count, table.rows[row][column] == .null { return palette.null(text) }
            return text
        }
    }

    /// Column widths summing to at most `room`: the natural widths when they fit; otherwise every
    /// column wider than a common cap is cut to it (the largest cap that fits, the columns left of
    /// the others getting the spare columns), or nil when that cap would be under ``readableWidth``.
    static func fit(_ natural: [Int], into room: Int) -> [Int]? {
        if natural.reduce(0, +) <= room { return natural }
        let floor = natural.map { min($0, readableWidth) }
        guard floor.reduce(0, +) <= room else { return nil }
        var cap = readableWidth
        while natural.reduce(0, { $0 + min($1, cap + 1) }) <= room { cap += 1 }
        var widths = natural.map { min($0, cap) }
        var spare = room - widths.reduce(0, +)
        for index in widths.indices where spare > 0 && natural[index] > widths[index] {
            widths[index] += 1
            spare -= 1
        }
        return widths
    }
}
