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
    /// - Returns: The text, each line ending in `\n`, or nil.
    public func render(_ table: OutputTable, fittingIn width: Int) -> String? {
        let footer = Self.footer(table.rows.count)
        guard !table.columns.isEmpty else { return footer }
        let headers = table.columns.map { Self.visible($0) }
        var natural = headers.map { min(maxCellWidth, DisplayWidth.of($0)) }
        let full = table.rows.map { row in row.map { CellSummary.text($0, width: maxCellWidth) } }
        for row in full {
            for (column, cell) in row.enumerated() where column < natural.count {
                natural[column] = max(natural[column], DisplayWidth.of(cell))
            }
        }
        guard let widths = Self.fit(natural, into: width - 2 * (natural.count - 1)) else { return nil }
        let header = zip(headers, widths).map { DisplayWidth.truncate($0, to: $1) }
        let body = table.rows.map { row in
            zip(row, widths).map { cell, width in CellSummary.text(cell, width: width) }
        }
        return draw(header: header, body: body, widths: widths, numeric: Self.numericColumns(table)) + footer
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
