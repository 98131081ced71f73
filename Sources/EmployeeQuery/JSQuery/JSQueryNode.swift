import DataAPIContract

/// The syntax tree of a jsquery expression.
///
/// `AND`/`OR` chains are flat lists, so a long chain costs no recursion depth when evaluated.
indirect enum JSQueryNode: Sendable, Hashable {
    case and([JSQueryNode])
    case or([JSQueryNode])
    case not(JSQueryNode)
    /// `path op value`: true when some value at the path satisfies the predicate.
    case predicate([JSQueryPathStep], JSQueryPredicate)
    /// `path(expr)`: true when `expr` holds with some value at the path as the current value.
    case nested([JSQueryPathStep], JSQueryNode)
}

/// One step of a jsquery path.
enum JSQueryPathStep: Sendable, Hashable {
    /// An object member by name (bare or quoted in the source).
    case key(String)
    /// `#`: every element of an array.
    case anyElement
    /// `#N`: the element at index N.
    case element(Int)
    /// `%`: every member value of an object.
    case anyKey
    /// `*`: the value itself and every value nested in it, at any depth.
    case anyPath
    /// `$`: the current value.
    case current
    /// `@#`: the number of elements of an array (or members of an object).
    case length
}

/// The value test at the end of a path.
enum JSQueryPredicate: Sendable, Hashable {
    case equal(JSON)
    case less(JSON)
    case lessOrEqual(JSON)
    case greater(JSON)
    case greaterOrEqual(JSON)
    /// `IN (v1, v2, …)`.
    case oneOf([JSON])
    /// `@>`: the value contains the literal (arrays and objects, recursively, as jsonb's `@>`).
    case contains(JSON)
    /// `<@`: the value is contained in the literal.
    case containedIn(JSON)
    /// `&&`: the array shares an element with the literal array.
    case overlaps([JSON])
    /// `= *`: some value exists at the path.
    case exists
    /// `IS ARRAY|NUMERIC|OBJECT|STRING|BOOLEAN`.
    case isType(JSQueryValueType)
}

/// The types `IS` can test.
enum JSQueryValueType: String, Sendable, Hashable, CaseIterable {
    case array, numeric, object, string, boolean
}
