/// Draws a horizontal bar chart with Unicode block characters:
///
/// ```
/// example.ru    ████████████████████████▌ 49
/// shop.example  ███████████▏ 22
/// (null)        ▏ 0
/// ```
/// One bar per value, labels aligned (by ``DisplayWidth``, cut with `…` past a third of the
/// width), each bar as long as its value relative to the largest and scaled so that the longest
/// line fills `width`; eighth blocks (`▏▎▍▌▋▊▉`) give the last cell its precision. The value
/// follows its bar. Values of zero or less draw no bar.
public struct BarChart: Sendable {
    /// The width the lines must fit, in terminal columns.
    public var width: Int

    static let eighths = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// Creates a chart renderer.
    /// - Parameter width: The width the lines must fit (at least 20).
    public init(width: Int) {
        self.width = max(20, width)
    }

    /// Renders the bars.
    /// - Parameters:
    ///   - labels: One label per bar.
    ///   - values: One value per bar, as many as labels.
    ///   - valueTexts: How each value is written after its bar.
    ///   - check: Called for every bar (the caller's limits: `--timeout`, Ctrl-C); may throw to stop.
    /// - Returns: The lines, each ending in `\n`; `(no rows)` when there are none.
    public func render(labels: [String], values: [Double], valueTexts: [String]) -> String {
        render(labels: labels, values: values, valueTexts: valueTexts, check: {})
    }

    /// Renders the bars, calling `check` for each (see ``render(labels:values:valueTexts:)``).
    public func render(labels: [String], values: [Double], valueTexts: [String], check: () throws -> Void) rethrows -> String {
        guard !labels.isEmpty else { return "(no rows)\n" }
        var shown: [String] = []
        shown.reserveCapacity(labels.count)
        var widest = 0
        for label in labels {
            if shown.count & 255 == 0 { try check() }
            shown.append(TableRenderer.visible(label))
            widest = max(widest, DisplayWidth.of(shown[shown.count - 1]))
        }
        let labelWidth = min(widest, max(8, width / 3))
        var valueWidth = 0
        for (index, text) in valueTexts.enumerated() {
            if index & 255 == 0 { try check() }
            valueWidth = max(valueWidth, DisplayWidth.of(text))
        }
        let area = max(1, width - labelWidth - 2 - 1 - valueWidth)
        let largest = values.filter(\.isFinite).max() ?? 0
        var out = ""
        for (index, label) in shown.enumerated() {
            try check()
            let cut = DisplayWidth.truncate(label, to: labelWidth)
            let value = index < values.count ? values[index] : 0
            out += cut + String(repeating: " ", count: labelWidth - DisplayWidth.of(cut) + 2)
            out += bar(eighths: Self.eighths(value, of: largest, in: area))
            out += (out.last == " " ? "" : " ") + (index < valueTexts.count ? valueTexts[index] : "") + "\n"
        }
        return out
    }

    /// The bar's length in eighths of a column: `value / largest` of `area` columns, rounded.
    static func eighths(_ value: Double, of largest: Double, in area: Int) -> Int {
        guard value.isFinite, value > 0, largest > 0 else { return 0 }
        return Int((min(value / largest, 1) * Double(area * 8)).rounded())
    }

    private func bar(eighths: Int) -> String {
        String(repeating: "█", count: eighths / 8) + Self.eighths[eighths % 8]
    }
}
