import DataAPIContract
import DataAPIServer
import EmployeeQuery
import Testing

/// Each rule of `get.employees` is read from its one description (issue 22), and the layers that
/// check it agree with it.
@Suite struct MethodDescriptionTests {
    let method = MethodDescription.employees

    @Test func namesEveryFieldOnceInTheRepliesOrder() {
        #expect(method.name == "get.employees")
        #expect(method.fields.map(\.name) == EmployeeField.allCases.map(\.rawValue))
        for field in EmployeeField.allCases {
            let rule = field.rule
            #expect(field.kind == rule.kind && field.isFilterable == rule.filterable && field.isSortable == rule.sortable)
            #expect(method.field(named: field.rawValue) == rule)
        }
        #expect(method.field(named: "nosuch") == nil)
        #expect(EmployeeField.filterable.map(\.rawValue) == method.fields.filter(\.filterable).map(\.name))
        #expect(EmployeeField.sortable.map(\.rawValue) == ["first_name", "last_name", "patronymic", "full_name", "calls_available"])
    }

    @Test func pagingAndBudgetsAreTheDescriptions() throws {
        #expect(Paging.defaultLimit == method.paging.defaultLimit && method.paging.defaultLimit == 1000)
        #expect(Paging.maxLimit == method.paging.maxLimit && Paging.maxOffset == method.paging.maxOffset)
        #expect(method.budgets == PointBudgets(day: 3000, minute: 120))
        #expect(method.parameters == Query.knownParams && method.requiredParameters == ["access_token"])
        // The engine's checks and the planner's read the same ceilings.
        #expect(throws: DataAPIError.self) { try Paging.check(offset: method.paging.maxOffset + 1) }
        try Paging.check(offset: method.paging.maxOffset)
        #expect(throws: DataAPIError.self) { try EmployeesRequest(Query(offset: method.paging.maxOffset + 1)) }
        #expect(throws: DataAPIError.self) { try EmployeesRequest(Query(limit: method.paging.maxLimit + 1)) }
        #expect(try EmployeesRequest(Query()).limit == method.paging.defaultLimit)
    }

    /// Every (kind, operator) pair: the engine's compiler refuses exactly what the documented table leaves
    /// out, and the client's local compiler exactly what the local table leaves out.
    @Test(arguments: EmployeeField.allCases)
    func compilersFollowTheTables(field: EmployeeField) {
        for op in FilterOperator.known {
            let condition = Filter.condition(field.rawValue, op, op.takesArray ? .array([]) : op.takesString ? .string("x") : .null)
            let local = Result { () throws(DataAPIError) in try LocalFilter(condition) }
            let refusedLocally = (try? local.get()) == nil && local.failureField == "filter.operator"
            #expect(refusedLocally == !OperatorTable.local.accepts(op, on: field.kind), "\(field.rawValue) \(op.rawValue)")
            guard field.isFilterable else { continue }
            let server = Result { () throws(DataAPIError) in try EmployeesRequest(Query(filter: condition)) }
            let refusedByServer = (try? server.get()) == nil && server.failureField == "filter.operator"
            #expect(refusedByServer == !OperatorTable.documented.accepts(op, on: field.kind), "\(field.rawValue) \(op.rawValue)")
        }
    }

    @Test func localTableHoldsTheDocumentedOne() {
        for category in FieldKind.Category.allCases {
            let kind = Self.kind(category)
            #expect(Set(kind.operators).isSubset(of: Set(kind.localOperators)))
        }
    }

    /// A field's readers follow its kind: a scalar's JSON is of its type or null; objects and arrays are never null.
    @Test func valueReadersAgreeWithKinds() {
        let empty = Employee(id: 7)
        for field in EmployeeField.allCases {
            let value = EmployeeValue.json(empty, field)
            switch field.kind {
            case .number, .boolean, .string, .enumeration: #expect(field == .id ? value == .int(7) : value == .null, "\(field)")
            case .object: #expect(value == .object([:]))
            case .arrayOfEnumerations, .arrayOfObjects: #expect(value == .array([]))
            }
            #expect(EmployeeValue.isNull(empty, field) == (field != .id && field.kind.scalarType != nil), "\(field)")
            #expect(SortKey.applies(to: field) == (field.kind.scalarType != nil))
        }
    }

    /// The contract's encoder and decoder spell nested keys as the description names them: every nested key
    /// the description lists appears in the demo's replies, and no other.
    @Test func nestedKeysAreTheDescriptions() throws {
        let staff = DemoCompany.generate(employees: 250)
        for field in EmployeeField.allCases where !field.kind.nestedFields.isEmpty {
            var seen = Set<String>()
            var nestedSeen: [String: Set<String>] = [:]
            for employee in staff {
                let json = employee.field(field)
                let objects = json.arrayValue ?? [json]
                for object in objects {
                    for (key, value) in object.objectValue ?? [:] {
                        seen.insert(key)
                        for inner in value.arrayValue ?? [] { nestedSeen[key, default: []].formUnion((inner.objectValue ?? [:]).map { $0.key }) }
                    }
                }
                // The decoder reads back what the encoder wrote.
                #expect(try Employee(json: JSON(parsing: employee.encoded())) == employee)
            }
            #expect(seen == Set(field.kind.nestedFields.map(\.name)), "\(field)")
            for nested in field.kind.nestedFields where !nested.kind.nestedFields.isEmpty {
                #expect(nestedSeen[nested.name] == Set(nested.kind.nestedFields.map(\.name)), "\(nested.name)")
            }
        }
    }

    @Test func documentedErrorTextsAreTheDescriptions() {
        #expect(method.errorText(.filterProhibited)?.hasPrefix("Фильтрация по параметру запрещена") == true)
        #expect(method.errorText(.batchOperationsNotSupported) == "Групповые операции не поддерживаются")
        #expect(method.errorText(.invalidParameterValue) == nil)
        let error = DataAPIError.sortProhibited(field: "sort[0].field", value: "id")
        #expect(error.documented.message == method.errorText(.sortProhibited))
        #expect(error.documented.field == "sort[0].field" && error.documented.value == .string("id"))
    }

    static func kind(_ category: FieldKind.Category) -> FieldKind {
        switch category {
        case .number: .number
        case .string: .string
        case .boolean: .boolean
        case .enumeration: .enumeration(["a"])
        case .arrayOfEnumerations: .arrayOfEnumerations(["a"])
        case .object: .object([])
        case .arrayOfObjects: .arrayOfObjects([])
        }
    }
}

extension Result where Failure == DataAPIError {
    /// The failing error's `field`, or `nil` on success.
    var failureField: String? {
        if case .failure(let error) = self { return error.field }
        return nil
    }
}
