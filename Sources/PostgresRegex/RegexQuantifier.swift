/// A quantifier that follows an atom: `*`, `+`, `?` or a bound `{m}`, `{m,}`, `{m,n}`, each
/// possibly non-greedy (ARE only). PostgreSQL's bounds go up to 255.
struct RegexQuantifier: Equatable {
    /// The largest count a bound may give (PostgreSQL's `DUPMAX`).
    static let largestCount = 255

    var minimum: Int
    /// `nil` for no upper limit.
    var maximum: Int?
    var greedy: Bool

    /// The same quantifier in PCRE2 syntax.
    var pcre: String {
        let base: String
        switch (minimum, maximum) {
        case (0, nil): base = "*"
        case (1, nil): base = "+"
        case (0, 1): base = "?"
        case (let minimum, nil): base = "{\(minimum),}"
        case (let minimum, let maximum?) where minimum == maximum: base = "{\(minimum)}"
        case (let minimum, let maximum?): base = "{\(minimum),\(maximum)}"
        }
        return greedy ? base : base + "?"
    }
}
