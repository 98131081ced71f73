import Testing
import DataAPIContract
import EmployeeQuery
import TestSupport

@Suite struct EmployeeFieldTests {
    @Test func fieldsAreInSeedOrder() {
        #expect(EmployeeField.allCases.map(\.rawValue) == [
            "id", "first_name", "last_name", "patronymic", "full_name", "email", "status", "allowed_in_call_types",
            "allowed_out_call_types", "groups", "call_recording", "calls_available", "schedule_id", "schedule_name", "coach",
            "phone_numbers", "extension", "operator",
        ])
    }

    @Test func filterableAndSortableFollowTheSpec() {
        #expect(Set(EmployeeField.filterable.map(\.rawValue)) == [
            "id", "first_name", "last_name", "full_name", "status", "allowed_in_call_types", "allowed_out_call_types", "email",
            "call_recording", "calls_available", "schedule_id", "schedule_name", "coach", "groups", "phone_numbers", "extension",
        ])
        #expect(EmployeeField.sortable.map(\.rawValue) == ["first_name", "last_name", "patronymic", "full_name", "calls_available"])
    }

    @Test(arguments: [
        (EmployeeField.id, "number"), (.email, "string"), (.status, "enum"), (.allowedOutCallTypes, "array of enum"),
        (.callsAvailable, "boolean"), (.coach, "object"), (.phoneNumbers, "array of objects"), (.operator, "object"),
    ])
    func kinds(field: EmployeeField, name: String) {
        #expect(field.kind.name == name)
    }

    @Test func nestedKeysMatchTheEncoder() throws {
        // Every nested key the catalogue lists is what the encoder writes, in the same order.
        for field in EmployeeField.allCases where !field.kind.nestedFields.isEmpty {
            let value = Employee.full.field(field)
            let object = field.kind.name == "object" ? value.objectValue : value.arrayValue?.first?.objectValue
            #expect(object?.keys == field.kind.nestedFields.map(\.name), "\(field)")
        }
        #expect(EmployeeField.status.kind == .enumeration(["available", "break", "do_not_disturb", "not_at_workplace", "not_at_work", "unknown"]))
        let sites = EmployeeField.operator.kind.nestedFields.last
        #expect(sites?.kind == .arrayOfObjects([NestedField("site_id", .number), NestedField("site_domain_name", .string)]))
    }
}
