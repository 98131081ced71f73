import DataAPIContract
import TestSupport
import Testing

@testable import DataAPIServer

/// Records written once and copied into replies, whole or field by field, are the bytes that
/// encoding each record for each request would write.
@Suite struct EncodedRecordsTests {
    static let employees: [Employee] =
        DemoCompany.generate(employees: 300, seed: 3) + FilterFixture.employees + [
            Employee(id: 9001, firstName: "Quote \" and \\ back", lastName: "tab\tnew\nline \u{1}", fullName: "😀 \u{2028}", email: "")
        ]
    static let records = EncodedRecords(employees)

    @Test func fullRecordsAreTheEncodedRecords() {
        for (position, employee) in Self.employees.enumerated() {
            #expect(Array(Self.records.record(position)) == employee.encoded(), "record \(employee.id)")
        }
    }

    @Test func projectedRecordsAreTheProjectionsEncoded() {
        var rng = SplitMix64(seed: 99)
        var subsets: [Set<EmployeeField>] = EmployeeField.allCases.map { [$0] }
        subsets.append([.id, .fullName, .status])
        subsets.append([.operator, .id])
        for _ in 0..<40 { subsets.append(Set(EmployeeField.allCases.filter { _ in Bool.random(using: &rng) })) }
        for fields in subsets {
            let columns = EncodedRecords.columns(fields)
            for (position, employee) in Self.employees.enumerated() {
                var writer = JSONWriter()
                Self.records.write(position, columns: columns, to: &writer)
                #expect(writer.bytes == employee.encoded(fields: fields), "record \(employee.id), fields \(fields.map(\.rawValue).sorted())")
            }
        }
    }
}
