import DataAPIContract

/// A compiled PostgreSQL *jsquery* expression, the filter language of the Data API's object and
/// array fields (`coach`, `groups`, `phone_numbers`, `extension`, `allowed_*_call_types`).
///
/// Parse once, then test any number of values; a `JSQuery` is immutable and safe to share.
///
/// ```swift
/// let query = try JSQuery("#(group_id = 5 AND group_name = \"Продажи\")")
/// query.matches(employeeGroupsJSON)   // true when some group has both
/// ```
///
/// Supported forms: paths of keys (bare words or `"quoted"`), `#` (any array element), `#N`
/// (element N), `%` (any member of an object), `*` (any depth, including the value itself),
/// `$` (the current value) and `@#` (array length); tests `=`, `<`, `<=`, `>`, `>=`,
/// `IN (…)`, `@>`, `<@`, `&&`, `= *` (exists) and `IS <type>`; `AND`, `OR`, `NOT`
/// (case-insensitive) and parentheses; `path(expr)` evaluates `expr` on each value at `path`.
///
/// Semantics follow jsquery: a test on a path holds when *some* value at the path passes it;
/// a missing key yields no value, so the test is false (and `NOT` of it true). Numbers compare
/// numerically whether integral or not; comparing values of different types (a string with a
/// number) is false, never an error. Strings order by Unicode scalar values. `@>`/`<@` follow
/// jsonb containment: objects by key, arrays element-wise in any order, recursively.
public struct JSQuery: Sendable, Hashable, CustomStringConvertible {
    /// How deeply `NOT`, parentheses, sub-expressions and literal arrays/objects may nest: 200.
    public static let maximumDepth = 200

    /// The expression as written.
    public let source: String
    let root: JSQueryNode

    /// Parses a jsquery expression.
    /// - Parameter source: The expression, e.g. `#.group_id IN (1, 2)`.
    /// - Throws: `JSQuerySyntaxError` with the offset (0-based, in Unicode scalars) and what was
    ///   expected there, also when nesting exceeds `maximumDepth`.
    public init(_ source: String) throws(JSQuerySyntaxError) {
        var lexer = JSQueryLexer(source)
        var parser = JSQueryParser(tokens: try lexer.tokenize(), maximumDepth: Self.maximumDepth)
        self.source = source
        self.root = try parser.parseExpression()
    }

    /// Tests a value: the JSON of the filtered field.
    /// - Parameter value: The field's value (`null` when the field is null).
    /// - Returns: Whether the expression holds for it.
    public func matches(_ value: JSON) -> Bool { JSQueryEvaluator.evaluate(root, on: value) }

    /// The expression as written.
    public var description: String { source }
}
