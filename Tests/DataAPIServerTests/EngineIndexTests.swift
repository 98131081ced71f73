import DataAPIClient
import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// The indexed engine (per-field indexes, precomputed sort orders, pages picked without sorting
/// every match) answers every request byte for byte as the scanning engine does: same rows in the
/// same order, same `total_items`, same errors, same point accounting — also under churn.
@Suite struct EngineIndexTests {
    /// A company large enough that sorted pages take the walk through the precomputed order
    /// (`PageSelector.sortAllBelow` is 1024 matches), plus records with awkward values.
    static let company: [Employee] =
        DemoCompany.generate(employees: 1800, seed: 23) + [
            Employee(id: 900_001, firstName: "Ёлка", lastName: "Ёжиков", fullName: "Ёжиков Ёлка", status: .available, callsAvailable: true),
            Employee(id: 900_002, firstName: "ёлка", lastName: "ёжиков", fullName: "ёжиков ёлка", scheduleID: -1),
            Employee(id: 900_003, firstName: "E\u{301}mile", lastName: "50%_off", fullName: "50%_off E\u{301}mile", email: ""),
            Employee(id: 900_004, firstName: "\u{C9}mile", lastName: "😀", status: EmployeeStatus(rawValue: "vacation")),
            Employee(id: 900_005),
            Employee(id: 900_006, firstName: "Ёлка", lastName: "Е\u{308}жиков", fullName: "Е\u{308}жиков Ёлка Иванова"),
            Employee(id: 900_007, firstName: "", lastName: "", fullName: ""),
            Employee(id: 900_008, firstName: "ИВАН", lastName: "ИВАНОВ", fullName: "ИВАНОВ ИВАН ЁЖИКОВИЧ", status: .available),
            Employee(id: 900_009, firstName: "Иван_ов", lastName: "\u{23A}😀", fullName: "\u{23A}😀 Иван_ов 100%", email: "ivan_100%@x.ru"),
            Employee(id: 900_010, firstName: "\u{130}van", lastName: "Ivanov", fullName: "Ivanov \u{130}van", email: "IVAN@X.RU"),
        ]
    static let fields: [EmployeeField] = [
        .id, .firstName, .lastName, .fullName, .email, .status, .callRecording, .callsAvailable, .scheduleID, .scheduleName,
    ]

    static func engines(churn: Int = 0, clock: ManualClock) -> (indexed: Engine, scanned: Engine) {
        func engine(indexed: Bool) -> Engine {
            var configuration = EngineConfiguration.demo(employees: company, token: testToken, dayLimit: 1_000_000, minuteLimit: 1_000_000)
            configuration.clock = clock
            configuration.churn = Churn(perSecond: churn)
            configuration.usesIndexes = indexed
            return Engine(configuration)
        }
        return (engine(indexed: true), engine(indexed: false))
    }

    /// A `like`-family pattern from a value: mostly a literal prefix and `%`, sometimes with `_`,
    /// a leading `%`, the whole value, or changed case.
    static func pattern(from value: String, _ rng: inout SplitMix64) -> String {
        var literal = Array(value.prefix(Int.random(in: 0...4, using: &rng)))
        switch Int.random(in: 0..<8, using: &rng) {
        case 0 where !literal.isEmpty: literal[Int.random(in: 0..<literal.count, using: &rng)] = "_"
        case 1: return "%" + String(literal) + "%"
        case 2: return value
        case 3: return String(literal).uppercased() + "%"
        case 4: return String(literal).lowercased() + "%"
        default: break
        }
        return String(literal) + "%"
    }

    /// A random condition whose values come from the records, so that it matches sometimes.
    static func condition(_ rng: inout SplitMix64) -> JSON {
        if Int.random(in: 0..<12, using: &rng) == 0 {
            return .object([
                "field": .string("groups"), "operator": .string("jsquery"),
                "value": .string("#.group_id = \(Int.random(in: 1...8, using: &rng))"),
            ])
        }
        let field = fields.randomElement(using: &rng)!
        let value = EmployeeValue.json(company.randomElement(using: &rng)!, field)
        let ops = field.kind.operators.filter { $0 != .regexp || Int.random(in: 0..<10, using: &rng) == 0 }
        let op = ops.randomElement(using: &rng)!
        var condition: JSONObject = ["field": .string(field.rawValue), "operator": .string(op.rawValue)]
        switch op {
        case .isNull, .isNotNull:
            break
        case .like, .ilike, .notLike, .notIlike:
            condition["value"] = .string(pattern(from: value.stringValue ?? "Ив", &rng))
        case .regexp:
            condition["value"] = .string("^" + String((value.stringValue ?? "И").prefix(2)))
        case .in, .notIn:
            let values = (0..<Int.random(in: 0...4, using: &rng)).compactMap { _ -> JSON? in
                let other = EmployeeValue.json(company.randomElement(using: &rng)!, field)
                if case .int(let number) = other, Bool.random(using: &rng) { return .double(Double(number)) }
                return other.isNull ? nil : other
            }
            condition["value"] = .array(values)
        default:
            if case .int(let number) = value, Int.random(in: 0..<4, using: &rng) == 0 {
                condition["value"] = .double(Double(number) + [0, 0.5, -0.5].randomElement(using: &rng)!)
            } else {
                condition["value"] = value
            }
        }
        return .object(condition)
    }

    static func filter(_ rng: inout SplitMix64, depth: Int = 0) -> JSON {
        guard depth < 2, Int.random(in: 0..<3, using: &rng) == 0 else { return condition(&rng) }
        let members = (0..<Int.random(in: 1...3, using: &rng)).map { _ in filter(&rng, depth: depth + 1) }
        return .object(["filters": .array(members), "condition": .string(Bool.random(using: &rng) ? "and" : "or")])
    }

    /// A random request: no filter sometimes, a sort of up to three keys, offsets and limits around the edges.
    static func params(_ rng: inout SplitMix64) -> JSONObject {
        var params: JSONObject = [:]
        if Int.random(in: 0..<6, using: &rng) > 0 { params["filter"] = filter(&rng) }
        let sortable = EmployeeField.sortable
        let keys = (0..<[0, 1, 1, 2, 3].randomElement(using: &rng)!).map { _ -> JSON in
            .object(["field": .string(sortable.randomElement(using: &rng)!.rawValue), "order": .string(Bool.random(using: &rng) ? "desc" : "asc")])
        }
        if !keys.isEmpty { params["sort"] = .array(keys) }
        params["offset"] = .int([0, 0, 0, 1, 9, 100, 1200, 1790, 1809, 5000].randomElement(using: &rng)!)
        params["limit"] = .int([0, 1, 10, 10, 20, 100, 1815].randomElement(using: &rng)!)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: params["fields"] = .array([.string("id")])
        case 1: params["fields"] = .array(["id", "full_name", "status"].map(JSON.string))
        default: break
        }
        return params
    }

    /// What the random requests covered, so that a degenerate generator fails the test.
    struct Coverage {
        var sortedWalks = 0
        var narrowed = 0
        var errors = 0
    }

    /// Sends one request to both engines and expects the same bytes back.
    /// - Returns: The scan's `total_items`; `nil` for an error reply.
    @discardableResult
    func compare(_ engines: (indexed: Engine, scanned: Engine), _ params: JSONObject, _ coverage: inout Coverage) -> Int64? {
        let indexed = engines.indexed.employees(params)
        let scanned = engines.scanned.employees(params)
        let same = indexed.bytes == scanned.bytes
        #expect(
            same,
            """
            \(JSON.object(params).encodedString())
            indexed: \(String(decoding: indexed.bytes.prefix(600), as: UTF8.self))
            scanned: \(String(decoding: scanned.bytes.prefix(600), as: UTF8.self))
            """)
        guard let total = scanned.totalItems else {
            coverage.errors += 1
            return nil
        }
        if params["sort"] != nil && total >= 1024 && indexed.rows.count > 0 { coverage.sortedWalks += 1 }
        if total > 0 && total < Self.company.count { coverage.narrowed += 1 }
        return total
    }

    @Test(arguments: 0..<4)
    func randomRequestsAnswerAsTheScan(batch: Int) {
        let engines = Self.engines(clock: ManualClock())
        var rng = SplitMix64(seed: UInt64(batch) &* 104_729 &+ 17)
        var coverage = Coverage()
        for _ in 0..<100 { compare(engines, Self.params(&rng), &coverage) }
        #expect(coverage.sortedWalks > 8)
        #expect(coverage.narrowed > 25)
    }

    /// A pattern that needs the distinct keys searched: a middle or final piece of a value (three
    /// scalars or more, so that trigrams narrow it), with `_` (also first or last), escaped,
    /// changed or mixed case, or as a `regexp` with a wildcard, an option or an alternation.
    static func search(_ rng: inout SplitMix64) -> JSON {
        let field = [EmployeeField.fullName, .lastName, .email, .scheduleName, .firstName].randomElement(using: &rng)!
        let value = Array(EmployeeValue.string(company.randomElement(using: &rng)!, field) ?? "Иванова")
        let start = Int.random(in: 0..<max(1, value.count - 2), using: &rng)
        var piece = String(value[start..<min(value.count, start + Int.random(in: 3...6, using: &rng))])
        let op: String
        let literal = piece.map { "%_\\".contains($0) ? "\\" + String($0) : String($0) }.joined()
        let mixed = piece.enumerated().map { $0.offset % 2 == 0 ? $0.element.uppercased() : $0.element.lowercased() }.joined()
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: (op, piece) = ("like", "%" + piece)
        case 1: (op, piece) = ("ilike", "%" + piece.uppercased() + "%")
        case 2: (op, piece) = ("not_ilike", "%" + piece + "%")
        case 3: (op, piece) = ("like", "%" + piece.dropLast() + "_%")
        case 4: (op, piece) = ("regexp", piece.prefix(2) + "." + piece.dropFirst(3))
        case 5: (op, piece) = ("regexp", "(?i)" + piece.lowercased())
        case 6: (op, piece) = ("regexp", piece + "|ов$")
        case 7:
            let jsquery = ["#.group_id = \(Int.random(in: 1...8, using: &rng))", "#.status = \"inactive\"", "extension_queue_enabled = true"]
            let fieldName = ["groups", "phone_numbers", "extension"].randomElement(using: &rng)!
            return .object(["field": .string(fieldName), "operator": .string("jsquery"), "value": .string(jsquery.randomElement(using: &rng)!)])
        case 9: (op, piece) = ("like", "%" + literal + "_")
        case 10: (op, piece) = ("ilike", "%_" + mixed + "%")
        case 11: (op, piece) = ("not_like", "_%" + literal + "%")
        default: (op, piece) = ("like", "%" + piece + "%")
        }
        return .object(["field": .string(field.rawValue), "operator": .string(op), "value": .string(piece)])
    }

    @Test func randomSearchesAnswerAsTheScan() {
        let engines = Self.engines(clock: ManualClock())
        var rng = SplitMix64(seed: 2311)
        var coverage = Coverage()
        for _ in 0..<150 {
            var params = Self.params(&rng)
            let search = Self.search(&rng)
            let and = JSON.object(["filters": .array([search, Self.condition(&rng)]), "condition": .string("and")])
            params["filter"] = Bool.random(using: &rng) ? search : and
            compare(engines, params, &coverage)
        }
        #expect(coverage.narrowed > 40)
    }

    /// Searches on the awkward names (Ё and ё, a combining diaeresis, `_` and `%` in the data, a
    /// lower case of another UTF-8 length, İ, empty and null names) with `_`, escapes and changed
    /// case, by each `like` operator, sorted or not: the index's byte matching of its (folded)
    /// keys, narrowed by trigrams, answers as the scan does.
    @Test func awkwardSearchesAnswerAsTheScan() {
        let engines = Self.engines(clock: ManualClock())
        var coverage = Coverage()
        let patterns = [
            "%Иван%", "%иван%", "%ИВАН%", "%_ван%", "%Ив_н%", "%ва_%", "%ов_", "%_", "_%", "%", "", "%%", "Иванов %", "%ова",
            "%\\%", "%\\%%", "%\\_%", "%н\\_о%", "%0\\%", "%Ёлка%", "%ёлка%", "%Е\u{308}ж%", "%е\u{308}Ж%", "%е_жик%", "%ЁЖИК%", "%ёжик%",
            "%😀 И%", "%_ Иван%", "%ⱥ😀%", "%\u{130}van", "%i\u{307}van%", "ivanov%", "%@x.ru", "%@X.RU",
        ]
        let sort = JSON.array([.object(["field": .string("full_name"), "order": .string("desc")])])
        for pattern in patterns {
            for op in ["like", "ilike", "not_like", "not_ilike"] {
                for field in ["full_name", "first_name", "email"] {
                    let condition: JSON = .object(["field": .string(field), "operator": .string(op), "value": .string(pattern)])
                    compare(engines, ["filter": condition, "limit": .int(20), "fields": .array([.string("id")])], &coverage)
                    compare(engines, ["filter": condition, "limit": .int(5), "offset": .int(3), "sort": sort], &coverage)
                }
            }
        }
        #expect(coverage.narrowed > 300 && coverage.errors == 0)
        // The awkward records alone, so that the answers are known.
        func awkward(_ op: String, _ pattern: String) -> Int64? {
            let filters: [JSON] = [
                .object(["field": .string("full_name"), "operator": .string(op), "value": .string(pattern)]),
                .object(["field": .string("id"), "operator": .string(">"), "value": .int(900_000)]),
            ]
            return compare(engines, ["filter": .object(["filters": .array(filters), "condition": .string("and")])], &coverage)
        }
        #expect(awkward("ilike", "%ёжик%") == 3)
        #expect(awkward("like", "%ёжик%") == 1)
        #expect(awkward("ilike", "%иван%") == 3)
        #expect(awkward("not_ilike", "%иван%") == 5)
        #expect(awkward("like", "%н\\_о%") == 1)
        #expect(awkward("like", "%\\%%") == 2)
        #expect(awkward("like", "%\\%") == 1)
        #expect(awkward("ilike", "%е_жик%") == 1)
        #expect(awkward("ilike", "%ⱥ%") == 1)
        #expect(awkward("ilike", "%\u{130}VAN") == 1)
        #expect(awkward("ilike", "%i\u{307}van%") == 0)
        #expect(awkward("like", "") == 1)
    }

    @Test func randomRequestsAnswerAsTheScanUnderChurn() {
        let clock = ManualClock()
        let engines = Self.engines(churn: 400, clock: clock)
        var rng = SplitMix64(seed: 4242)
        var coverage = Coverage()
        let available = JSON.object(["field": .string("status"), "operator": .string("="), "value": .string("available")])
        var totals = Set<Int64>()
        for step in 0..<80 {
            if step % 10 == 0 {
                clock.advance(by: Double(Int.random(in: 1...3, using: &rng)))
                let statusParams: JSONObject = ["filter": available, "limit": .int(5), "sort": .array([.object(["field": .string("last_name")])])]
                if let total = compare(engines, statusParams, &coverage) { totals.insert(total) }
            }
            compare(engines, Self.params(&rng), &coverage)
        }
        #expect(totals.count > 3, "the churn changes which records are available, so a stale index would show")
    }

    @Test func errorsAndPointsAreTheScansToo() {
        let engines = Self.engines(clock: ManualClock())
        var coverage = Coverage()
        let requests: [JSONObject] = [
            ["filter": json(["field": "status", "operator": "in", "value": ["available", 5]] as KeyValuePairs<String, Any>)],
            ["filter": json(["field": "status", "operator": "=", "value": "vacation"] as KeyValuePairs<String, Any>)],
            ["filter": json(["field": "nickname", "operator": "=", "value": "x"] as KeyValuePairs<String, Any>)],
            ["filter": json(["field": "patronymic", "operator": "=", "value": "x"] as KeyValuePairs<String, Any>)],
            ["filter": json(["field": "first_name", "operator": "like", "value": "a\\"] as KeyValuePairs<String, Any>)],
            ["filter": json(["field": "first_name", "operator": "regexp", "value": "(("] as KeyValuePairs<String, Any>)],
            ["sort": json([["field": "email"] as KeyValuePairs<String, Any>])],
            ["offset": .int(100_001)],
            [
                "filter": json(["field": "id", "operator": "in", "value": [900_001, 900_003.0, 2.5]] as KeyValuePairs<String, Any>), "limit": .int(0),
            ],
        ]
        for params in requests { compare(engines, params, &coverage) }
        #expect(coverage.errors == 8)
    }
}
