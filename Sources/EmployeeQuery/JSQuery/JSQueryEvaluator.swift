import DataAPIContract

/// Evaluates a `JSQueryNode` against a JSON value, without building intermediate collections.
enum JSQueryEvaluator {
    static func evaluate(_ node: JSQueryNode, on value: JSON) -> Bool {
        switch node {
        case .and(let terms): terms.allSatisfy { evaluate($0, on: value) }
        case .or(let terms): terms.contains { evaluate($0, on: value) }
        case .not(let inner): !evaluate(inner, on: value)
        case .predicate(let path, let test): someValue(path[...], in: value) { passes($0, test) }
        case .nested(let path, let inner): someValue(path[...], in: value) { evaluate(inner, on: $0) }
        }
    }

    /// Whether `body` holds for some value reached from `value` along `path`.
    private static func someValue(_ path: ArraySlice<JSQueryPathStep>, in value: JSON, _ body: (JSON) -> Bool) -> Bool {
        guard let step = path.first else { return body(value) }
        let rest = path.dropFirst()
        switch step {
        case .key(let key):
            guard case .object(let object) = value, let member = object[key] else { return false }
            return someValue(rest, in: member, body)
        case .anyElement:
            guard case .array(let elements) = value else { return false }
            return elements.contains { someValue(rest, in: $0, body) }
        case .element(let index):
            guard case .array(let elements) = value, index < elements.count else { return false }
            return someValue(rest, in: elements[index], body)
        case .anyKey:
            guard case .object(let object) = value else { return false }
            return object.contains { someValue(rest, in: $0.value, body) }
        case .anyPath:
            return anyDepth(value) { someValue(rest, in: $0, body) }
        case .current:
            return someValue(rest, in: value, body)
        case .length:
            switch value {
            case .array(let elements): return someValue(rest, in: .int(Int64(elements.count)), body)
            case .object(let object): return someValue(rest, in: .int(Int64(object.count)), body)
            default: return false
            }
        }
    }

    /// Whether `body` holds for `value` or any value nested in it.
    private static func anyDepth(_ value: JSON, _ body: (JSON) -> Bool) -> Bool {
        if body(value) { return true }
        switch value {
        case .array(let elements): return elements.contains { anyDepth($0, body) }
        case .object(let object): return object.contains { anyDepth($0.value, body) }
        default: return false
        }
    }

    private static func passes(_ value: JSON, _ test: JSQueryPredicate) -> Bool {
        switch test {
        case .equal(let literal): return JSONComparison.equal(value, literal)
        case .less(let literal): return JSONComparison.order(value, literal).map { $0 < 0 } ?? false
        case .lessOrEqual(let literal): return JSONComparison.order(value, literal).map { $0 <= 0 } ?? false
        case .greater(let literal): return JSONComparison.order(value, literal).map { $0 > 0 } ?? false
        case .greaterOrEqual(let literal): return JSONComparison.order(value, literal).map { $0 >= 0 } ?? false
        case .oneOf(let literals): return literals.contains { JSONComparison.equal(value, $0) }
        case .contains(let literal): return JSONComparison.contains(value, literal)
        case .containedIn(let literal): return JSONComparison.contains(literal, value)
        case .overlaps(let literals):
            guard case .array(let elements) = value else { return false }
            return elements.contains { element in literals.contains { JSONComparison.equal(element, $0) } }
        case .exists: return true
        case .isType(let type):
            switch (type, value) {
            case (.array, .array), (.object, .object), (.string, .string), (.boolean, .bool), (.numeric, .int), (.numeric, .double): return true
            default: return false
            }
        }
    }
}
