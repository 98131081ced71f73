import DataAPIClient
import DataAPIContract
import DataAPIServer
import EmployeeQuery
import Shell
import TestSupport
import Testing

/// A query as the user's Lua would hand it to the planner.
struct RandomQuery: Sendable {
    var filter: Filter?
    var sort: [Sort]
    var fields: [String]?
    var limit: Int?
    var offset: Int?
    var pageSize: Int
}

/// A generated company, an engine serving it, and random valid queries drawn from its own values.
final class Company: Sendable {
    let employees: [Employee]
    let engine: Engine

    init(seed: UInt64) {
        employees = DemoCompany.generate(employees: 2000, seed: seed)
        engine = makeEngine(employees)
    }

    // MARK: Generating

    func randomQuery(_ rng: inout SplitMix64) -> RandomQuery {
        let filter = Int.random(in: 0..<6, using: &rng) == 0 ? nil : randomFilter(&rng)
        let scalars = EmployeeField.allCases.filter { field in [.number, .string, .boolean].contains(field.kind) || field.kind.isEnumeration }
        var sort: [Sort] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            // Mostly sortable keys, so that whole sorts go to the server often enough.
            let pool = Bool.random(using: &rng) ? EmployeeField.sortable : scalars
            sort.append(Sort(field: pool.randomElement(using: &rng)!.rawValue, order: Bool.random(using: &rng) ? .asc : .desc))
        }
        var fields: [String]?
        if Int.random(in: 0..<4, using: &rng) > 0 {
            fields = (0..<Int.random(in: 1...4, using: &rng)).map { _ in EmployeeField.allCases.randomElement(using: &rng)!.rawValue }
        }
        let limit = Bool.random(using: &rng) ? nil : [0, 1, 7, 150, 900, 2500].randomElement(using: &rng)!
        let offset = Bool.random(using: &rng) ? nil : [0, 3, 400, 1900].randomElement(using: &rng)!
        return RandomQuery(
            filter: filter, sort: sort, fields: fields, limit: limit, offset: offset,
            pageSize: [300, 1000, 10_000].randomElement(using: &rng)!)
    }

    func randomFilter(_ rng: inout SplitMix64, depth: Int = 0) -> Filter {
        // Often an `and` of something with a condition the API cannot run, so that filters split.
        if depth == 0 && Int.random(in: 0..<3, using: &rng) == 0 {
            return .and([randomFilter(&rng, depth: 1), randomCondition(&rng, on: [.patronymic, .operator].randomElement(using: &rng)!)])
        }
        guard depth < 3, Int.random(in: 0..<5, using: &rng) < 2 else { return randomCondition(&rng) }
        let members = (0..<Int.random(in: 1...3, using: &rng)).map { _ in randomFilter(&rng, depth: depth + 1) }
        return Bool.random(using: &rng) ? .and(members) : .or(members)
    }

    /// A valid condition on any field with any operator its kind takes; values come from the records.
    func randomCondition(_ rng: inout SplitMix64, on chosen: EmployeeField? = nil) -> Filter {
        let field = chosen ?? EmployeeField.allCases.randomElement(using: &rng)!
        let name = field.rawValue
        let op = field.kind.operators.sorted { $0.rawValue < $1.rawValue }.randomElement(using: &rng)!
        let value = someValue(field, &rng)
        switch op {
        case .isNull, .isNotNull: return .condition(name, op)
        case .equal, .notEqual:
            return .condition(name, op, field.kind.isScalar && Int.random(in: 0..<5, using: &rng) > 0 ? value : .null)
        case .less, .greater, .lessOrEqual, .greaterOrEqual:
            return value.isNull ? .condition(name, .isNull) : .condition(name, op, value)
        case .in, .notIn:
            let values = (0..<Int.random(in: 0...3, using: &rng)).map { _ in someValue(field, &rng) }.filter { !$0.isNull }
            return .condition(name, op, .array(values))
        case .like, .ilike, .notLike, .notIlike:
            let text = value.stringValue ?? "a"
            var pattern = Array(text.prefix(Int.random(in: 1...4, using: &rng)))
            pattern[Int.random(in: 0..<pattern.count, using: &rng)] = "_"
            let cased = op == .ilike || op == .notIlike ? String(pattern).uppercased() : String(pattern)
            return .condition(name, op, .string((Bool.random(using: &rng) ? "%" : "") + cased + "%"))
        case .regexp:
            let text = (value.stringValue ?? "a").filter { $0.isLetter || $0.isNumber }
            let pattern = ["^" + String(text.prefix(2)), String(text.suffix(2)) + "$", "[аеиоу]{2}", "^[A-Za-z]", "(ов|ев)"]
            return .condition(name, op, .string(pattern.randomElement(using: &rng)!))
        case .overlap, .notOverlap:
            return .condition(name, op, .array(CallType.known.filter { _ in Bool.random(using: &rng) }.map { .string($0.rawValue) }))
        default:  // .jsquery
            return .condition(name, op, .string(jsquery(field, &rng)))
        }
    }

    /// A value of a scalar field from a random record (often null for sparse fields).
    private func someValue(_ field: EmployeeField, _ rng: inout SplitMix64) -> JSON {
        let value = employees.randomElement(using: &rng)!.field(field)
        if case .enumeration(let allowed) = field.kind, let s = value.stringValue, !allowed.contains(s) { return .null }
        return field.kind.isScalar ? value : .null
    }

    private func jsquery(_ field: EmployeeField, _ rng: inout SplitMix64) -> String {
        let n = Int.random(in: 1...12, using: &rng)
        let group = employees.randomElement(using: &rng)!.groups.first?.groupID ?? 2000
        let site = [5301, 5302, 5317, 5340, 5366, 5391, 1].randomElement(using: &rng)!
        let choices: [String]
        switch field {
        case .groups: choices = ["#.group_id = \(group)", "#.group_id IN (\(group), 2008)", "$ = *"]
        case .phoneNumbers: choices = [#"#.status = "active""#, "#.channels_count > \(n % 4)", "#.dial_time >= \(n * 8)"]
        case .coach: choices = ["coach_always_enabled = true", "coach_id > \(employees[n].id)", "coach_id = *"]
        case .extension: choices = ["extension_queue_enabled = true", "extension_voice_mail_enabled = false AND extension_queue_enabled = true"]
        case .operator: choices = ["operator_sites.#.site_id = \(site)", "operator_chat_enabled = true", "NOT operator_chats_available = true"]
        default: choices = [#"# = "internal""#, #"# = "external""#, #"$ @> ["internal", "external"]"#]
        }
        return choices.randomElement(using: &rng)!
    }

    /// Replaces a random leaf of `filter` with `bad`.
    /// - Returns: The new filter and the path of `bad` in it.
    static func inject(_ bad: Filter, into filter: Filter, path: String, _ rng: inout SplitMix64) -> (Filter, String) {
        guard case .group(var group) = filter else { return (bad, path) }
        let index = Int.random(in: 0..<group.filters.count, using: &rng)
        let (member, memberPath) = inject(bad, into: group.filters[index], path: "\(path).filters[\(index)]", &rng)
        group.filters[index] = member
        return (.group(group), memberPath)
    }

    // MARK: Running

    /// Pages through `plan.serverQuery` on the engine as the client's pager does, dropping repeated ids.
    func fetch(_ plan: QueryPlan, context: String) throws -> [Employee] {
        let query = plan.serverQuery
        let pager = Pager(offset: query.offset ?? 0, limit: query.limit, pageSize: plan.pageSize, ordered: query.sort.isEmpty)
        var rows: [JSON] = []
        var seen = Set<Int64>()
        func page(_ request: Pager.Request) throws -> EngineReply {
            var paged = query
            paged.limit = request.limit
            paged.offset = request.offset
            let reply = engine.employees(paged.params(accessToken: nil))
            try #require(reply.error == nil, "\(context): \(reply.json.encodedString())")
            for row in reply.rows where rows.count < (query.limit ?? .max) && seen.insert(row["id"]?.intValue ?? -1).inserted { rows.append(row) }
            return reply
        }
        var queue = pager.first().map { [$0] } ?? []
        while !queue.isEmpty {
            let request = queue.removeFirst()
            let reply = try page(request)
            let remaining = query.limit.map { $0 - rows.count }
            let action = pager.next(after: request, received: reply.rows.count, total: reply.totalItems.map { Int($0) }, remaining: remaining)
            if action == .done { break }
            if queue.isEmpty, case .fetch(let rest) = action { queue = rest }
        }
        if let fields = query.fields {
            for row in rows { #expect(Set(row.objectValue?.keys ?? []) == Set(fields), "\(context)") }
        }
        return try rows.map { try Employee(json: $0) }
    }

    /// The whole query evaluated locally on every record.
    func evaluateLocally(_ q: RandomQuery) throws -> [Employee] {
        var rows = employees
        if let filter = q.filter {
            let local = try LocalFilter(filter)
            rows = try local.filter(rows)
        }
        rows = try LocalSort(q.sort).sorted(rows)
        let start = min(q.offset ?? 0, rows.count)
        return Array(rows[start..<(q.limit.map { min(rows.count, start + $0) } ?? rows.count)])
    }

    /// The query with `patronymic` and `operator` conditions moved to fields of the same kind the engine
    /// filters (`first_name`, `coach`), and unsortable sort keys to `last_name`, so that the engine checks
    /// everything else.
    static func engineAcceptable(_ q: RandomQuery) -> Query {
        func swap(_ filter: Filter) -> Filter {
            switch filter {
            case .group(var group):
                group.filters = group.filters.map(swap)
                return .group(group)
            case .condition(var condition):
                if condition.field == "patronymic" { condition.field = "first_name" }
                if condition.field == "operator" { condition.field = "coach" }
                return .condition(condition)
            }
        }
        let sort = q.sort.map { key in
            EmployeeField(rawValue: key.field).map { $0.isSortable ? key : Sort(field: "last_name", order: key.order) } ?? key
        }
        return Query(filter: q.filter.map(swap), sort: sort, fields: q.fields, limit: q.limit, offset: q.offset)
    }
}

extension FieldKind {
    var isEnumeration: Bool {
        if case .enumeration = self { return true }
        return false
    }
    var isScalar: Bool { [.number, .string, .boolean].contains(self) || isEnumeration }
}

/// The generator makes only queries the engine accepts (with unfilterable fields swapped), in every shape.
@Suite struct PlannerGeneratorTests {
    @Test func generatesValidQueriesOfEveryShape() throws {
        let company = Company(seed: 9)
        var rng = SplitMix64(seed: 99)
        var operators = Set<FilterOperator>()
        var fields = Set<String>()
        for _ in 0..<300 {
            let q = company.randomQuery(&rng)
            let reply = company.engine.employees(Company.engineAcceptable(q).params(accessToken: nil).merging(limit: 0))
            #expect(reply.error == nil, "\(reply.json.encodedString())")
            func walk(_ filter: Filter) {
                switch filter {
                case .condition(let c):
                    operators.insert(c.op)
                    fields.insert(c.field)
                case .group(let g): g.filters.forEach(walk)
                }
            }
            q.filter.map(walk)
        }
        #expect(operators == Set(FilterOperator.known))
        #expect(fields == Set(EmployeeField.allCases.map(\.rawValue)))
    }
}

extension JSONObject {
    /// A copy with `limit` set (so a check costs no rows).
    func merging(limit: Int) -> JSONObject {
        var copy = self
        copy["limit"] = .int(Int64(limit))
        return copy
    }
}
