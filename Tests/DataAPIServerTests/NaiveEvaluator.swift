import DataAPIClient
import DataAPIContract

/// A deliberately simple evaluation of filters and sorts on records as JSON, written apart from
/// the engine, for comparing results (property and paging tests). It supports the scalar
/// operators, the `like` family without escapes, `in`, `overlap` and the null tests.
enum Naive {
    static func isEmpty(_ v: JSON) -> Bool { v.isNull }  // {} and [] are not null (spec §1)

    static func order(_ a: JSON, _ b: JSON) -> Int? {
        switch (a, b) {
        case (.string(let x), .string(let y)):
            let l = Array(x.unicodeScalars.map(\.value))
            let r = Array(y.unicodeScalars.map(\.value))
            return l == r ? 0 : (l.lexicographicallyPrecedes(r) ? -1 : 1)
        case (.bool(let x), .bool(let y)): return x == y ? 0 : (x ? 1 : -1)
        default:
            guard let x = a.doubleValue, let y = b.doubleValue else { return nil }
            return x == y ? 0 : (x < y ? -1 : 1)
        }
    }

    /// `%` any run, `_` one character, everything else itself; by index, without copies.
    static func like(_ subject: [Character], _ pattern: [Character], _ i: Int = 0, _ j: Int = 0) -> Bool {
        guard j < pattern.count else { return i == subject.count }
        if pattern[j] == "%" { return (i...subject.count).contains { like(subject, pattern, $0, j + 1) } }
        guard i < subject.count, pattern[j] == "_" || pattern[j] == subject[i] else { return false }
        return like(subject, pattern, i + 1, j + 1)
    }

    static func matches(_ filter: JSON, _ record: JSON) -> Bool {
        if let filters = filter["filters"]?.arrayValue {
            return filter["condition"] == .string("and")
                ? filters.allSatisfy { matches($0, record) } : filters.contains { matches($0, record) }
        }
        let v = record[filter["field"]!.stringValue!]!
        let operand = filter["value"] ?? .null
        let op = filter["operator"]!.stringValue!
        switch op {
        case "is_null": return isEmpty(v)
        case "is_not_null": return !isEmpty(v)
        case "=" where operand.isNull: return isEmpty(v)
        case "!=" where operand.isNull: return !isEmpty(v)
        case "=", "!=", "<", ">", "<=", ">=":
            guard let o = order(v, operand) else { return false }
            return ["=": o == 0, "!=": o != 0, "<": o < 0, ">": o > 0, "<=": o <= 0, ">=": o >= 0][op]!
        case "like", "not_like", "ilike", "not_ilike":
            guard case .string(let s) = v else { return false }
            let fold = op.contains("ilike")
            let subject = Array(fold ? s.lowercased() : s)
            let pattern = Array(fold ? operand.stringValue!.lowercased() : operand.stringValue!)
            return like(subject, pattern) != op.hasPrefix("not")
        case "in", "not_in":
            if v.isNull { return false }
            return operand.arrayValue!.contains { order(v, $0) == 0 } != (op == "not_in")
        case "overlap", "not_overlap":
            return v.arrayValue!.contains { operand.arrayValue!.contains($0) } != (op == "not_overlap")
        default: fatalError("naive: \(op)")
        }
    }

    /// Sorts records by `(field, descending)` keys, nulls last ascending and first descending, then by id.
    static func sorted(_ records: [JSON], by keys: [(String, Bool)]) -> [JSON] {
        records.sorted { a, b in
            for (field, descending) in keys {
                let x = a[field]!
                let y = b[field]!
                if x.isNull != y.isNull { return descending ? x.isNull : y.isNull }
                if let o = order(x, y), o != 0 { return descending ? o > 0 : o < 0 }
            }
            return a["id"]!.intValue! < b["id"]!.intValue!
        }
    }
}
