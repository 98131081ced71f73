import CPCRE2

/// A compiled PCRE2 pattern that searches its subject in one anchored match attempt.
///
/// PCRE2 resets its match limit at every start position of an unanchored search, so a slow
/// pattern could spend the whole budget again at each of a few hundred positions. Wrapping
/// the pattern as `(?s:.)*?(?:pattern)` and anchoring it makes the search a single attempt,
/// so the match limit bounds the whole search. (The lazy prefix does not deepen the
/// backtracking stack: each failed attempt is unwound before the prefix grows.)
final class PCRE2Program: @unchecked Sendable {
    /// Why PCRE2 rejected a pattern.
    struct CompileError: Error {
        /// PCRE2's error code, such as `PCRE2_ERROR_LOOKBEHIND_NOT_FIXED_LENGTH`.
        var code: Int32
        var message: String
    }

    private let code: OpaquePointer

    /// Compiles a pattern to search for.
    /// - Parameters:
    ///   - pattern: PCRE2 pattern text, as `RegexTranslator` writes it.
    ///   - hasCallouts: Whether the pattern holds callouts that may reject a position. PCRE2
    ///     then must not make repeats possessive on its own ("auto-possessification"), since
    ///     a callout after a repeat may need the repeat to give characters back.
    /// - Throws: `CompileError` when PCRE2 rejects the pattern.
    init(searchingFor pattern: String, hasCallouts: Bool = false) throws(CompileError) {
        let search = "(?s:.)*?(?:" + pattern + ")"
        var options =
            UInt32(PCRE2_UTF | PCRE2_UCP | PCRE2_DOTALL | PCRE2_DOLLAR_ENDONLY)
            | UInt32(PCRE2_NO_UTF_CHECK) | PCRE2_ANCHORED
        if hasCallouts { options |= UInt32(PCRE2_NO_AUTO_POSSESS) }
        var errorCode: Int32 = 0
        var errorOffset = 0
        let bytes = Array(search.utf8)
        let compiled = bytes.withUnsafeBufferPointer { buffer in
            pcre2_compile_8(buffer.baseAddress, buffer.count, options, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { throw CompileError(code: errorCode, message: Self.message(for: errorCode)) }
        code = compiled
    }

    deinit {
        pcre2_code_free_8(code)
    }

    /// Runs the search.
    /// - Parameters:
    ///   - subject: Valid UTF-8 text (not checked again).
    ///   - context: The match context holding the limits (and any callout).
    /// - Returns: PCRE2's result: positive for a match, `PCRE2_ERROR_NOMATCH`, or another
    ///   negative error code such as `PCRE2_ERROR_MATCHLIMIT`.
    func search(_ subject: UnsafeBufferPointer<UInt8>, context: OpaquePointer) -> Int32 {
        guard let matchData = pcre2_match_data_create_from_pattern_8(code, nil) else { return PCRE2_ERROR_NOMEMORY }
        defer { pcre2_match_data_free_8(matchData) }
        return withUnsafePointer(to: 0 as UInt8) { empty in
            pcre2_match_8(
                code, subject.baseAddress ?? empty, subject.count, 0, UInt32(PCRE2_NO_UTF_CHECK),
                matchData, context)
        }
    }

    /// PCRE2's text for an error code.
    static func message(for errorCode: Int32) -> String {
        var buffer = [UInt8](repeating: 0, count: 256)
        let length = pcre2_get_error_message_8(errorCode, &buffer, buffer.count)
        return String(decoding: buffer.prefix(max(0, Int(length))), as: UTF8.self)
    }
}
