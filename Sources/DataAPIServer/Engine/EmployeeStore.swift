import DataAPI

/// The immutable data an engine serves, prepared once at start: records ordered by id, each
/// record's full JSON pre-encoded (unprojected pages copy these bytes), and for each sortable
/// field a rank per record, so that sorting a request compares integers.
///
/// Read-only after `init`, so any number of requests evaluate on it at once without a lock.
struct EmployeeStore: Sendable {
    /// The records in ascending id order (the API's default order).
    let employees: [Employee]
    /// All records' full JSON, back to back.
    private let encoded: [UInt8]
    /// Record `i`'s JSON is `encoded[offsets[i]..<offsets[i + 1]]`.
    private let offsets: [Int]
    /// For each sortable field, each record's rank in ascending order (equal values share a rank;
    /// null ranks after every value, as PostgreSQL places nulls last in ascending order).
    let ranks: [EmployeeField: [Int32]]

    init(_ employees: [Employee]) {
        let sorted = employees.enumerated().sorted { ($0.element.id, $0.offset) < ($1.element.id, $1.offset) }.map(\.element)
        self.employees = sorted
        var writer = JSONWriter(capacity: sorted.count * 900)
        var offsets = [Int]()
        offsets.reserveCapacity(sorted.count + 1)
        for employee in sorted {
            offsets.append(writer.bytes.count)
            var one = JSONWriter(capacity: 1024)
            employee.write(to: &one)
            writer.bytes.append(contentsOf: one.bytes)
        }
        offsets.append(writer.bytes.count)
        self.encoded = writer.bytes
        self.offsets = offsets
        var ranks: [EmployeeField: [Int32]] = [:]
        for field in EmployeeField.sortable { ranks[field] = Self.rank(sorted, by: field) }
        self.ranks = ranks
    }

    /// The full JSON of record `index`.
    func encodedRecord(_ index: Int) -> ArraySlice<UInt8> { encoded[offsets[index]..<offsets[index + 1]] }

    /// Ranks of every record by `field` (a sortable field: a string or a Boolean).
    private static func rank(_ employees: [Employee], by field: EmployeeField) -> [Int32] {
        let keys = employees.map { SortKey($0, field) }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var ranks = [Int32](repeating: 0, count: employees.count)
        var rank: Int32 = 0
        for (position, index) in order.enumerated() {
            if position > 0 && keys[order[position - 1]] != keys[index] { rank += 1 }
            ranks[index] = keys[index].isNull ? .max : rank
        }
        return ranks
    }
}

/// A sortable field's value: strings compare by Unicode scalar values (UTF-8 byte order; the
/// collation of the real server's PostgreSQL is not reproduced), `false < true`, null last.
private struct SortKey: Comparable {
    let bytes: [UInt8]?

    init(_ employee: Employee, _ field: EmployeeField) {
        switch field {
        case .callsAvailable: bytes = employee.callsAvailable.map { [$0 ? 1 : 0] }
        default: bytes = EmployeeValue.string(employee, field).map { Array($0.utf8) }
        }
    }

    var isNull: Bool { bytes == nil }

    static func < (lhs: SortKey, rhs: SortKey) -> Bool {
        switch (lhs.bytes, rhs.bytes) {
        case (let l?, let r?): l.lexicographicallyPrecedes(r)
        case (_?, nil): true
        default: false
        }
    }
}

/// Reads a record's top-level values without encoding them.
enum EmployeeValue {
    /// A string field's value (`first_name`, `email`, `status`, …), or `nil` when null or not a string field.
    static func string(_ e: Employee, _ field: EmployeeField) -> String? {
        switch field {
        case .firstName: e.firstName
        case .lastName: e.lastName
        case .patronymic: e.patronymic
        case .fullName: e.fullName
        case .email: e.email
        case .scheduleName: e.scheduleName
        case .status: e.status?.rawValue
        case .callRecording: e.callRecording?.rawValue
        default: nil
        }
    }

    /// A scalar field's value as JSON (`null` when absent); for object and array fields, the field's JSON.
    static func json(_ e: Employee, _ field: EmployeeField) -> JSON {
        switch field {
        case .id: .int(e.id)
        case .scheduleID: e.scheduleID.map(JSON.int) ?? .null
        case .callsAvailable: e.callsAvailable.map(JSON.bool) ?? .null
        case .firstName, .lastName, .patronymic, .fullName, .email, .scheduleName, .status, .callRecording:
            string(e, field).map(JSON.string) ?? .null
        default: e.field(field)
        }
    }

    /// Whether an object or array field is empty (`{}` or `[]`), which the API's null tests treat as null.
    static func isEmpty(_ e: Employee, _ field: EmployeeField) -> Bool {
        switch field {
        case .allowedInCallTypes: e.allowedInCallTypes.isEmpty
        case .allowedOutCallTypes: e.allowedOutCallTypes.isEmpty
        case .groups: e.groups.isEmpty
        case .phoneNumbers: e.phoneNumbers.isEmpty
        case .coach: e.coach == nil
        case .extension: e.extension == nil
        case .operator: e.operator == nil
        default: json(e, field).isNull
        }
    }

    /// An array-of-enum field's values.
    static func strings(_ e: Employee, _ field: EmployeeField) -> [String] {
        switch field {
        case .allowedInCallTypes: e.allowedInCallTypes.map(\.rawValue)
        case .allowedOutCallTypes: e.allowedOutCallTypes.map(\.rawValue)
        default: []
        }
    }
}
