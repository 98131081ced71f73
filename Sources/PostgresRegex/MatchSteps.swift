import CPCRE2

/// The matching steps a search may still take, in PCRE2's match-limit units: each is one
/// backtracking point PCRE2 records, a few tens of nanoseconds of work. Counting work instead of
/// time makes a pattern's answer the same on any machine and under any load.
///
/// PCRE2 tells whether a match stayed within its limit, not how many steps it took. So a search
/// runs first with a limit a little above what an ordinary pattern needs on its text (twice its
/// length, plus 64), and, when that runs out, again with eight times the limit, and so on. Each
/// attempt is charged its whole limit: the charge is at most about nine times the steps taken,
/// and the same for the same pattern and text.
final class MatchSteps {
    /// The steps left.
    private(set) var remaining: Int
    /// Whether a search stopped because the steps ran out.
    private(set) var exhausted = false
    private let context: OpaquePointer

    /// How much each attempt's limit grows over the last.
    static let growth = 8

    /// Creates an account over a copy of `context` (whose match limit it sets for each attempt).
    /// - Returns: `nil` when PCRE2 cannot allocate the copy.
    init?(_ steps: Int, copying context: OpaquePointer) {
        guard let copy = pcre2_match_context_copy_8(context) else { return nil }
        self.context = copy
        self.remaining = max(0, steps)
    }

    deinit {
        pcre2_match_context_free_8(context)
    }

    /// Sets the callout every search of this account calls.
    func setCallout(
        _ callout: @convention(c) (UnsafeMutablePointer<pcre2_callout_block_8>?, UnsafeMutableRawPointer?) -> Int32,
        data: UnsafeMutableRawPointer
    ) {
        pcre2_set_callout_8(context, callout, data)
    }

    /// Runs `program` over `subject` within the steps left, charging them.
    /// - Returns: PCRE2's result; `PCRE2_ERROR_MATCHLIMIT` once the steps are spent.
    func search(_ program: PCRE2Program, _ subject: UnsafeBufferPointer<UInt8>) -> Int32 {
        var limit = min(remaining, 2 * subject.count + 64)
        while true {
            guard limit > 0 else {
                exhausted = true
                return PCRE2_ERROR_MATCHLIMIT
            }
            pcre2_set_match_limit_8(context, UInt32(clamping: limit))
            remaining -= limit
            let result = program.search(subject, context: context)
            guard result == PCRE2_ERROR_MATCHLIMIT else { return result }
            limit = min(remaining, limit * Self.growth)
        }
    }
}
