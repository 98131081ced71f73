import DataAPIContract

/// The syntax tree of a jsquery expression, shaped like jsquery's own items.
///
/// `AND`/`OR` chains are flat lists, so a long chain costs no recursion depth when evaluated.
indirect enum JSQueryNode: Sendable, Hashable {
    case and([JSQueryNode])
    case or([JSQueryNode])
    case not(JSQueryNode)
    /// A path and what follows it.
    case path(JSQueryPath)
}

/// `step.step…` followed by a test, a sub-expression, or nothing.
struct JSQueryPath: Sendable, Hashable {
    var steps: [JSQueryPathStep]
    var tail: JSQueryPathTail
}

/// What a path ends in.
enum JSQueryPathTail: Sendable, Hashable {
    /// Nothing: the path alone holds when it leads to some value.
    case none
    /// `path op value`.
    case test(JSQueryTest)
    /// `path(expr)`: the expression, with each value at the path as its current value.
    case expression(JSQueryNode)
}

/// One step of a jsquery path.
enum JSQueryPathStep: Sendable, Hashable {
    /// An object member by name (bare, quoted, or a keyword or number as written).
    case key(String)
    /// `#`: some element of an array.
    case anyElement
    /// `#:`: every element of an array (true for an empty one).
    case everyElement
    /// `#N`: the element at index N.
    case element(Int)
    /// `%`: some member value of an object.
    case anyMember
    /// `%:`: every member value of an object (true for an empty one).
    case everyMember
    /// `*`: the value itself or any value nested in it, at any depth.
    case anyValue
    /// `*:`: the value itself and every value nested in it.
    case everyValue
    /// `$`: the current value.
    case current
    /// `@#`: the tests that follow compare the number of elements (or members), not the value.
    case length
    /// `?(expr)`: goes on only when `expr` holds for the current value.
    case filter(JSQueryNode)
}

/// The test at the end of a path.
enum JSQueryTest: Sendable, Hashable {
    /// `= *`: holds for any value.
    case exists
    /// `= scalar`.
    case equal(JSQueryScalar)
    /// `= [scalars]`: an array with these elements, in order.
    case equalArray([JSQueryScalar])
    /// `IN (scalars)`.
    case oneOf([JSQueryScalar])
    case less(JSQueryNumber)
    case lessOrEqual(JSQueryNumber)
    case greater(JSQueryNumber)
    case greaterOrEqual(JSQueryNumber)
    /// `@> [scalars]`: an array holding each of them.
    case contains([JSQueryScalar])
    /// `<@ [scalars]`: an array whose every element is one of them.
    case containedIn([JSQueryScalar])
    /// `&& [scalars]`: an array holding one of them.
    case overlaps([JSQueryScalar])
    /// `IS ARRAY|NUMERIC|OBJECT|STRING|BOOLEAN`.
    case isType(JSQueryValueType)
}

/// A literal value; jsquery has no object literals, and arrays hold only scalars.
enum JSQueryScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(JSQueryNumber)
    case string(String)
}

/// The types `IS` can test.
enum JSQueryValueType: String, Sendable, Hashable, CaseIterable {
    case array, numeric, object, string, boolean
}
