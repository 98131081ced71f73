import CPCRE2

/// One search with emulated lookbehinds (see `RegexTranslation.Lookbehind`). PCRE2 calls back
/// at each `(?Cn)`; the lookbehind's body is then searched for in the whole text, with
/// callouts that make it end exactly at the point being tested (so lookaheads and word
/// constraints inside it still see the text that follows, as in PostgreSQL). Answers are
/// cached by lookbehind and position, and every search, the main one and each lookbehind's,
/// draws on the one count of steps, so the whole call is bounded by it.
final class LookbehindEvaluation {
    /// A lookbehind body compiled for searching.
    struct Program {
        var program: PCRE2Program
        var negated: Bool
        var seesFollowingText: Bool

        /// Compiles a lookbehind's body between the callouts that tie it to the tested point.
        /// - Throws: `PCRE2Program.CompileError` when PCRE2 rejects it.
        init(_ lookbehind: RegexTranslation.Lookbehind) throws(PCRE2Program.CompileError) {
            let bounded = "(?C\(notPastTargetCallout))(?:" + lookbehind.pattern + ")(?C\(atTargetCallout))"
            program = try PCRE2Program(searchingFor: bounded, hasCallouts: true)
            negated = lookbehind.negated
            seesFollowingText = lookbehind.seesFollowingText
        }
    }

    /// Stops a lookbehind search once its start has passed the tested point.
    static let notPastTargetCallout: UInt32 = 254
    /// Lets a lookbehind match succeed only where it ends at the tested point.
    static let atTargetCallout: UInt32 = 255

    private let lookbehinds: [Program]
    private let subjectLength: Int
    private let steps: MatchSteps
    private var answers: [Int: Bool] = [:]
    /// The points being tested, innermost last (a lookbehind may hold another).
    private var targets: [Int] = []

    private init(lookbehinds: [Program], subjectLength: Int, steps: MatchSteps) {
        self.lookbehinds = lookbehinds
        self.subjectLength = subjectLength
        self.steps = steps
    }

    /// Runs `program` over `subject`, answering its lookbehind callouts.
    /// - Parameters:
    ///   - program: The main program, holding `(?Cn)` callouts.
    ///   - lookbehinds: The programs the callouts stand for, in callout-number order.
    ///   - subject: The text, valid UTF-8.
    ///   - steps: The steps the whole search may take (its callouts are set on them).
    /// - Returns: PCRE2's result code, as `PCRE2Program.search` gives it.
    static func search(
        _ program: PCRE2Program, lookbehinds: [Program], in subject: UnsafeBufferPointer<UInt8>, steps: MatchSteps
    ) -> Int32 {
        let evaluation = LookbehindEvaluation(lookbehinds: lookbehinds, subjectLength: subject.count, steps: steps)
        return withExtendedLifetime(evaluation) {
            steps.setCallout(lookbehindCallout, data: Unmanaged.passUnretained(evaluation).toOpaque())
            return steps.search(program, subject)
        }
    }

    /// Answers one callout: 0 to go on, 1 to backtrack, a negative code to stop the search.
    fileprivate func answer(_ block: pcre2_callout_block_8) -> Int32 {
        let position = block.current_position
        switch block.callout_number {
        case Self.notPastTargetCallout:
            return position <= targets.last ?? 0 ? 0 : PCRE2_ERROR_NOMATCH
        case Self.atTargetCallout:
            return position == targets.last ? 0 : 1
        default:
            break
        }
        let index = Int(block.callout_number) - 1
        guard lookbehinds.indices.contains(index) else { return PCRE2_ERROR_CALLOUT }
        let key = index * (subjectLength + 1) + position
        let found: Bool
        if let known = answers[key] {
            found = known
        } else {
            targets.append(position)
            let lookbehind = lookbehinds[index]
            let end = lookbehind.seesFollowingText ? block.subject_length : position
            let result = steps.search(lookbehind.program, UnsafeBufferPointer(start: block.subject, count: end))
            targets.removeLast()
            guard result >= 0 || result == PCRE2_ERROR_NOMATCH else { return result }
            found = result >= 0
            answers[key] = found
        }
        return found != lookbehinds[index].negated ? 0 : 1
    }
}

/// PCRE2's callout function for emulated lookbehinds; the data is the `LookbehindEvaluation`.
private let lookbehindCallout:
    @convention(c) (
        UnsafeMutablePointer<pcre2_callout_block_8>?, UnsafeMutableRawPointer?
    ) -> Int32 = { block, data in
        guard let block, let data else { return PCRE2_ERROR_CALLOUT }
        return Unmanaged<LookbehindEvaluation>.fromOpaque(data).takeUnretainedValue().answer(block.pointee)
    }
