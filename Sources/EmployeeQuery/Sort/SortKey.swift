import DataAPIContract

/// A scalar field's sort key: strings compare by Unicode scalar values (UTF-8 byte order; the
/// collation of the real server's PostgreSQL is not reproduced), numbers numerically, `false < true`,
/// null last. The engine ranks its sortable fields by it; `LocalSort` also sorts by `id`, `email`,
/// `status`, `call_recording`, `schedule_id` and `schedule_name` with it.
///
/// The key follows the field's kind (`EmployeeField.kind`), so a new scalar field sorts by its value.
public struct SortKey: Comparable, Sendable {
    private let bytes: [UInt8]?

    /// The key of one record's field; a field without a sort key (`applies(to:)` false) gives the null key.
    public init(_ employee: Employee, _ field: EmployeeField) {
        switch (field.kind, EmployeeValue.json(employee, field)) {
        case (.boolean, .bool(let flag)): bytes = [flag ? 1 : 0]
        case (.number, .int(let number)): bytes = Self.bytes(number)
        case (.string, .string(let text)), (.enumeration, .string(let text)): bytes = Array(text.utf8)
        default: bytes = nil
        }
    }

    /// Whether `field` has a sort key: the scalar fields (numbers, strings, enums, Booleans).
    public static func applies(to field: EmployeeField) -> Bool { field.kind.scalarType != nil }

    /// A signed integer as 8 big-endian bytes with the sign bit flipped, so that byte order is numeric order.
    private static func bytes(_ value: Int64) -> [UInt8] {
        let biased = UInt64(bitPattern: value) ^ (1 << 63)
        return (0..<8).reversed().map { UInt8(truncatingIfNeeded: biased >> ($0 * 8)) }
    }

    /// Whether the field is null (or has no sort key).
    public var isNull: Bool { bytes == nil }

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs.bytes, rhs.bytes) {
        case (let l?, let r?): l.lexicographicallyPrecedes(r)
        case (_?, nil): true
        default: false
        }
    }
}
