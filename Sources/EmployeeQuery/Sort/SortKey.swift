import DataAPIContract

/// A scalar field's sort key: strings compare by Unicode scalar values (UTF-8 byte order; the
/// collation of the real server's PostgreSQL is not reproduced), numbers numerically, `false < true`,
/// null last. The engine ranks its sortable fields by it; `LocalSort` also sorts by `id`, `email`,
/// `status`, `call_recording`, `schedule_id` and `schedule_name` with it.
public struct SortKey: Comparable, Sendable {
    private let bytes: [UInt8]?

    public init(_ employee: Employee, _ field: EmployeeField) {
        switch field {
        case .callsAvailable: bytes = employee.callsAvailable.map { [$0 ? 1 : 0] }
        case .id: bytes = Self.bytes(employee.id)
        case .scheduleID: bytes = employee.scheduleID.map(Self.bytes)
        default: bytes = EmployeeValue.string(employee, field).map { Array($0.utf8) }
        }
    }

    /// Whether `field` has a sort key: the scalar fields (numbers, strings, enums, Booleans).
    public static func applies(to field: EmployeeField) -> Bool {
        switch field.kind {
        case .number, .string, .enumeration, .boolean: true
        default: false
        }
    }

    /// A signed integer as 8 big-endian bytes with the sign bit flipped, so that byte order is numeric order.
    private static func bytes(_ value: Int64) -> [UInt8] {
        let biased = UInt64(bitPattern: value) ^ (1 << 63)
        return (0..<8).reversed().map { UInt8(truncatingIfNeeded: biased >> ($0 * 8)) }
    }

    public var isNull: Bool { bytes == nil }

    public static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs.bytes, rhs.bytes) {
        case (let l?, let r?): l.lexicographicallyPrecedes(r)
        case (_?, nil): true
        default: false
        }
    }
}
