import DataAPIContract

/// Every record's JSON, written once when the store is prepared, with the place of each field's
/// `"key":value` member inside it: a full record is one copy, and a projected one (`fields`) the
/// copies of its members, so that no reply encodes a record again.
///
/// The bytes are exactly `Employee.write(to:fields:)`'s: members in canonical field order, compact.
struct EncodedRecords: Sendable {
    private static let fieldCount = EmployeeField.allCases.count
    /// All records' JSON, back to back.
    private let bytes: [UInt8]
    /// For record `i`, `bounds[i * (fieldCount + 1) + f]` is where field `f`'s member starts (after
    /// the comma before it), and `bounds[i * (fieldCount + 1) + fieldCount]` where the record's
    /// closing brace is.
    private let bounds: [Int32]

    /// Encodes the records.
    /// - Parameter employees: The records, in the order positions refer to.
    init(_ employees: [Employee]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(employees.count * 900)
        var bounds: [Int32] = []
        bounds.reserveCapacity(employees.count * (Self.fieldCount + 1))
        for employee in employees {
            // A writer per record: one writer would put a comma between records.
            var writer = JSONWriter(capacity: 1024)
            writer.beginObject()
            for (number, field) in EmployeeField.allCases.enumerated() {
                // Every member after the first is preceded by exactly one comma.
                bounds.append(Int32(bytes.count + writer.bytes.count + (number == 0 ? 0 : 1)))
                writer.key(field.rawValue)
                employee.write(field, to: &writer)
            }
            bounds.append(Int32(bytes.count + writer.bytes.count))
            writer.endObject()
            bytes.append(contentsOf: writer.bytes)
            precondition(bytes.count < Int32.max, "EncodedRecords: more than 2 GiB of JSON")
        }
        self.bytes = bytes
        self.bounds = bounds
    }

    /// The same records with one field's values changed, as a status churn changes them: that
    /// field's member is written again for each record, every other byte copied.
    /// - Parameters:
    ///   - field: The field whose values changed.
    ///   - employees: The records as they are now, in the same positions.
    /// - Returns: What `EncodedRecords(employees)` would encode, in a fraction of the time.
    func rewriting(_ field: EmployeeField, of employees: [Employee]) -> EncodedRecords {
        let stride = Self.fieldCount + 1
        precondition(employees.count * stride == bounds.count, "EncodedRecords: rewriting other records")
        let column = EmployeeField.allCases.firstIndex(of: field)!
        var bytes: [UInt8] = []
        bytes.reserveCapacity(self.bytes.count + self.bytes.count / 16)
        var bounds: [Int32] = []
        bounds.reserveCapacity(self.bounds.count)
        for (position, employee) in employees.enumerated() {
            let base = position * stride
            let recordStart = Int(self.bounds[base]) - 1
            let memberStart = Int(self.bounds[base + column])
            let memberEnd = Int(self.bounds[base + column + 1]) - (column + 1 == Self.fieldCount ? 0 : 1)
            let recordEnd = Int(self.bounds[base + Self.fieldCount]) + 1
            let shift = bytes.count - recordStart
            var member = JSONWriter(capacity: 64)
            member.key(field.rawValue)
            employee.write(field, to: &member)
            let growth = member.bytes.count - (memberEnd - memberStart)
            bytes.append(contentsOf: self.bytes[recordStart..<memberStart])
            bytes.append(contentsOf: member.bytes)
            bytes.append(contentsOf: self.bytes[memberEnd..<recordEnd])
            for number in 0..<stride { bounds.append(self.bounds[base + number] + Int32(shift + (number > column ? growth : 0))) }
        }
        precondition(bytes.count < Int32.max, "EncodedRecords: more than 2 GiB of JSON")
        return EncodedRecords(bytes: bytes, bounds: bounds)
    }

    private init(bytes: [UInt8], bounds: [Int32]) {
        self.bytes = bytes
        self.bounds = bounds
    }

    /// The full JSON of record `position`.
    func record(_ position: Int) -> ArraySlice<UInt8> {
        let base = position * (Self.fieldCount + 1)
        return bytes[Int(bounds[base]) - 1..<Int(bounds[base + Self.fieldCount]) + 1]
    }

    /// Writes record `position` with only the given fields.
    /// - Parameters:
    ///   - position: The record.
    ///   - columns: Field numbers (indices into `EmployeeField.allCases`), ascending.
    ///   - writer: The output, where a value may come.
    func write(_ position: Int, columns: [Int], to writer: inout JSONWriter) {
        let base = position * (Self.fieldCount + 1)
        writer.beginObject()
        for column in columns {
            let start = Int(bounds[base + column])
            let end = column + 1 == Self.fieldCount ? Int(bounds[base + column + 1]) : Int(bounds[base + column + 1]) - 1
            writer.raw(bytes[start..<end])
        }
        writer.endObject()
    }

    /// The field numbers of `fields`, in canonical order, for `write(_:columns:to:)`.
    static func columns(_ fields: Set<EmployeeField>) -> [Int] {
        EmployeeField.allCases.indices.filter { fields.contains(EmployeeField.allCases[$0]) }
    }
}
