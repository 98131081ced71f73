import DataAPIClient
import DataAPIContract
import DataAPIServer
import EmployeeQuery
import TestSupport
import Testing

/// For many random filters and sorts, the engine's answer equals the naive evaluation.
@Suite struct EnginePropertyTests {
    static let employees =
        FilterFixture.employees
        + DemoCompany.generate(employees: 400, seed: 11).map {
            var e = $0
            e.id += 100
            return e
        }
    static let records = employees.sorted { $0.id < $1.id }.map { try! JSON(parsing: $0.encoded()) }

    /// A random condition on a field, with values drawn from the records themselves so that they match sometimes.
    static func condition(_ rng: inout SplitMix64) -> JSON {
        let record = records.randomElement(using: &rng)!
        let scalarFields = [
            "id", "first_name", "last_name", "full_name", "email", "status", "call_recording", "calls_available",
            "schedule_id", "schedule_name",
        ]
        if Int.random(in: 0..<8, using: &rng) == 0 {
            let field = ["allowed_in_call_types", "allowed_out_call_types"].randomElement(using: &rng)!
            let values: [JSON] = ["internal", "external"].filter { _ in Bool.random(using: &rng) }.map(JSON.string)
            return .object([
                "field": .string(field), "operator": .string(["overlap", "not_overlap", "is_null"].randomElement(using: &rng)!),
                "value": .array(values),
            ]).removingValueForNullTests()
        }
        let field = scalarFields.randomElement(using: &rng)!
        let value = record[field]!
        // The documented operators for the field's kind, from the method description.
        let operators = EmployeeField(rawValue: field)?.kind.operators.map(\.rawValue) ?? []
        let patterns = ["like", "ilike", "not_like", "not_ilike"]
        var ops = operators.filter { !patterns.contains($0) && $0 != "regexp" }
        if case .string(let s) = value, operators.contains("like") {
            ops += patterns
            if ops.count > 0 && Int.random(in: 0..<3, using: &rng) > 0 {
                let op = ["like", "ilike", "not_like", "not_ilike"].randomElement(using: &rng)!
                var pattern = Array(s.prefix(4))
                if !pattern.isEmpty { pattern[Int.random(in: 0..<pattern.count, using: &rng)] = "_" }
                let text = (Bool.random(using: &rng) ? "%" : "") + String(pattern) + "%"
                return .object(["field": .string(field), "operator": .string(op), "value": .string(op.contains("ilike") ? text.uppercased() : text)])
            }
        }
        let op = ops.randomElement(using: &rng)!
        switch op {
        case "is_null", "is_not_null": return .object(["field": .string(field), "operator": .string(op)])
        case "in", "not_in":
            let values = (0..<Int.random(in: 0...3, using: &rng)).compactMap { _ in
                let v = records.randomElement(using: &rng)![field]!
                return v.isNull ? nil : v
            }
            return .object(["field": .string(field), "operator": .string(op), "value": .array(values)])
        default:
            if value.isNull && op != "=" && op != "!=" { return .object(["field": .string(field), "operator": .string("is_null")]) }
            return .object(["field": .string(field), "operator": .string(op), "value": value])
        }
    }

    static func filter(_ rng: inout SplitMix64, depth: Int = 0) -> JSON {
        guard depth < 3, Int.random(in: 0..<3, using: &rng) == 0 else { return condition(&rng) }
        let members = (0..<Int.random(in: 1...3, using: &rng)).map { _ in filter(&rng, depth: depth + 1) }
        return .object(["filters": .array(members), "condition": .string(Bool.random(using: &rng) ? "and" : "or")])
    }

    @Test(arguments: 0..<5)
    func randomFiltersMatchTheNaiveEvaluation(batch: Int) throws {
        let engine = makeEngine(Self.employees)
        var rng = SplitMix64(seed: UInt64(batch) &* 7919 &+ 1)
        var nonTrivial = 0
        for _ in 0..<100 {
            let filter = Self.filter(&rng)
            let sortFields = ["first_name", "last_name", "full_name", "patronymic", "calls_available"]
            let sort = (0..<Int.random(in: 0...2, using: &rng)).map { _ in (sortFields.randomElement(using: &rng)!, Bool.random(using: &rng)) }
            let expected = Naive.sorted(Self.records.filter { Naive.matches(filter, $0) }, by: sort).map { $0["id"]!.intValue! }
            let reply = engine.employees([
                "filter": filter, "limit": .int(10_000), "fields": json(["id"]),
                "sort": .array(sort.map { .object(["field": .string($0.0), "order": .string($0.1 ? "desc" : "asc")]) }),
            ])
            try #require(reply.error == nil, "\(filter.encodedString()): \(reply.json.encodedString())")
            #expect(reply.ids == expected, "\(filter.encodedString()) sort \(sort)")
            if !expected.isEmpty && expected.count < Self.records.count { nonTrivial += 1 }
        }
        #expect(nonTrivial > 20)  // the generator is not degenerate
    }
}

extension JSON {
    /// `is_null` takes no value.
    fileprivate func removingValueForNullTests() -> JSON {
        guard case .object(var o) = self, o["operator"] == .string("is_null") else { return self }
        o["value"] = nil
        return self == .null ? self : .object(o)
    }
}
