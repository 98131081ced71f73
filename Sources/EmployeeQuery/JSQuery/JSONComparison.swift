import DataAPIContract

/// Equality, ordering and containment of JSON values as jsquery and jsonb define them.
enum JSONComparison {
    /// Equal values: numbers numerically (`1 = 1.0`), arrays element by element in order,
    /// objects member by member in any order, everything else by kind and value.
    static func equal(_ a: JSON, _ b: JSON) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.int, .double), (.double, .int), (.double, .double): return order(a, b) == 0
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { member in y[member.key].map { equal(member.value, $0) } ?? false }
        default: return a == b
        }
    }

    /// The order of two numbers or two strings as -1, 0 or 1; `nil` for any other pair.
    /// Integers compare exactly; a mix with a float compares as `Double`. Strings compare by
    /// Unicode scalar values (which is also UTF-8 byte order).
    static func order(_ a: JSON, _ b: JSON) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x), .string(let y)):
            var left = x.unicodeScalars.makeIterator()
            var right = y.unicodeScalars.makeIterator()
            while true {
                switch (left.next(), right.next()) {
                case (nil, nil): return 0
                case (nil, _): return -1
                case (_, nil): return 1
                case (let l?, let r?) where l != r: return l.value < r.value ? -1 : 1
                default: continue
                }
            }
        default:
            guard let x = a.numericValue, let y = b.numericValue else { return nil }
            return x < y ? -1 : (x == y ? 0 : 1)
        }
    }

    /// Whether `container` contains `item`, as jsonb's `@>`: every member of an object `item`
    /// is contained in the same member of `container`; every element of an array `item` is
    /// contained in some element of `container`; scalars must be equal.
    static func contains(_ container: JSON, _ item: JSON) -> Bool {
        switch (container, item) {
        case (.object(let c), .object(let i)):
            return i.allSatisfy { member in c[member.key].map { contains($0, member.value) } ?? false }
        case (.array(let c), .array(let i)):
            return i.allSatisfy { wanted in c.contains { contains($0, wanted) } }
        case (.object, _), (.array, _), (_, .object), (_, .array):
            return false
        default:
            return equal(container, item)
        }
    }
}

extension JSON {
    /// The number as a `Double` for comparisons, `nil` when not a number.
    fileprivate var numericValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .double(let d): d
        default: nil
        }
    }
}
