import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// The reference server answers as the documentation says (issue 19), each rule read from the method
/// description (`MethodDescription.employees`), not restated here.
@Suite struct EngineDocumentedRulesTests {
    let engine = makeEngine(FilterFixture.employees)

    /// One (field, operator) pair of the whole matrix, with whether the documented table lists it.
    struct Pair: CustomTestStringConvertible, Sendable {
        let field: EmployeeField
        let op: FilterOperator
        var testDescription: String { "\(field.rawValue) \(op.rawValue)" }
        var documented: Bool { OperatorTable.documented.accepts(op, on: field.kind) }
    }

    /// Every filterable field with every operator.
    static let pairs: [Pair] = EmployeeField.filterable.flatMap { field in FilterOperator.known.map { Pair(field: field, op: $0) } }

    /// A value of the right shape for the operator on the field, so that only the table decides.
    static func value(_ pair: Pair) -> JSON? {
        let kind = pair.field.kind
        let scalar: JSON =
            switch kind {
            case .number: .int(1)
            case .boolean: .bool(true)
            case .enumeration(let values), .arrayOfEnumerations(let values): .string(values[0])
            default: .string("x")
            }
        switch pair.op {
        case .isNull, .isNotNull: return nil
        case .equal, .notEqual: return kind.scalarType == nil ? .null : scalar
        case .in, .notIn, .overlap, .notOverlap: return .array([scalar])
        case .jsquery: return .string("$ = *")
        case .like, .ilike, .notLike, .notIlike, .regexp: return .string("x%")
        default: return scalar
        }
    }

    @Test(arguments: pairs)
    func operatorTableIsTheDocumentedOne(_ pair: Pair) {
        var condition: JSONObject = ["field": .string(pair.field.rawValue), "operator": .string(pair.op.rawValue)]
        if let value = Self.value(pair) { condition["value"] = value }
        let reply = engine.employees(["filter": .object(condition)])
        if pair.documented {
            #expect(reply.error == nil, "\(reply.json.encodedString())")
        } else {
            #expect(reply.mnemonic == "invalid_parameter_value")
            #expect(reply.field == "filter.operator")
            #expect(reply.message == "Operator \(pair.op.rawValue) is not applicable to field \(pair.field.rawValue) (\(pair.field.kind.name))")
        }
    }

    /// What the description says the documentation forbids is refused (the three rules of the issue).
    @Test func theTableRefusesWhatTheIssueNamed() {
        let table = MethodDescription.employees.operators
        for op in [FilterOperator.less, .lessOrEqual, .greater, .greaterOrEqual] {
            #expect(!table.accepts(op, on: .string) && !table.accepts(op, on: .enumeration(["a"])))
        }
        for op in [FilterOperator.like, .ilike, .notLike, .notIlike, .regexp] { #expect(!table.accepts(op, on: .enumeration(["a"]))) }
        #expect(!table.accepts(.in, on: .boolean) && !table.accepts(.notIn, on: .boolean))
    }

    /// An omitted `value` is taken as null: `= ` without a value is a null test.
    @Test func omittedValueIsNull() {
        let omitted = engine.employees(["filter": .object(["field": .string("first_name"), "operator": .string("=")])])
        let explicit = engine.employees(["filter": .object(["field": .string("first_name"), "operator": .string("="), "value": .null])])
        #expect(omitted.error == nil)
        #expect(omitted.ids == [3] && omitted.ids == explicit.ids)
        // Where null does not fit the operator, the type error names the value.
        let order = engine.employees(["filter": .object(["field": .string("id"), "operator": .string("<")])])
        #expect(order.mnemonic == "data_type_error" && order.field == "filter.value")
    }

    @Test func fractionalIDIsAcceptedAndEchoed() {
        let reply = engine.call(MethodDescription.employees.name, ["access_token": .string(testToken)], id: .double(2.5))
        #expect(reply.error == nil)
        #expect(reply.id == .double(2.5))
        #expect(String(decoding: reply.bytes, as: UTF8.self).hasPrefix(#"{"jsonrpc":"2.0","id":2.5,"#))
    }

    /// The ten errors whose text the documentation gives carry it word for word.
    @Test(arguments: [
        (#"{"jsonrpc":"2.0","method":"get.employees","params":{}}"#, "notifications_not_supported"),
        (#"{"jsonrpc":"1.0","id":1,"method":"get.employees","params":{}}"#, "invalid_request"),
        (#"[{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{}}]"#, "batch_opreations_not_supported"),
        (#"{"jsonrpc":"2.0","id":1,"method":"get.nothing","params":{}}"#, "method_not_found"),
        (#"{"jsonrpc":"2.0","id":1,"#, "parse_error"),
        (#"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{}}"#, "required_parameter_missed"),
        (#"{"jsonrpc":"2.0","id":1,"method":"login.user","params":{"login":"nobody","password":"x"}}"#, "auth_error"),
        (#"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"demo-token","nope":1}}"#, "unexpected_parameters"),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"demo-token","sort":[{"field":"id"}]}}"#,
            "sort_prohibited"
        ),
        (
            #"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"demo-token","filter":{"field":"operator","operator":"is_null"}}}"#,
            "filter_prohibited"
        ),
    ])
    func documentedErrorTexts(body: String, mnemonic: String) throws {
        let reply = EngineReply(engine.handle(Array(body.replacingOccurrences(of: "demo-token", with: testToken).utf8)))
        #expect(reply.mnemonic == mnemonic)
        let text = try #require(MethodDescription.employees.errorText(DataAPIError.Mnemonic(rawValue: mnemonic)))
        #expect(reply.message == text)
        #expect(reply.code == Int64(DataAPIError.Mnemonic(rawValue: mnemonic).code))
    }

    /// The detail the documented text leaves out stays in `field` and `value`.
    @Test func documentedTextKeepsFieldAndValue() {
        let reply = engine.employees(["fields": .array([.string("id"), .string("nosuch")])])
        #expect(reply.mnemonic == "unexpected_parameters")
        #expect(reply.field == "fields[1]")
        #expect(reply.error?["data"]?["value"] == .string("nosuch"))
    }

    /// The demo company stays within every documented range (spec §9), at every size.
    @Test(arguments: [250, 5000])
    func demoIsWithinTheDocumentedRanges(size: Int) {
        let staff = DemoCompany.generate(employees: size)
        let phones = staff.flatMap(\.phoneNumbers)
        #expect(phones.allSatisfy { (1...100).contains($0.dialTime ?? 0) })
        #expect(phones.allSatisfy { (1...150).contains($0.channelsCount ?? 0) })
        #expect(staff.allSatisfy { $0.phoneNumbers.count <= 10 })
        #expect(staff.allSatisfy { ($0.extension?.extensionPhoneNumber?.count ?? 0) <= 5 })
        #expect(staff.allSatisfy { $0.operator?.operatorSites.allSatisfy { !($0.siteDomainName ?? "").contains("://") } ?? true })
    }

    /// The server's defaults are the description's: budgets and the default `limit`.
    @Test func defaultsComeFromTheDescription() {
        let reply = makeEngine(DemoCompany.generate(employees: 1200)).employees()
        #expect(reply.rows.count == MethodDescription.employees.paging.defaultLimit)
        #expect(ServeConfiguration.defaultDayLimit == MethodDescription.employees.budgets.day)
        #expect(ServeConfiguration.defaultMinuteLimit == MethodDescription.employees.budgets.minute)
        #expect(ServeConfiguration(port: 1).dayLimit == 3000 && ServeConfiguration(port: 1).minuteLimit == 120)
    }
}
