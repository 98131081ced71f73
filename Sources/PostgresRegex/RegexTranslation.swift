/// The PCRE2 form of a PostgreSQL regular expression.
struct RegexTranslation {
    /// A lookbehind constraint that PCRE2 cannot run itself because its body has no fixed
    /// length (PCRE2 10.42 needs one; PostgreSQL does not). The main pattern holds a callout
    /// `(?Cn)` in its place, and the body is searched for separately, ending at the point
    /// where the callout is reached.
    struct Lookbehind {
        /// The body, in PCRE2 syntax.
        var pattern: String
        /// Whether the constraint is `(?<!...)`.
        var negated: Bool
        /// Whether the body holds constraints that look at the text after the tested point
        /// (`$`, `\Z`, word edges, lookaheads); if not, it is searched in the text before
        /// that point only, which is cheaper.
        var seesFollowingText: Bool
    }

    /// The pattern, in PCRE2 syntax; callout number `n` stands for `lookbehinds[n - 1]`.
    var pattern: String
    /// Empty unless the translation was asked to emulate lookbehinds.
    var lookbehinds: [Lookbehind] = []

    /// Callouts 254 and 255 are taken by `LookbehindEvaluation` for its own checks.
    static let maximumLookbehinds = 253
}
