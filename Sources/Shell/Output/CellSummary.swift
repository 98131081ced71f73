import DataAPIContract

/// Short forms of nested values for a terminal: `[3 items]`, `{coach_id=1014, …}`.
///
/// Used where a cell must fit a width: an array or object whose compact JSON fits is shown as
/// that JSON; a longer array is `[n items]`; a longer object lists as many `key=value` pairs as
/// fit and ends in `…}` (nested values inside it as `[n items]` and `{…}`).
enum CellSummary {
    /// The text of a cell cut to `width` columns, controls made visible.
    /// - Parameters:
    ///   - cell: The cell.
    ///   - width: The most columns the text may take (at least 1).
    /// - Returns: The text; plain cells are cut with `…` like ``DisplayWidth/truncate(_:to:)``.
    static func text(_ cell: OutputCell, width: Int) -> String {
        guard case .nested(let json, _) = cell else {
            return DisplayWidth.truncate(TableRenderer.visible(cell.plainText), to: width)
        }
        let visible = TableRenderer.visible(json)
        if DisplayWidth.of(visible) <= width { return visible }
        switch try? JSON(parsing: json) {
        case .array(let items)?: return DisplayWidth.truncate(count(items.count), to: width)
        case .object(let object)?: return summary(of: object, width: width)
        default: return DisplayWidth.truncate(visible, to: width)
        }
    }

    private static func count(_ n: Int) -> String { "[\(n) \(n == 1 ? "item" : "items")]" }

    /// `{a=1, b=x, …}` with as many pairs as fit in `width`.
    private static func summary(of object: JSONObject, width: Int) -> String {
        var pairs: [String] = []
        for (key, value) in object { pairs.append(TableRenderer.visible(key) + "=" + short(value)) }
        let whole = "{" + pairs.joined(separator: ", ") + "}"
        if DisplayWidth.of(whole) <= width { return whole }
        var text = "{"
        for pair in pairs {
            let candidate = text + (text == "{" ? "" : ", ") + pair
            // Room must remain for ", …}" (or "…}" right after the brace).
            if DisplayWidth.of(candidate) + 4 > width { break }
            text = candidate
        }
        text += text == "{" ? "…}" : ", …}"
        return DisplayWidth.of(text) <= width ? text : DisplayWidth.truncate(text, to: width)
    }

    /// A value inside an object summary: scalars as they are, containers as `[n items]` or `{…}`.
    private static func short(_ value: JSON) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .double(let d): OutputCell.luaNumberText(d)
        case .string(let s): TableRenderer.visible(s)
        case .array(let items): items.isEmpty ? "[]" : count(items.count)
        case .object(let o): o.isEmpty ? "{}" : "{…}"
        }
    }
}
