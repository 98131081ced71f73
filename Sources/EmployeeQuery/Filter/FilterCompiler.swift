import DataAPIContract
import PostgresRegex

/// Checks a decoded `filter` against the record's fields and compiles it (spec §3).
///
/// Checks run in this order, and the first failure is reported with the `field` path of the
/// offending member (`filter.filters[1].operator`, `filter.value[2]`, …):
/// 1. the field exists (`unexpected_parameters`) and may be filtered (`filter_prohibited`);
/// 2. the operator applies to the field's kind (`OperatorTable.documented` for the API, `OperatorTable.local`
///    for the client; `invalid_parameter_value` naming `operator`, the operator and the field's type); on
///    arrays and objects `=`/`!=` take only `null` (`OperatorTable.takesOnlyNull`);
/// 3. the value has the field's JSON type (`data_type_error` naming `value` or `value[i]`);
/// 4. the value is valid: enum values in their set, patterns, regular expressions and jsquery
///    that compile (`invalid_parameter_value`, the message saying where it broke).
///
/// The engine compiles with `.filterable`; a client evaluating what the API cannot filter compiles
/// with `.every` (`LocalFilter`), which skips the `filter_prohibited` check and takes the local operator table.
public enum FilterCompiler {
    /// Which fields a filter may name.
    enum Fields: Sendable {
        /// The API's filterable fields (`EmployeeField.isFilterable`); others get `filter_prohibited`.
        case filterable
        /// Every record field, `patronymic` and `operator` included (for local evaluation).
        case every

        /// The operators each kind takes: the documented table for the API, the local one for the client.
        var operators: OperatorTable { self == .filterable ? .documented : .local }
    }

    /// Compiles a filter.
    /// - Parameters:
    ///   - filter: The decoded filter.
    ///   - path: Its place in the params; `filter` by default.
    ///   - fields: Which fields may be named; `.filterable` (the API's rule) by default.
    /// - Returns: The evaluable filter.
    /// - Throws: `DataAPIError` as listed above.
    static func compile(_ filter: Filter, path: String = "filter", fields: Fields = .filterable) throws(DataAPIError) -> CompiledFilter {
        switch filter {
        case .group(let group):
            var compiled: [CompiledFilter] = []
            for (index, member) in group.filters.enumerated() {
                compiled.append(try compile(member, path: "\(path).filters[\(index)]", fields: fields))
            }
            return group.condition == .and ? .all(compiled) : .any(compiled)
        case .condition(let condition):
            return try compile(condition, path: path, fields: fields)
        }
    }

    private static func compile(_ condition: Filter.Condition, path: String, fields: Fields) throws(DataAPIError) -> CompiledFilter {
        let name = condition.field
        let field = try EmployeeField.named(name, at: "\(path).field")
        guard field.isFilterable || fields == .every else { throw DataAPIError.filterProhibited(field: "\(path).field", value: name) }
        let op = condition.op
        let kind = field.kind
        guard fields.operators.accepts(op, on: kind) else {
            throw DataAPIError.invalidParameterValue(
                field: "\(path).operator", value: .string(op.rawValue),
                message: "Operator \(op.rawValue) is not applicable to field \(name) (\(kind.name))")
        }
        return .test(field, try test(op, condition.value, kind: kind, path: "\(path).value"))
    }

    /// The test `op` makes with `value` on a field of `kind`, the value checked against both.
    private static func test(_ op: FilterOperator, _ value: JSON, kind: FieldKind, path valuePath: String) throws(DataAPIError)
        -> CompiledFilter.Test
    {
        switch op {
        case .isNull, .isNotNull:
            guard value.isNull else { throw DataAPIError.dataTypeError(field: valuePath, value: value, expected: "null or absent") }
            return .isNull(op == .isNull)
        case .equal, .notEqual, .less, .greater, .lessOrEqual, .greaterOrEqual:
            return try comparisonTest(op, value, kind: kind, path: valuePath)
        case .like, .ilike, .notLike, .notIlike, .regexp, .jsquery:
            return try patternTest(op, value, path: valuePath)
        case .in, .notIn:
            let elements = try array(value, path: valuePath)
            for (index, element) in elements.enumerated() { try checkScalar(element, kind: kind, path: "\(valuePath)[\(index)]") }
            return .member(elements, negated: op == .notIn)
        default:  // .overlap, .notOverlap
            let elements = try array(value, path: valuePath)
            var set = Set<String>()
            for (index, element) in elements.enumerated() {
                guard case .string(let s) = element else {
                    throw DataAPIError.dataTypeError(field: "\(valuePath)[\(index)]", value: element, expected: "string")
                }
                try checkEnum(s, kind: kind, path: "\(valuePath)[\(index)]")
                set.insert(s)
            }
            return .overlap(set, negated: op == .notOverlap)
        }
    }

    /// `=`, `!=`, `<`, `>`, `<=`, `>=`: a comparison with a scalar, or a null test where null is allowed.
    private static func comparisonTest(_ op: FilterOperator, _ value: JSON, kind: FieldKind, path valuePath: String) throws(DataAPIError)
        -> CompiledFilter.Test
    {
        if value.isNull {
            guard OperatorTable.nullComparisons.contains(op) else {
                throw DataAPIError.dataTypeError(field: valuePath, value: value, expected: kind.scalarType ?? "null")
            }
            return .isNull(op == .equal)
        }
        if OperatorTable.takesOnlyNull(op, on: kind) {
            throw DataAPIError.dataTypeError(field: valuePath, value: value, expected: "null")
        }
        try checkScalar(value, kind: kind, path: valuePath)
        return .compare(comparison(op), value)
    }

    /// `like` and its kin, `regexp`, `jsquery`: a pattern compiled once, its error in the API's words.
    private static func patternTest(_ op: FilterOperator, _ value: JSON, path valuePath: String) throws(DataAPIError) -> CompiledFilter.Test {
        let source = try string(value, path: valuePath)
        switch op {
        case .regexp:
            switch Result(catching: { () throws(PostgresRegexError) in try PostgresRegex(source) }) {
            case .success(let regex): return .regexp(regex, path: valuePath)
            case .failure(let error): throw DataAPIError.invalidParameterValue(field: valuePath, value: value, message: error.message)
            }
        case .jsquery:
            do {
                return .jsquery(try JSQuery(source))
            } catch {
                throw DataAPIError.invalidParameterValue(
                    field: valuePath, value: value, message: "Invalid jsquery: \(error.message) at \(error.offset) in \(source)")
            }
        default:  // .like, .ilike, .notLike, .notIlike
            do {
                let compiled = try LikePattern(source, caseInsensitive: op == .ilike || op == .notIlike)
                return .like(compiled, negated: op == .notLike || op == .notIlike)
            } catch {
                throw DataAPIError.invalidParameterValue(field: valuePath, value: value, message: "Invalid \(op.rawValue) pattern: \(error.message)")
            }
        }
    }

    private static func comparison(_ op: FilterOperator) -> CompiledFilter.Comparison {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .greater: .greater
        case .lessOrEqual: .lessOrEqual
        default: .greaterOrEqual
        }
    }

    /// A non-null operand for a comparison or `in` list: of the field's JSON type, in the enum's set.
    private static func checkScalar(_ value: JSON, kind: FieldKind, path: String) throws(DataAPIError) {
        let fits: Bool
        switch (kind, value) {
        case (.number, .int), (.number, .double), (.boolean, .bool): fits = true
        case (.string, .string): fits = true
        case (.enumeration, .string(let s)):
            try checkEnum(s, kind: kind, path: path)
            fits = true
        default: fits = false
        }
        guard fits else { throw DataAPIError.dataTypeError(field: path, value: value, expected: kind.scalarType ?? "null") }
    }

    private static func checkEnum(_ value: String, kind: FieldKind, path: String) throws(DataAPIError) {
        switch kind {
        case .enumeration(let allowed), .arrayOfEnumerations(let allowed):
            guard allowed.contains(value) else {
                throw DataAPIError.invalidParameterValue(
                    field: path, value: .string(value), message: "\(value) is not one of \(allowed.joined(separator: ", "))")
            }
        default: break
        }
    }

    private static func string(_ value: JSON, path: String) throws(DataAPIError) -> String {
        guard case .string(let s) = value else { throw DataAPIError.dataTypeError(field: path, value: value, expected: "string") }
        return s
    }

    private static func array(_ value: JSON, path: String) throws(DataAPIError) -> [JSON] {
        guard case .array(let a) = value else { throw DataAPIError.dataTypeError(field: path, value: value, expected: "array") }
        return a
    }
}
