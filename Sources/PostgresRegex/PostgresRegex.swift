import CPCRE2

/// A regular expression with the syntax and matching rules of PostgreSQL's `~` operator
/// (Advanced Regular Expressions in a UTF-8 database), run by PCRE2.
///
/// The pattern is parsed the way PostgreSQL parses it, so the patterns PostgreSQL rejects are
/// rejected, and is rewritten into PCRE2 syntax that spells out PostgreSQL's meaning: matching
/// is by character, classes such as `[[:alpha:]]` and `\w` follow glibc's Unicode
/// classification (Cyrillic letters are letters), `^` and `$` anchor at the ends of the whole
/// text unless a newline-sensitive option is given, and `(?i)` uses simple case mapping.
///
/// **Threads.** The compiled programs and the match context are only read after `init`, and
/// each `matches(_:)` allocates its own match data, so one instance may be used from many
/// threads at once; hence `@unchecked Sendable`.
public final class PostgresRegex: @unchecked Sendable {
    /// Most matching steps one `matches(_:)` may be charged (see `MatchSteps`): PCRE2's match
    /// limit in all, the steps of emulated lookbehinds included; at most some 60 ms of work. The whole
    /// search is one anchored attempt, so this bounds all of it.
    public static let matchLimit = 2_000_000
    /// Deepest backtracking nesting one match may reach (PCRE2's depth limit).
    public static let depthLimit: UInt32 = 50_000
    /// Most heap memory, in KiB, one match may use for backtracking (PCRE2's heap limit).
    public static let heapLimitKiB: UInt32 = 16_384

    /// The pattern as written.
    public let pattern: String
    /// The PCRE2 pattern it was rewritten to.
    let pcrePattern: String
    private let program: PCRE2Program
    private let lookbehinds: [LookbehindEvaluation.Program]
    private let matchContext: OpaquePointer

    /// Compiles a pattern.
    /// - Parameters:
    ///   - pattern: A PostgreSQL regular expression, as given to `~` (an ARE, unless it starts
    ///     with a `***=` or `(?b)`-style director).
    ///   - caseInsensitive: Match as `~*` does; `false` by default.
    /// - Throws: `PostgresRegexError` of kind `.invalidPattern`, worded like PostgreSQL's
    ///   message, when PostgreSQL would reject the pattern or PCRE2 cannot express it.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(PostgresRegexError) {
        (pcrePattern, program, lookbehinds) = try Self.compile(pattern, caseInsensitive: caseInsensitive)
        guard let matchContext = pcre2_match_context_create_8(nil) else {
            throw PostgresRegexError(kind: .budgetExceeded, message: "out of memory")
        }
        pcre2_set_depth_limit_8(matchContext, Self.depthLimit)
        pcre2_set_heap_limit_8(matchContext, Self.heapLimitKiB)
        self.pattern = pattern
        self.matchContext = matchContext
    }

    deinit {
        pcre2_match_context_free_8(matchContext)
    }

    /// Tests a text, as `text ~ pattern` does: a match anywhere counts.
    /// - Parameter text: The text to search.
    /// - Returns: Whether the pattern matches somewhere in the text.
    /// - Throws: `PostgresRegexError` of kind `.budgetExceeded` when the match needs more
    ///   steps, depth or memory than the limits allow (a pathological pattern).
    public func matches(_ text: String) throws(PostgresRegexError) -> Bool {
        var steps = Self.matchLimit
        return try matches(text, steps: &steps)
    }

    /// Tests a text within a count of matching steps shared with other work, such as the other
    /// records of one query. The answer is the same on any machine and under any load.
    /// - Parameters:
    ///   - text: The text to search.
    ///   - steps: The steps left (see `MatchSteps`); this match takes at most `matchLimit` of
    ///     them and subtracts what it was charged.
    /// - Returns: Whether the pattern matches somewhere in the text.
    /// - Throws: `PostgresRegexError` of kind `.budgetExceeded` when the match needs more than
    ///   `matchLimit` steps, more depth or memory than the limits allow; of kind `.stepsExhausted`
    ///   when `steps`, fewer than `matchLimit`, ran out first.
    public func matches(_ text: String, steps: inout Int) throws(PostgresRegexError) -> Bool {
        let allowance = min(steps, Self.matchLimit)
        guard let account = MatchSteps(allowance, copying: matchContext) else {
            throw PostgresRegexError(kind: .budgetExceeded, message: "out of memory")
        }
        var text = text
        let result = text.withUTF8 { subject in
            lookbehinds.isEmpty
                ? account.search(program, subject)
                : LookbehindEvaluation.search(program, lookbehinds: lookbehinds, in: subject, steps: account)
        }
        steps -= allowance - account.remaining
        if result >= 0 { return true }
        if result == PCRE2_ERROR_NOMATCH { return false }
        if account.exhausted && allowance < Self.matchLimit {
            throw PostgresRegexError(kind: .stepsExhausted, message: "the steps allowed ran out")
        }
        let limits = [PCRE2_ERROR_MATCHLIMIT, PCRE2_ERROR_DEPTHLIMIT, PCRE2_ERROR_HEAPLIMIT]
        let reason = limits.contains(result) ? "regular expression is too expensive to match" : "regular expression match failed"
        throw PostgresRegexError(kind: .budgetExceeded, message: "\(reason) (\(PCRE2Program.message(for: result)))")
    }
}
