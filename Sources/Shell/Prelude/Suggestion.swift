/// "did you mean …?": the known name closest to a mistyped one, by edit distance, as git and
/// cargo suggest. The one implementation behind every suggestion empsh makes: unknown `F.<field>`,
/// options, functions of `employees`/`json`/`api`/lists, dot commands, command-line options and
/// enum values.
///
/// ```swift
/// Suggestion.closest(to: "stauts", among: ["id", "status", "email"])  // "status"
/// Suggestion.closest(to: "zzz", among: ["id", "status"])              // nil
/// ```
public enum Suggestion {
    /// The optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of a
    /// substring) between two strings, counted in characters: an insertion, a deletion, a
    /// substitution or a swap of two neighbours costs 1.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a)
        let t = Array(b)
        if s.isEmpty || t.isEmpty { return max(s.count, t.count) }
        var before = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { best = min(best, before[j - 2] + 1) }
                current[j] = best
            }
            (before, previous, current) = (previous, current, before)
        }
        return previous[t.count]
    }

    /// The candidate closest to `word`, or nil when none is close enough: a candidate that differs
    /// only in case always is; otherwise at most a third of the longer word's characters (at
    /// least one) may change, as rustc decides. The first of equally close candidates wins.
    /// - Parameters:
    ///   - word: What was typed.
    ///   - candidates: The known names.
    /// - Returns: The suggestion, never `word` itself.
    public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let lowered = word.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates where candidate != word {
            if candidate.lowercased() == lowered { return candidate }
            let limit = max(max(word.count, candidate.count), 3) / 3
            let d = distance(lowered, candidate.lowercased())
            if d <= limit, d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }
}
