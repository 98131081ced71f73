import DataAPIContract

extension JSQueryEvaluator {
    /// Whether `value` passes `test`, as jsquery's `executeExpr` decides:
    /// - `=`, `IN`: a scalar of the same type and value (numbers numerically, strings byte for
    ///   byte); objects and arrays equal no scalar, and `= [..]` needs an array with equal scalar
    ///   elements in order.
    /// - `<`, `<=`, `>`, `>=`: numbers only.
    /// - `@>`, `<@`, `&&`: arrays only, element by element; nested arrays and objects match nothing.
    /// - `IS`: the type; it ignores a preceding `@#`.
    static func passes(_ test: JSQueryTest, _ value: JSON, rootScalar: Bool, length: Bool) -> Bool {
        if case .isType(let type) = test { return has(value, type) }
        if length { return passesOnCount(test, value) }
        switch test {
        case .exists: return true
        case .equal(let literal): return !rootScalar && equals(literal, value)
        case .equalArray(let literals):
            guard case .array(let elements) = value, elements.count == literals.count else { return false }
            return zip(literals, elements).allSatisfy { equals($0, $1) }
        case .oneOf(let literals): return !rootScalar && literals.contains { equals($0, value) }
        case .less(let n): return !rootScalar && n.order(of: value).map { $0 < 0 } ?? false
        case .lessOrEqual(let n): return !rootScalar && n.order(of: value).map { $0 <= 0 } ?? false
        case .greater(let n): return !rootScalar && n.order(of: value).map { $0 > 0 } ?? false
        case .greaterOrEqual(let n): return !rootScalar && n.order(of: value).map { $0 >= 0 } ?? false
        case .contains(let literals):
            guard case .array(let elements) = value else { return false }
            return literals.allSatisfy { literal in elements.contains { equals(literal, $0) } }
        case .containedIn(let literals):
            guard case .array(let elements) = value else { return false }
            return elements.allSatisfy { element in literals.contains { equals($0, element) } }
        case .overlaps(let literals):
            guard case .array(let elements) = value else { return false }
            return elements.contains { element in literals.contains { equals($0, element) } }
        case .isType:
            return false
        }
    }

    /// A test after `@#`: numeric tests on the number of elements (or members) of an array (or
    /// object); everything else fails, and so does any test on a scalar.
    private static func passesOnCount(_ test: JSQueryTest, _ value: JSON) -> Bool {
        let count: Int
        switch value {
        case .array(let elements): count = elements.count
        case .object(let object): count = object.count
        default: return false
        }
        switch test {
        case .equal(.number(let n)): return n.order(ofCount: count) == 0
        case .oneOf(let literals):
            return literals.contains { literal in
                if case .number(let n) = literal { return n.order(ofCount: count) == 0 }
                return false
            }
        case .less(let n): return n.order(ofCount: count) < 0
        case .lessOrEqual(let n): return n.order(ofCount: count) <= 0
        case .greater(let n): return n.order(ofCount: count) > 0
        case .greaterOrEqual(let n): return n.order(ofCount: count) >= 0
        default: return false
        }
    }

    /// Whether a scalar `value` equals `literal`; containers equal no literal.
    @inline(__always)
    private static func equals(_ literal: JSQueryScalar, _ value: JSON) -> Bool {
        switch (literal, value) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.string(let a), .string(let b)): sameBytes(a, b)
        case (.number(let n), .int), (.number(let n), .double): n.order(of: value) == 0
        default: false
        }
    }

    private static func has(_ value: JSON, _ type: JSQueryValueType) -> Bool {
        switch (type, value) {
        case (.array, .array), (.object, .object), (.string, .string), (.boolean, .bool), (.numeric, .int), (.numeric, .double): true
        default: false
        }
    }
}
