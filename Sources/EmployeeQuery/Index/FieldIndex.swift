import DataAPIContract

/// One field's keys tabled for the tests an index can answer. A scalar field answers
/// `= != < <= > >=`, `in`, `not_in` and the null tests from its key table, and the `like` family and
/// `regexp` by testing its distinct keys (`TextSearch`); an object or array field answers `jsquery`
/// by testing its distinct values (`ValueTable`). Every answer is exact.
///
/// Keys are what `CompiledFilter` compares: numbers as integers, Booleans as 0 and 1, strings
/// and enums as UTF-8 (in Unicode scalar order), and for `ilike` case-folded the way
/// `LikePattern` folds them. A null value has no key and fails every test but `is_null`.
struct FieldIndex: Sendable {
    private enum Tables: Sendable {
        /// Numbers, or Booleans as 0 and 1 (`booleans`): an operand of the other type matches nothing.
        case numbers(KeyTable<Int64>, booleans: Bool)
        case strings(exact: TextSearch, folded: TextSearch)
        /// An object or array field's distinct values.
        case values(ValueTable)
    }

    private let tables: Tables
    /// The records whose value is null.
    private let nulls: RecordSet

    /// Tables `field` of `employees`.
    init(_ field: EmployeeField, of employees: [Employee]) {
        switch field.kind {
        case .number, .boolean:
            let booleans = field.kind == .boolean
            let keys = employees.map { Self.numberKey(EmployeeValue.json($0, field), booleans: booleans) }
            tables = .numbers(KeyTable(keys), booleans: booleans)
            nulls = RecordSet(keys.indices.lazy.filter { keys[$0] == nil }.map { Int32($0) }, capacity: keys.count)
        case .string, .enumeration:
            let values = employees.map { EmployeeValue.string($0, field) }
            let exact = values.map { $0.map(TextKey.init) }
            let folded = values.map { $0.map { TextKey(utf8: LikePattern.caseFoldedUTF8($0)) } }
            tables = .strings(exact: TextSearch(KeyTable(exact)), folded: TextSearch(KeyTable(folded)))
            nulls = RecordSet(values.indices.lazy.filter { values[$0] == nil }.map { Int32($0) }, capacity: values.count)
        default:
            tables = .values(ValueTable(field, of: employees))
            let empty = employees.indices.lazy.filter { EmployeeValue.isNull(employees[$0], field) }
            nulls = RecordSet(empty.map { Int32($0) }, capacity: employees.count)
        }
    }

    /// A superset of the records that pass `test`, and whether it is exactly them; `nil` when
    /// the index cannot narrow the test (a non-integral number, an operand of another type, an
    /// object or array field with mostly distinct values).
    /// - Parameter meter: The evaluation's steps: one for each distinct key or value tested, and a pattern's or jsquery's own.
    /// - Throws: `IndexGaveUp` when a `regexp` or the budget failed on some key: the scan then answers, with its own errors.
    func candidates(_ test: CompiledFilter.Test, meter: EvaluationMeter) throws(IndexGaveUp) -> IndexCandidates? {
        switch (test, tables) {
        case (.isNull(let wanted), _):
            return IndexCandidates(wanted ? nulls : nulls.complement(), exact: true)
        case (.compare(let comparison, let operand), _):
            guard let set = compare(comparison, operand) else { return nil }
            return IndexCandidates(set, exact: true)
        case (.member(let values, let negated), _):
            var union = RecordSet(capacity: nulls.capacity)
            for value in values {
                guard let set = compare(.equal, value) else { return nil }
                union.formUnion(set)
            }
            return IndexCandidates(negated ? notNull(except: union) : union, exact: true)
        case (.like(let pattern, let negated), .strings(let exact, let folded)):
            let search = pattern.caseInsensitive ? folded : exact
            let set: RecordSet
            switch pattern.anchor {
            case .equal(let literal): set = search.table.equal(TextKey(scalars: literal))
            case .prefix(let literal): set = search.table.prefixed(TextKey(scalars: literal))
            case .startsWith(let literal):
                let runs = pattern.literalRuns
                // The folded table's keys are folded as the pattern folds a subject: matched as they are.
                guard let found = Self.attempt({ try search.records(prefix: literal, runs: runs, meter: meter, passing: pattern.matches(utf8:)) })
                else { throw IndexGaveUp() }
                set = found
            }
            return IndexCandidates(negated ? notNull(except: set) : set, exact: true)
        case (.regexp(let regex, let path), .strings(let exact, _)):
            let runs = RegexLiterals.required(in: regex.pattern)
            let set = Self.attempt {
                try exact.records(prefix: [], runs: runs, meter: meter) { try meter.matches(regex, String(decoding: $0, as: UTF8.self), path: path) }
            }
            guard let set else {
                throw IndexGaveUp()
            }
            return IndexCandidates(set, exact: true)
        case (.jsquery(let query), .values(let table)):
            let answer = Self.attempt {
                try table.records(meter: meter) { value throws(DataAPIError) in
                    let passes = query.matches(value, meter: meter)
                    try meter.check()
                    return passes
                }
            }
            guard let answer else { throw IndexGaveUp() }
            return answer.map { IndexCandidates($0, exact: true) }
        default:
            return nil
        }
    }

    /// `body`'s answer, or `nil` when it threw.
    private static func attempt<Answer>(_ body: () throws -> Answer) -> Answer? { try? body() }

    /// The records a comparison with a non-null operand holds for, or `nil` when the operand has no key of this field's kind.
    private func compare(_ comparison: CompiledFilter.Comparison, _ operand: JSON) -> RecordSet? {
        switch tables {
        case .numbers(let table, let booleans):
            guard let key = Self.numberKey(operand, booleans: booleans) else { return nil }
            return compare(comparison, key, in: table)
        case .strings(let search, _):
            guard case .string(let text) = operand else { return nil }
            return compare(comparison, TextKey(text), in: search.table)
        case .values:
            return nil
        }
    }

    private func compare<Key>(_ comparison: CompiledFilter.Comparison, _ key: Key, in table: KeyTable<Key>) -> RecordSet {
        switch comparison {
        case .equal: table.equal(key)
        case .notEqual: table.comparing(to: key, below: true, equal: false, above: true)
        case .less: table.comparing(to: key, below: true, equal: false, above: false)
        case .lessOrEqual: table.comparing(to: key, below: true, equal: true, above: false)
        case .greater: table.comparing(to: key, below: false, equal: false, above: true)
        case .greaterOrEqual: table.comparing(to: key, below: false, equal: true, above: true)
        }
    }

    /// The non-null records outside `set`: what a negated test holds for, since null fails it too.
    private func notNull(except set: RecordSet) -> RecordSet {
        var result = nulls.complement()
        result.subtract(set)
        return result
    }

    /// An integer (or with `booleans` a Boolean) as its key; `nil` for null or another type, and
    /// for a `double`, which compares as a `Double` and so is left to the scan.
    private static func numberKey(_ value: JSON, booleans: Bool) -> Int64? {
        switch value {
        case .int(let number) where !booleans: number
        case .bool(let flag) where booleans: flag ? 1 : 0
        default: nil
        }
    }
}

/// An index's search stopped (a `regexp` past its limits on some key, or the evaluation's budget):
/// the request is answered by the scan, which fails on the same record as it does without an index.
struct IndexGaveUp: Error {}
