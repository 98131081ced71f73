import DataAPIContract

/// One scalar field's keys tabled for the tests an index can answer: `= != < <= > >=`, `in`,
/// `not_in`, the null tests, and the `like` family when the pattern starts with a literal.
///
/// Keys are what `CompiledFilter` compares: numbers as integers, Booleans as 0 and 1, strings
/// and enums as UTF-8 (in Unicode scalar order), and for `ilike` case-folded the way
/// `LikePattern` folds them. A null value has no key and fails every test but `is_null`.
struct FieldIndex: Sendable {
    private enum Tables: Sendable {
        /// Numbers, or Booleans as 0 and 1 (`booleans`): an operand of the other type matches nothing.
        case numbers(KeyTable<Int64>, booleans: Bool)
        case strings(exact: KeyTable<TextKey>, folded: KeyTable<TextKey>)
    }

    private let tables: Tables
    /// The records whose value is null.
    private let nulls: RecordSet

    /// Tables `field` of `employees`, or `nil` when the field is not a scalar (objects and arrays are not indexed).
    init?(_ field: EmployeeField, of employees: [Employee]) {
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
            tables = .strings(exact: KeyTable(exact), folded: KeyTable(folded))
            nulls = RecordSet(values.indices.lazy.filter { values[$0] == nil }.map { Int32($0) }, capacity: values.count)
        default:
            return nil
        }
    }

    /// A superset of the records that pass `test`, and whether it is exactly them; `nil` when
    /// the index cannot narrow the test (a `regexp`, a non-integral number, a pattern starting with a wildcard).
    func candidates(_ test: CompiledFilter.Test) -> IndexCandidates? {
        switch test {
        case .isNull(let wanted):
            return IndexCandidates(wanted ? nulls : nulls.complement(), exact: true)
        case .compare(let comparison, let operand):
            guard let set = compare(comparison, operand) else { return nil }
            return IndexCandidates(set, exact: true)
        case .member(let values, let negated):
            var union = RecordSet(capacity: nulls.capacity)
            for value in values {
                guard let set = compare(.equal, value) else { return nil }
                union.formUnion(set)
            }
            return IndexCandidates(negated ? notNull(except: union) : union, exact: true)
        case .like(let pattern, let negated):
            guard case .strings(let exact, let folded) = tables else { return nil }
            let table = pattern.caseInsensitive ? folded : exact
            let set: RecordSet
            let isExact: Bool
            switch pattern.anchor {
            case .equal(let literal): (set, isExact) = (table.equal(TextKey(scalars: literal)), true)
            case .prefix(let literal): (set, isExact) = (table.prefixed(TextKey(scalars: literal)), true)
            case .startsWith(let literal):
                guard !literal.isEmpty else { return nil }
                (set, isExact) = (table.prefixed(TextKey(scalars: literal)), false)
            }
            guard negated else { return IndexCandidates(set, exact: isExact) }
            // The complement of a superset is no superset of the complement.
            return isExact ? IndexCandidates(notNull(except: set), exact: true) : nil
        case .regexp, .jsquery, .overlap:
            return nil
        }
    }

    /// The records a comparison with a non-null operand holds for, or `nil` when the operand has no key of this field's kind.
    private func compare(_ comparison: CompiledFilter.Comparison, _ operand: JSON) -> RecordSet? {
        switch tables {
        case .numbers(let table, let booleans):
            guard let key = Self.numberKey(operand, booleans: booleans) else { return nil }
            return compare(comparison, key, in: table)
        case .strings(let table, _):
            guard case .string(let text) = operand else { return nil }
            return compare(comparison, TextKey(text), in: table)
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
