import DataAPIContract
import PostgresRegex

/// A validated filter, compiled once per request (patterns, regular expressions and jsquery
/// parsed), then evaluated on each record without allocation or locking.
///
/// **Null semantics (SQL-like).** A scalar field that is null fails every comparison, `like`
/// family, `regexp`, `in` and `not_in` test — `!=`, `not_like` and `not_in` included — and
/// passes only `is_null` (and `= null`). Object and array fields are never null: empty, they hold
/// `{}` and `[]` (spec §1), so `is_null` never matches them and `is_not_null` always does — what
/// `is_null` matches is exactly where a script reading the row sees `json.null`. `overlap` and
/// `not_overlap` look only at the elements, so an empty array passes `not_overlap`. `jsquery` sees
/// the field's JSON as the reply carries it (`{}` for an empty object; `NOT coach_id = *` finds it).
indirect enum CompiledFilter: Sendable {
    /// Every filter holds (`"condition": "and"`).
    case all([CompiledFilter])
    /// Some filter holds (`"condition": "or"`).
    case any([CompiledFilter])
    /// A test on one field.
    case test(EmployeeField, Test)

    /// A test on one field's value.
    enum Test: Sendable {
        /// `is_null` (`true`) / `is_not_null` (`false`), also `= null` / `!= null`.
        case isNull(Bool)
        /// `= != < > <= >=` against a non-null scalar of the field's type.
        case compare(Comparison, JSON)
        /// `like`, `ilike` and, negated, `not_like`, `not_ilike`.
        case like(LikePattern, negated: Bool)
        /// `regexp`: PostgreSQL's `~`, a match anywhere in the value; `path` names the value for errors.
        case regexp(PostgresRegex, path: String)
        /// `jsquery` on the field's JSON.
        case jsquery(JSQuery)
        /// `in` and, negated, `not_in`.
        case member([JSON], negated: Bool)
        /// `overlap` and, negated, `not_overlap`, on an array of enum values.
        case overlap(Set<String>, negated: Bool)
    }

    /// A scalar comparison.
    enum Comparison: Sendable {
        case equal, notEqual, less, greater, lessOrEqual, greaterOrEqual

        func holds(_ order: Int) -> Bool {
            switch self {
            case .equal: order == 0
            case .notEqual: order != 0
            case .less: order < 0
            case .greater: order > 0
            case .lessOrEqual: order <= 0
            case .greaterOrEqual: order >= 0
            }
        }
    }

    /// Whether the record passes, each test taking its steps from `meter`.
    /// - Throws: `invalid_parameter_value` naming the `regexp` value whose match ran past its own
    ///   limit, or naming `filter` when the meter's steps are spent.
    func matches(_ employee: Employee, meter: EvaluationMeter) throws(DataAPIError) -> Bool {
        switch self {
        case .all(let filters):
            for filter in filters where !(try filter.matches(employee, meter: meter)) { return false }
            return true
        case .any(let filters):
            for filter in filters where try filter.matches(employee, meter: meter) { return true }
            return false
        case .test(let field, let test):
            guard meter.take() else {
                try meter.check()
                return false
            }
            return try test.matches(employee, field, meter: meter)
        }
    }

    /// The indices of the records that pass, in order, within a budget of steps.
    /// - Throws: `invalid_parameter_value`: a `regexp` match past its own budget, or the whole
    ///   evaluation past `budget` (naming `filter`).
    func matchingIndices(in employees: [Employee], within budget: EvaluationBudget) throws(DataAPIError) -> [Int32] {
        let meter = EvaluationMeter(budget)
        var indices: [Int32] = []
        // Through a buffer each record is borrowed; subscripting the array copies it, a retain and a release per field.
        try employees.withUnsafeBufferPointer { records throws(DataAPIError) in
            for index in records.indices {
                try meter.tick()
                if try matches(records[index], meter: meter) { indices.append(Int32(index)) }
            }
        }
        return indices
    }
}

extension CompiledFilter.Test {
    func matches(_ employee: Employee, _ field: EmployeeField, meter: EvaluationMeter) throws(DataAPIError) -> Bool {
        switch self {
        case .isNull(let wanted):
            return EmployeeValue.isNull(employee, field) == wanted
        case .compare(let comparison, let operand):
            guard let order = Self.order(EmployeeValue.json(employee, field), operand) else { return false }
            return comparison.holds(order)
        case .like(let pattern, let negated):
            guard let value = EmployeeValue.string(employee, field) else { return false }
            return pattern.matches(value) != negated
        case .regexp(let regex, let path):
            guard let value = EmployeeValue.string(employee, field) else { return false }
            return try meter.matches(regex, value, path: path)
        case .jsquery(let query):
            let passes = query.matches(employee.field(field), meter: meter)
            try meter.check()
            return passes
        case .member(let values, let negated):
            let value = EmployeeValue.json(employee, field)
            if value.isNull { return false }
            return values.contains { Self.order(value, $0) == 0 } != negated
        case .overlap(let wanted, let negated):
            return EmployeeValue.strings(employee, field).contains(where: wanted.contains) != negated
        }
    }

    /// The order of two non-null scalars of one kind as -1, 0, 1: numbers numerically, strings by
    /// Unicode scalar values, `false < true`; `nil` when either is null or the kinds differ.
    static func order(_ a: JSON, _ b: JSON) -> Int? {
        if case .bool(let x) = a, case .bool(let y) = b { return x == y ? 0 : (!x ? -1 : 1) }
        return JSONComparison.order(a, b)
    }
}
