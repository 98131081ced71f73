import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// `LocalFilter` is the engine's compiler and evaluator with every field allowed.
@Suite struct LocalFilterTests {
    static let employees = DemoCompany.generate(employees: 300, seed: 3)
    let engine = makeEngine(LocalFilterTests.employees)

    /// Filters on filterable fields: the local matches are exactly the engine's rows.
    @Test(arguments: [
        Filter.condition("status", .equal, .string("available")),
        .condition("full_name", .like, .string("%ов%")),
        .condition("email", .regexp, .string("^[a-m]")),
        .condition("schedule_id", .greater, .int(2)),
        .condition("calls_available", .equal, .bool(false)),
        .condition("schedule_name", .isNull),
        .condition("groups", .jsquery, .string("#.group_id = 2008")),
        .condition("allowed_in_call_types", .overlap, .array([.string("internal")])),
        .or([.condition("call_recording", .notIn, .array([.string("all"), .string("off")])), .condition("first_name", .ilike, .string("а%"))]),
        .and([.condition("coach", .isNotNull), .condition("extension", .jsquery, .string("extension_voice_mail_enabled = true"))]),
    ])
    func matchesTheEngine(filter: Filter) throws {
        let local = try LocalFilter(filter)
        let expected = try local.filter(Self.employees).map(\.id)
        let reply = engine.employees(["filter": filter.json, "fields": .array([.string("id")]), "limit": .int(10_000)])
        try #require(reply.error == nil, "\(reply.json.encodedString())")
        #expect(reply.ids == expected)
        #expect(!expected.isEmpty && expected.count < Self.employees.count)  // the case is not trivial
    }

    @Test func filtersFieldsTheAPICannot() throws {
        let petrovichi = try LocalFilter(.condition("patronymic", .equal, .string("Петрович")))
        let expected = Self.employees.filter { $0.patronymic == "Петрович" }.map(\.id)
        #expect(!expected.isEmpty)
        #expect(try petrovichi.filter(Self.employees).map(\.id) == expected)

        let operators = try LocalFilter(.condition("operator", .jsquery, .string("operator_sites.#.site_id = *")))
        let withSites = Self.employees.filter { !($0.operator?.operatorSites ?? []).isEmpty }.map(\.id)
        #expect(!withSites.isEmpty)
        #expect(try operators.filter(Self.employees).map(\.id) == withSites)
        #expect(try LocalFilter(.condition("operator", .isNull)).fields == [.operator])

        // The engine itself still refuses them.
        let reply = engine.employees(["filter": Filter.condition("patronymic", .equal, .string("Петрович")).json])
        #expect(reply.mnemonic == "filter_prohibited")
        #expect(reply.field == "filter.field")
    }

    @Test func listsTheFieldsItReads() throws {
        let filter = try LocalFilter(
            .or([
                .condition("status", .equal, .string("available")),
                .and([
                    .condition("id", .less, .int(5)),
                    .condition("patronymic", .isNull),
                ]),
            ]))
        #expect(filter.fields == [.id, .patronymic, .status])
    }

    /// Bad filters fail locally with the engine's mnemonic and path (on fields the engine accepts).
    @Test(arguments: [
        Filter.condition("email", .regexp, .string("(unclosed")),
        .condition("nickname", .equal, .string("x")),
        .and([.condition("id", .equal, .int(1)), .condition("groups", .like, .string("x"))]),
        .or([.condition("status", .equal, .string("sleeping"))]),
        .condition("schedule_id", .equal, .string("ten")),
        .condition("coach", .jsquery, .string("coach_id = = 1")),
        .condition("id", .in, .array([.int(1), .string("two")])),
        .condition("first_name", .like, .int(3)),
    ])
    func failsAsTheEngineDoes(filter: Filter) {
        let reply = engine.employees(["filter": filter.json])
        #expect(reply.mnemonic != nil)
        #expect(throws: DataAPIError.self) { try LocalFilter(filter) }
        do {
            _ = try LocalFilter(filter)
        } catch {
            #expect(error.mnemonic.rawValue == reply.mnemonic)
            #expect(error.field == reply.field)
            #expect(Int64(error.code) == reply.code)
        }
    }

    /// Fields the API cannot filter are still checked like any other field of their kind.
    @Test func checksUnfilterableFieldsByKind() {
        #expect { try LocalFilter(.condition("patronymic", .jsquery, .string("x = 1"))) } throws: { error in
            (error as? DataAPIError)?.mnemonic == .invalidParameterValue && (error as? DataAPIError)?.field == "filter.operator"
        }
        #expect { try LocalFilter(.and([.condition("id", .isNull), .condition("operator", .like, .string("x%"))])) } throws: { error in
            (error as? DataAPIError)?.field == "filter.filters[1].operator"
        }
        #expect { try LocalFilter(.condition("patronymic", .regexp, .string("[z-a]"))) } throws: { error in
            (error as? DataAPIError)?.mnemonic == .invalidParameterValue && (error as? DataAPIError)?.field == "filter.value"
        }
        #expect { try LocalFilter(.condition("operator", .jsquery, .string("operator_login = "))) } throws: { error in
            (error as? DataAPIError)?.mnemonic == .invalidParameterValue
        }
    }

    @Test func operatorsAreTheEnginesTable() {
        #expect(FieldKind.number.operators.contains(.less))
        #expect(!FieldKind.number.operators.contains(.like))
        #expect(FieldKind.string.operators.contains(.regexp))
        #expect(Set(FieldKind.object([]).operators) == [.isNull, .isNotNull, .equal, .notEqual, .jsquery])
    }
}
