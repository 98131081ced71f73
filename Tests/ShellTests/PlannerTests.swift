import DataAPIClient
import DataAPIContract
import DataAPIServer
import Shell
import Testing

private let available = Filter.condition("status", .equal, .string("available"))
private let petrovich = Filter.condition("patronymic", .equal, .string("Петрович"))
private let operatorSite = Filter.condition("operator", .jsquery, .string("operator_sites.#.site_id = 2"))
private let inGroup = Filter.condition("groups", .jsquery, .string("#.group_id = 3"))
private let early = Filter.condition("id", .less, .int(1500))

/// What goes to the server, and what stays local, for a table of queries.
@Suite struct PlannerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        var filter: Filter? = nil
        var sort: [Sort] = []
        var fields: [String]? = nil
        var limit: Int? = nil
        var offset: Int? = nil
        /// `serverQuery.params(accessToken: nil)` as compact JSON.
        let server: String
        /// The local filter's JSON; `nil` for none.
        var localFilter: String? = nil
        var localSort: Bool = false
        var extraFields: [String] = []
        var localLimit: Int? = nil
        var localOffset: Int? = nil
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a filterable condition goes to the server", filter: available,
            server: ##"{"filter":{"field":"status","operator":"=","value":"available"}}"##),
        Case(
            name: "and splits: patronymic stays local", filter: .and([available, petrovich]),
            server: ##"{"filter":{"field":"status","operator":"=","value":"available"}}"##,
            localFilter: ##"{"field":"patronymic","operator":"=","value":"Петрович"}"##),
        Case(
            name: "or with an unfilterable member is all local", filter: .or([available, petrovich]),
            server: "{}",
            localFilter:
                ##"{"filters":[{"field":"status","operator":"=","value":"available"},{"field":"patronymic","operator":"=","value":"Петрович"}],"condition":"or"}"##
        ),
        Case(
            name: "or of filterable members goes whole, nested and too", filter: .or([available, .and([inGroup, early])]),
            server:
                ##"{"filter":{"filters":[{"field":"status","operator":"=","value":"available"},{"filters":[{"field":"groups","operator":"jsquery","value":"#.group_id = 3"},{"field":"id","operator":"<","value":1500}],"condition":"and"}],"condition":"or"}}"##
        ),
        Case(
            name: "an or with a nested local and stays local; its and-sibling goes",
            filter: .and([early, .or([available, .and([inGroup, petrovich])])]),
            server: ##"{"filter":{"field":"id","operator":"<","value":1500}}"##,
            localFilter:
                ##"{"filters":[{"field":"status","operator":"=","value":"available"},{"filters":[{"field":"groups","operator":"jsquery","value":"#.group_id = 3"},{"field":"patronymic","operator":"=","value":"Петрович"}],"condition":"and"}],"condition":"or"}"##
        ),
        Case(
            name: "nested and groups split member by member", filter: .and([available, .and([early, operatorSite, petrovich])]),
            server:
                ##"{"filter":{"filters":[{"field":"status","operator":"=","value":"available"},{"field":"id","operator":"<","value":1500}],"condition":"and"}}"##,
            localFilter:
                ##"{"filters":[{"field":"operator","operator":"jsquery","value":"operator_sites.#.site_id = 2"},{"field":"patronymic","operator":"=","value":"Петрович"}],"condition":"and"}"##
        ),
        Case(
            name: "a sort with an unsortable key is all local", sort: [Sort(field: "last_name"), Sort(field: "id", order: .desc)],
            server: "{}", localSort: true),
        Case(
            name: "a sortable sort goes to the server with paging", filter: available,
            sort: [Sort(field: "last_name"), Sort(field: "calls_available", order: .desc)], fields: ["full_name"], limit: 50, offset: 10,
            server:
                ##"{"offset":10,"limit":50,"filter":{"field":"status","operator":"=","value":"available"},"sort":[{"field":"last_name","order":"asc"},{"field":"calls_available","order":"desc"}],"fields":["full_name","id"]}"##,
            extraFields: ["id"]),
        Case(
            name: "fields for a local filter are fetched", filter: petrovich, fields: ["full_name"],
            server: ##"{"fields":["full_name","id","patronymic"]}"##,
            localFilter: ##"{"field":"patronymic","operator":"=","value":"Петрович"}"##, extraFields: ["id", "patronymic"]),
        Case(
            name: "fields for a local sort are fetched, the user's own are not repeated", sort: [Sort(field: "email", order: .desc)],
            fields: ["id", "first_name"], server: ##"{"fields":["id","first_name","email"]}"##, localSort: true, extraFields: ["email"]),
        Case(
            name: "local parts keep limit and offset local", filter: .and([available, petrovich]), sort: [Sort(field: "first_name")],
            limit: 20, offset: 5,
            server: ##"{"filter":{"field":"status","operator":"=","value":"available"},"sort":[{"field":"first_name","order":"asc"}]}"##,
            localFilter: ##"{"field":"patronymic","operator":"=","value":"Петрович"}"##, localLimit: 20, localOffset: 5),
        Case(
            name: "a local sort alone keeps limit local", filter: available, sort: [Sort(field: "schedule_id")], limit: 3,
            server: ##"{"filter":{"field":"status","operator":"=","value":"available"}}"##, localSort: true, localLimit: 3),
        Case(name: "nothing local: limit and offset go", limit: 7, offset: 100, server: ##"{"offset":100,"limit":7}"##),
        Case(
            name: "empty fields means all fields", filter: petrovich, fields: [],
            server: "{}", localFilter: ##"{"field":"patronymic","operator":"=","value":"Петрович"}"##),
    ]

    @Test(arguments: cases)
    func splits(_ c: Case) throws {
        let plan = try QueryPlanner.plan(filter: c.filter, sort: c.sort, fields: c.fields, limit: c.limit, offset: c.offset, pageSize: 1000)
        #expect(JSON.object(plan.serverQuery.params(accessToken: nil)).encodedString() == c.server)
        #expect(plan.localFilter?.filter.json.encodedString() == c.localFilter)
        #expect((plan.localSort != nil) == c.localSort)
        if c.localSort { #expect(plan.localSort?.sort == c.sort) }
        #expect(plan.extraFields == c.extraFields)
        #expect(plan.localLimit == c.localLimit)
        #expect(plan.localOffset == c.localOffset)
        #expect(plan.hasLocalPart == (c.localFilter != nil || c.localSort))
        #expect(plan.fetchesAll == (plan.hasLocalPart || (c.limit == nil && (c.offset ?? 0) == 0)))
    }

    struct Failure: CustomTestStringConvertible, Sendable {
        var filter: Filter? = nil
        var sort: [Sort] = []
        var fields: [String]? = nil
        var limit: Int? = nil
        let mnemonic: DataAPIError.Mnemonic
        let field: String
        var testDescription: String { "\(mnemonic) at \(field)" }
    }

    static let failures: [Failure] = [
        Failure(
            filter: .and([available, .condition("nickname", .equal, .string("x"))]), mnemonic: .unexpectedParameters, field: "filter.filters[1].field"
        ),
        Failure(filter: .condition("patronymic", .regexp, .string("(")), mnemonic: .invalidParameterValue, field: "filter.value"),
        Failure(
            filter: .or([petrovich, .condition("email", .regexp, .string("a{2"))]), mnemonic: .invalidParameterValue, field: "filter.filters[1].value"
        ),
        Failure(filter: .condition("operator", .equal, .int(1)), mnemonic: .dataTypeError, field: "filter.value"),
        Failure(filter: .condition("patronymic", .overlap, .array([])), mnemonic: .invalidParameterValue, field: "filter.operator"),
        Failure(sort: [Sort(field: "id"), Sort(field: "groups")], mnemonic: .invalidParameterValue, field: "sort[1].field"),
        Failure(sort: [Sort(field: "nickname")], mnemonic: .unexpectedParameters, field: "sort[0].field"),
        Failure(fields: ["id", "nick"], mnemonic: .unexpectedParameters, field: "fields[1]"),
        Failure(limit: -1, mnemonic: .invalidParameterValue, field: "limit"),
        // The engine's order: the filter is checked before the sort, the sort before the fields.
        Failure(filter: .condition("x", .isNull), sort: [Sort(field: "y")], fields: ["z"], mnemonic: .unexpectedParameters, field: "filter.field"),
        Failure(sort: [Sort(field: "y")], fields: ["z"], mnemonic: .unexpectedParameters, field: "sort[0].field"),
    ]

    @Test(arguments: failures)
    func refuses(_ f: Failure) {
        #expect {
            _ = try QueryPlanner.plan(filter: f.filter, sort: f.sort, fields: f.fields, limit: f.limit)
        } throws: { error in
            let e = error as? DataAPIError
            return e?.mnemonic == f.mnemonic && e?.field == f.field
        }
    }

    @Test func appliesTheLocalPartInOrder() throws {
        let plan = try QueryPlanner.plan(filter: .condition("patronymic", .isNotNull), sort: [Sort(field: "id", order: .desc)], limit: 2, offset: 1)
        let rows = [
            Employee(id: 1, patronymic: "А"), Employee(id: 2), Employee(id: 3, patronymic: "Б"), Employee(id: 4, patronymic: "В"),
            Employee(id: 5, patronymic: "Г"),
        ]
        #expect(try plan.applyLocal(to: rows).map(\.id) == [4, 3])
        let past = try QueryPlanner.plan(filter: petrovich, offset: 10)
        #expect(try past.applyLocal(to: rows).isEmpty)
    }

    @Test func clampsThePageSize() throws {
        #expect(try QueryPlanner.plan(filter: nil, pageSize: 0).pageSize == 1)
        #expect(try QueryPlanner.plan(filter: nil, pageSize: 50_000).pageSize == 10_000)
    }
}
