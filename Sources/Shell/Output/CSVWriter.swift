import Foundation

/// Writes rows as CSV (RFC 4180): a header row, then one record per row, each line ending in CRLF.
///
/// A field is quoted when it holds a comma, a double quote, CR or LF, and quotes inside are
/// doubled. `nil` and `json.null` are empty fields; Booleans are `true`/`false`; numbers are
/// written as Lua prints them; nested values are their compact JSON text, never cut.
public struct CSVWriter: Sendable {
    /// Creates a writer.
    public init() {}

    /// Writes a table.
    /// - Parameter table: The rows.
    /// - Returns: The CSV text: the header record and one record per row, each ending in `\r\n`.
    public func write(_ table: OutputTable) -> String {
        var out = record(table.columns)
        for row in table.rows { out += record(row.map(\.plainText)) }
        return out
    }

    /// One record: the fields, quoted where needed, joined by commas, ending in CRLF.
    func record(_ fields: [String]) -> String {
        fields.map(Self.field).joined(separator: ",") + "\r\n"
    }

    /// A field, quoted when it holds `,`, `"`, CR or LF.
    static func field(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
