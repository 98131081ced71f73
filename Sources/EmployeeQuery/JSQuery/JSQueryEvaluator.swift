import DataAPIContract

/// Evaluates a `JSQueryNode` against a JSON value as jsquery's `recursiveExecute` (`jsquery_op.c`)
/// does, walking the value in place: nothing is copied, encoded or collected.
///
/// Two flags stand for state jsquery carries besides the value:
/// - `rootScalar`: the value is the whole document and a scalar. jsonb stores such a document
///   as a one-element pseudo-array, so tests on it directly fail (but `= *`), while `$` and `IS`
///   unwrap it and `*`/`*:` visit both the wrapper and the scalar.
/// - `length`: an `@#` came before, so tests compare the number of elements or members.
///
/// With a meter, each node visited in the value takes a step: once the steps are spent every
/// visit answers `false` at once, so a query of many `*` over a deep value stops inside the record,
/// and the caller reports the meter's error instead of the answer.
struct JSQueryEvaluator {
    /// The steps the evaluation may take; `nil` for no bound.
    let meter: EvaluationMeter?

    static func matches(_ node: JSQueryNode, _ value: JSON, meter: EvaluationMeter? = nil) -> Bool {
        let evaluator = JSQueryEvaluator(meter: meter)
        switch value {
        case .array, .object: return evaluator.evaluate(node, value, rootScalar: false, length: false)
        default: return evaluator.evaluate(node, value, rootScalar: true, length: false)
        }
    }

    func evaluate(_ node: JSQueryNode, _ value: JSON, rootScalar: Bool, length: Bool) -> Bool {
        if let meter, !meter.take() { return false }
        return switch node {
        case .and(let terms): terms.allSatisfy { evaluate($0, value, rootScalar: rootScalar, length: length) }
        case .or(let terms): terms.contains { evaluate($0, value, rootScalar: rootScalar, length: length) }
        case .not(let inner): !evaluate(inner, value, rootScalar: rootScalar, length: length)
        case .path(let path): walk(path, from: 0, value, rootScalar: rootScalar, length: length)
        }
    }

    /// Whether `path`, from step `index` on, holds for `value`: some (or, for `#:`, `%:`, `*:`,
    /// every) value it reaches passes the tail. Keys and wildcards reset both flags.
    private func walk(_ path: JSQueryPath, from index: Int, _ value: JSON, rootScalar: Bool, length: Bool) -> Bool {
        if let meter, !meter.take() { return false }
        guard index < path.steps.count else {
            switch path.tail {
            case .none: return true
            case .test(let test): return Self.passes(test, value, rootScalar: rootScalar, length: length)
            case .expression(let inner): return evaluate(inner, value, rootScalar: rootScalar, length: length)
            }
        }
        let next = index + 1
        // jsquery answers true as soon as a step without a successor finds its container.
        let isLast: Bool
        if next == path.steps.count, case .none = path.tail { isLast = true } else { isLast = false }
        func rest(_ value: JSON) -> Bool { walk(path, from: next, value, rootScalar: false, length: false) }

        switch path.steps[index] {
        case .key(let key):
            guard case .object(let object) = value, let member = Self.member(of: object, named: key) else { return false }
            return rest(member)
        case .anyElement:
            guard case .array(let elements) = value else { return false }
            return isLast || elements.contains(where: rest)
        case .everyElement:
            guard case .array(let elements) = value else { return false }
            return elements.allSatisfy(rest)
        case .element(let position):
            guard case .array(let elements) = value, position < elements.count else { return false }
            return rest(elements[position])
        case .anyMember:
            guard case .object(let object) = value else { return false }
            return isLast || object.contains { rest($0.value) }
        case .everyMember:
            guard case .object(let object) = value else { return false }
            return object.allSatisfy { rest($0.value) }
        case .anyValue:
            if isLast || walk(path, from: next, value, rootScalar: rootScalar, length: false) { return true }
            return rootScalar ? rest(value) : someNested(in: value, rest)
        case .everyValue:
            guard walk(path, from: next, value, rootScalar: rootScalar, length: false) else { return false }
            return rootScalar ? rest(value) : everyNested(in: value, rest)
        case .current:
            return isLast || walk(path, from: next, value, rootScalar: false, length: length)
        case .length:
            return walk(path, from: next, value, rootScalar: rootScalar, length: true)
        case .filter(let condition):
            guard evaluate(condition, value, rootScalar: rootScalar, length: length) else { return false }
            return isLast || walk(path, from: next, value, rootScalar: rootScalar, length: length)
        }
    }

    /// Whether `body` holds for some value nested in `value`, at any depth.
    private func someNested(in value: JSON, _ body: (JSON) -> Bool) -> Bool {
        switch value {
        case .array(let elements): elements.contains { body($0) || someNested(in: $0, body) }
        case .object(let object): object.contains { body($0.value) || someNested(in: $0.value, body) }
        default: false
        }
    }

    /// Whether `body` holds for every value nested in `value`, at any depth.
    private func everyNested(in value: JSON, _ body: (JSON) -> Bool) -> Bool {
        switch value {
        case .array(let elements): elements.allSatisfy { body($0) && everyNested(in: $0, body) }
        case .object(let object): object.allSatisfy { body($0.value) && everyNested(in: $0.value, body) }
        default: true
        }
    }

    /// The member named exactly `key`: jsonb compares keys byte for byte, where Swift's `==`
    /// would also match a differently normalized spelling.
    private static func member(of object: JSONObject, named key: String) -> JSON? {
        for entry in object where sameBytes(entry.key, key) { return entry.value }
        return nil
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.elementsEqual(y) }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }
}
