import Foundation

/// Rows ready to be written: column names and, per row, one cell per column.
public struct OutputTable: Sendable, Equatable {
    /// The column names (field names or dotted paths), in order.
    public var columns: [String]
    /// The rows; each has exactly `columns.count` cells.
    public var rows: [[OutputCell]]

    /// Creates a table.
    public init(columns: [String], rows: [[OutputCell]]) {
        self.columns = columns
        self.rows = rows
    }
}

/// One value of a row, as the writers see it.
public enum OutputCell: Sendable, Equatable {
    /// The row has no such field (Lua `nil`).
    case absent
    /// JSON `null` (`json.null`).
    case null
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case text(String)
    /// An object or array, as compact JSON text; `items` is the element count of an array of
    /// objects (shown as `[n items]` when the JSON does not fit a table cell).
    case nested(json: String, items: Int?)

    /// Whether the cell is a number (numeric columns are right-aligned).
    public var isNumber: Bool {
        switch self {
        case .integer, .number: true
        default: false
        }
    }

    /// Whether the cell holds nothing (`absent` or `null`).
    public var isEmpty: Bool { self == .absent || self == .null }

    /// The cell as plain text, untruncated: empty for `absent` and `null`, numbers as Lua prints
    /// them (`3`, `2.5`, `1e+20`), nested values as their JSON.
    public var plainText: String {
        switch self {
        case .absent, .null: ""
        case .boolean(let b): b ? "true" : "false"
        case .integer(let i): String(i)
        case .number(let d): Self.luaNumberText(d)
        case .text(let s): s
        case .nested(let json, _): json
        }
    }

    /// A float as Lua's `tostring` writes it (`%.14g`, with `.0` added to integral values).
    static func luaNumberText(_ d: Double) -> String {
        if d.isNaN { return d.sign == .minus ? "-nan" : "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        var text = String(format: "%.14g", d)
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) { text += ".0" }
        return text
    }
}
