import DataAPIContract
import EmployeeQuery
import TestSupport
import Testing

@Suite struct EmployeeFieldTests {
    @Test func fieldsAreInSeedOrder() {
        #expect(
            EmployeeField.allCases.map(\.rawValue) == [
                "id", "first_name", "last_name", "patronymic", "full_name", "email", "status", "allowed_in_call_types",
                "allowed_out_call_types", "groups", "call_recording", "calls_available", "schedule_id", "schedule_name", "coach",
                "phone_numbers", "extension", "operator",
            ])
    }

    @Test func filterableAndSortableFollowTheSpec() {
        #expect(
            Set(EmployeeField.filterable.map(\.rawValue)) == [
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

    // The documentation's table (issue 19): no order on strings and enums, no patterns on enums, no `in` on Booleans.
    @Test(arguments: [
        (FieldKind.number, "= != < <= > >= in not_in is_null is_not_null"),
        (.boolean, "= != is_null is_not_null"),
        (.string, "= != like ilike not_like not_ilike regexp in not_in is_null is_not_null"),
        (.enumeration(["a"]), "= != in not_in is_null is_not_null"),
        (.arrayOfEnumerations(["a"]), "= != jsquery overlap not_overlap is_null is_not_null"),
        (.object([]), "= != jsquery is_null is_not_null"),
        (.arrayOfObjects([]), "= != jsquery is_null is_not_null"),
    ])
    func operatorsPerKindInTheContractsOrder(kind: FieldKind, operators: String) {
        #expect(kind.operators.map(\.rawValue).joined(separator: " ") == operators)
    }

    @Test func scalarKindsNameTheirJSONType() {
        #expect(
            [FieldKind.number, .string, .boolean, .enumeration([]), .arrayOfEnumerations([]), .object([])].map(\.scalarType)
                == ["number", "string", "boolean", "string", nil, nil])
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
