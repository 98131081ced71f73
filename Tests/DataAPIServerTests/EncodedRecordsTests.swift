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

    @Test(arguments: EmployeeField.allCases)
    func rewritingAFieldIsEncodingAgain(_ field: EmployeeField) {
        var changed = Self.employees
        for index in changed.indices where index % 3 != 1 {
            switch index % 3 {
            case 0:
                changed[index].status = index % 2 == 0 ? nil : EmployeeStatus(rawValue: "a longer \"unknown\" status")
                changed[index].firstName = changed[index].firstName.map { $0 + "ё" }
                changed[index].operator = nil
            default:
                changed[index].status = .notAtWorkplace
                changed[index].callsAvailable = nil
                changed[index].groups = []
            }
        }
        // Only `field` is written again: the expected records have the others as they were.
        let expected = Self.employees.indices.map { index in
            var record = Self.employees[index]
            record.setField(field, from: changed[index])
            return record
        }
        let rewritten = Self.records.rewriting(field, of: expected)
        for (position, employee) in expected.enumerated() {
            #expect(Array(rewritten.record(position)) == employee.encoded(), "record \(employee.id)")
            var writer = JSONWriter()
            rewritten.write(position, columns: EncodedRecords.columns([.id, field, .email]), to: &writer)
            #expect(writer.bytes == employee.encoded(fields: [.id, field, .email]), "record \(employee.id)")
        }
    }
}

extension Employee {
    /// Copies one field's value from `other`.
    fileprivate mutating func setField(_ field: EmployeeField, from other: Employee) {
        switch field {
        case .status: status = other.status
        case .firstName: firstName = other.firstName
        case .operator: self.operator = other.operator
        case .callsAvailable: callsAvailable = other.callsAvailable
        case .groups: groups = other.groups
        default: break
        }
    }
}
