import CPCRE2

extension PostgresRegex {
    /// Translates and compiles a pattern. Lookbehinds are left to PCRE2 when it accepts
    /// them, and emulated with callouts when one has no fixed length.
    /// - Returns: The PCRE2 pattern, its program, and the programs of emulated lookbehinds.
    /// - Throws: `PostgresRegexError` of kind `.invalidPattern`.
    static func compile(
        _ pattern: String, caseInsensitive: Bool
    ) throws(PostgresRegexError) -> (String, PCRE2Program, [LookbehindEvaluation.Program]) {
        let translation = try translate(pattern, caseInsensitive: caseInsensitive, emulatingLookbehinds: false)
        switch Result(catching: { () throws(PCRE2Program.CompileError) in try PCRE2Program(searchingFor: translation.pattern) }) {
        case .success(let program):
            return (translation.pattern, program, [])
        case .failure(let error) where !lookbehindErrors.contains(error.code):
            throw invalidPattern(error)
        case .failure:
            break
        }
        let emulated = try translate(pattern, caseInsensitive: caseInsensitive, emulatingLookbehinds: true)
        do {
            let program = try PCRE2Program(searchingFor: emulated.pattern, hasCallouts: true)
            var lookbehinds: [LookbehindEvaluation.Program] = []
            for lookbehind in emulated.lookbehinds {
                lookbehinds.append(try LookbehindEvaluation.Program(lookbehind))
            }
            return (emulated.pattern, program, lookbehinds)
        } catch {
            throw invalidPattern(error)
        }
    }

    private static func translate(
        _ pattern: String, caseInsensitive: Bool, emulatingLookbehinds: Bool
    ) throws(PostgresRegexError) -> RegexTranslation {
        do {
            return try RegexTranslator.translate(
                pattern, caseInsensitive: caseInsensitive, emulatingLookbehinds: emulatingLookbehinds)
        } catch {
            throw PostgresRegexError(kind: .invalidPattern, message: error.message)
        }
    }

    /// PCRE2's complaints about lookbehinds that emulation gets around.
    private static let lookbehindErrors: Set<Int32> = [
        PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH, PCRE2_ERROR_LOOKBEHIND_TOO_COMPLICATED, PCRE2_ERROR_LOOKBEHIND_TOO_LONG,
    ]

    /// PCRE2's complaints about size, which PostgreSQL words as "too complex".
    private static let sizeErrors: Set<Int32> = [
        PCRE2_ERROR_PARENTHESES_NEST_TOO_DEEP, PCRE2_ERROR_PATTERN_TOO_LARGE, PCRE2_ERROR_HEAP_FAILED,
        PCRE2_ERROR_PATTERN_TOO_COMPLICATED, PCRE2_ERROR_PATTERN_STRING_TOO_LONG, PCRE2_ERROR_TOO_MANY_CAPTURES,
    ]

    private static func invalidPattern(_ error: PCRE2Program.CompileError) -> PostgresRegexError {
        let message =
            sizeErrors.contains(error.code)
            ? RegexSyntaxError.tooComplex.message : "invalid regular expression: " + error.message
        return PostgresRegexError(kind: .invalidPattern, message: message)
    }
}
