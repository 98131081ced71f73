import DataAPIContract

/// A compiled PostgreSQL *jsquery* expression (postgrespro/jsquery 1.1), the filter language of
/// the Data API's object and array fields (`coach`, `groups`, `phone_numbers`, `extension`,
/// `allowed_*_call_types`).
///
/// Parse once, then test any number of values; a `JSQuery` is immutable and safe to share.
///
/// ```swift
/// let query = try JSQuery("#(group_id = 5 AND group_name = \"Продажи\")")
/// query.matches(employeeGroupsJSON)   // true when some group has both
/// ```
///
/// It accepts, refuses and answers as the extension does (checked against PostgreSQL 15 with
/// jsquery 1.1.1):
/// - Paths: keys (bare words, `"quoted"` with `\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, `\uXXXX`
///   escapes, numbers and keywords as written), `#`, `#N`, `#:`, `%`, `%:`, `*`, `*:`, `$`,
///   `@#` (length), `?(expr)` filters, and `path(expr)`.
/// - Tests: `= value`, `= [values]`, `= *`, `IN (values)`, `<`/`<=`/`>`/`>=` with a number only,
///   `@>`/`<@`/`&&` with an array of scalars only, `IS ARRAY|NUMERIC|OBJECT|STRING|BOOLEAN`.
///   There are no object literals, no empty arrays, no string ordering.
/// - `AND`, `OR`, `NOT` and `IN`, `IS` and the type names in any case; `null`, `true`, `false`
///   only in lower case (`TRUE` is the string "TRUE"). Comments `/* … */`; the index hints
///   `/*-- index */` and `/*-- noindex */` are allowed only before a test.
/// - A test holds when some value at the path passes it; a missing key yields no value, so the
///   test is false and `NOT` of it true. Values of another type fail every test but `= *`.
///
/// Where jsquery would fail at run time (`*:` or `@#` ending a path), the query is refused.
public struct JSQuery: Sendable, Hashable, CustomStringConvertible {
    /// How deeply `NOT`, parentheses, sub-expressions and filters may nest: 200.
    public static let maximumDepth = 200

    /// The expression as written.
    public let source: String
    let root: JSQueryNode

    /// Parses a jsquery expression.
    /// - Parameter source: The expression, e.g. `#.group_id IN (1, 2)`.
    /// - Throws: `JSQuerySyntaxError` where jsquery refuses the expression, with the offset
    ///   (0-based, in Unicode scalars) of the offending token; also when nesting exceeds
    ///   `maximumDepth`.
    public init(_ source: String) throws(JSQuerySyntaxError) {
        if let nul = source.unicodeScalars.firstIndex(of: "\0") {
            // PostgreSQL text cannot hold U+0000.
            throw JSQuerySyntaxError("invalid byte 0x00", at: source.unicodeScalars.distance(from: source.unicodeScalars.startIndex, to: nul))
        }
        var parser = try JSQueryParser(source, maximumDepth: Self.maximumDepth)
        self.source = source
        self.root = try parser.parse()
    }

    /// Tests a value: the JSON of the filtered field, as the document of jsquery's `@@`.
    /// - Parameter value: The field's value; `null` stands for a JSON `null` document.
    /// - Returns: Whether the expression holds for it.
    public func matches(_ value: JSON) -> Bool { JSQueryEvaluator.matches(root, value) }

    /// Tests a value, each node visited taking a step from `meter`; `false` once they are spent
    /// (the caller then reports the meter's error).
    func matches(_ value: JSON, meter: EvaluationMeter) -> Bool { JSQueryEvaluator.matches(root, value, meter: meter) }

    /// The expression as written.
    public var description: String { source }
}
