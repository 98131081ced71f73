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
