/// A JSON value as the Data API sends it.
///
/// Integers and floats are kept apart so that ids round-trip exactly; objects keep their key
/// order so that encoding is deterministic and byte-identical on every path.
public enum JSON: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSON])
    case object(JSONObject)
}

/// A JSON object whose keys keep the order they were inserted or parsed in.
///
/// Objects of the Data API are small (a record has 18 keys), so lookups scan the entries.
public struct JSONObject: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The members in order.
    public private(set) var entries: [(key: String, value: JSON)]

    /// Creates an empty object.
    public init() { entries = [] }

    /// Creates an object from members in order; a later duplicate key replaces the earlier value.
    public init(_ members: [(String, JSON)]) {
        entries = []
        entries.reserveCapacity(members.count)
        for (key, value) in members { self[key] = value }
    }

    /// Creates an object from parsed members; like `init(_:)`, a later duplicate key replaces the earlier
    /// value, but the common duplicate-free case takes one pass (a hash set for large objects).
    @usableFromInline
    init(parsedMembers members: [(String, JSON)]) {
        var unique = true
        if members.count <= 16 {
            outer: for i in members.indices {
                for j in members.indices[..<i] where members[j].0 == members[i].0 {
                    unique = false
                    break outer
                }
            }
        } else {
            var seen = Set<String>(minimumCapacity: members.count)
            for member in members where !seen.insert(member.0).inserted {
                unique = false
                break
            }
        }
        self.init()
        if unique {
            entries = members.map { (key: $0.0, value: $0.1) }
        } else {
            for (key, value) in members { self[key] = value }
        }
    }

    /// An object from a literal, members in the order written (the order `JSONWriter` keeps).
    public init(dictionaryLiteral elements: (String, JSON)...) { self.init(elements) }

    /// The number of members.
    public var count: Int { entries.count }
    /// Whether the object has no members.
    public var isEmpty: Bool { entries.isEmpty }
    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// The value for `key`, or `nil` when the key is absent (a JSON `null` is `.null`).
    public subscript(key: String) -> JSON? {
        get { entries.first(where: { $0.key == key })?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// The members in order.
    public func makeIterator() -> IndexingIterator<[(key: String, value: JSON)]> { entries.makeIterator() }

    /// Equal when the same members stand in the same order (the order is kept, so it counts).
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the members in order, agreeing with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}

extension JSON {
    /// The member `key` of an object, or `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string, when this is a string.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
    /// The integer, when this is an integer or a float with an exact integer value.
    public var intValue: Int64? {
        switch self {
        case .int(let i): return i
        case .double(let d): return d.rounded() == d && abs(d) < 9.2e18 ? Int64(d) : nil
        default: return nil
        }
    }
    /// The number as a `Double`, when this is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    /// The Boolean, when this is a Boolean.
    public var boolValue: Bool? {
        if case .bool(let b) = self { return b }
        return nil
    }
    /// The elements, when this is an array.
    public var arrayValue: [JSON]? {
        if case .array(let a) = self { return a }
        return nil
    }
    /// The members, when this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o }
        return nil
    }
    /// Whether this is `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The JSON type's name as error messages give it: `null`, `boolean`, `number`, `string`, `array`, `object`.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}
