import PostgresRegex
import Testing

/// Pathological patterns stop within their steps: either they finish or they throw
/// `.budgetExceeded`, and give the same answer every time, however loaded the machine.
@Suite struct PostgresRegexBudgetTests {
    /// Patterns known for catastrophic backtracking, with texts of a few hundred characters.
    static let pathologicalCases: [(pattern: String, text: String)] = [
        // Each text ends with the literal the pattern needs, behind a character that blocks
        // it, so PCRE2's quick checks cannot rule the match out before it backtracks.
        ("(a*)*b", String(repeating: "a", count: 300) + "!b"),
        ("(a|aa)+$", String(repeating: "a", count: 300) + "b"),
        ("(a|a)*b", String(repeating: "a", count: 300) + "!b"),
        ("^(\\w+\\s?)*$", String(repeating: "Иван ", count: 60) + "!"),
        ("(.*)\\1x", String(repeating: "ab", count: 200) + "x"),
        ("(.*)(.*)(.*)(.*)\\4x", String(repeating: "а", count: 300) + "x"),
        ("^(([a-zа-я])+.)+[A-Z]([a-z])+$", String(repeating: "ёжик", count: 75) + "Ab!"),
        ("((a+)+)+b", String(repeating: "a", count: 400) + "!b"),
        ("(?:(?:a|b)*c?)*d", String(repeating: "ab", count: 200) + "!d"),
        ("(x+x+)+y", String(repeating: "x", count: 300) + "!y"),
        ("(\\w+)*(\\s+\\w+)*!", String(repeating: "Иван Пётр ", count: 30) + "?!"),
        ("(?=(a+)+b)a", String(repeating: "a", count: 300) + "!b"),
        ("(\\w+\\s*)+(?<=\\s)!", String(repeating: "Иван ", count: 60) + "?!"),
        ("((((((((((.*)*)*)*)*)*)*)*)*)*)x", String(repeating: "я", count: 300)),
        // Variable-length lookbehinds are emulated by a search per position: all of them draw
        // on the one match's steps.
        ("(?<=^(\\w+\\s?)*)!", String(repeating: "Иван ", count: 60) + "?!"),
        ("(?<=(?:a|b)*c?(?:a|b)*)x", String(repeating: "ab", count: 150) + "x"),
        ("(?<![[:alpha:]]+\\s*)(?<=\\w+)y", String(repeating: "Иван ", count: 60) + "y"),
    ]

    /// A watchdog only: a match is bounded by its steps (some 60 ms of work), not by time.
    static let watchdog = Duration.seconds(5)

    @Test(arguments: pathologicalCases)
    func stopsWithinBudget(_ pattern: String, _ text: String) throws {
        let regex = try PostgresRegex(pattern)
        let clock = ContinuousClock()
        var outcome = ""
        let elapsed = clock.measure { outcome = Self.outcome(of: regex, on: text) }
        print("budget: \(pattern) on \(text.count) characters -> \(outcome) in \(elapsed)")
        #expect(outcome != "", "finished")
        #expect(Self.outcome(of: regex, on: text) == outcome, "the same answer again")
        #expect(elapsed < Self.watchdog)
    }

    /// The steps a match is charged are the same every time, and a shared count of steps stops a
    /// match that would fit its own limit: `.stepsExhausted`, not `.budgetExceeded`.
    @Test func stepsAreCountedTheSameEveryTime() throws {
        let regex = try PostgresRegex("(\\w*\\s?)(\\w*\\s?)(\\w*\\s?)[0-9]$")
        let text = "Сидоров Иван Иванович"
        var charges: Set<Int> = []
        for _ in 0..<20 {
            var steps = PostgresRegex.matchLimit
            #expect(try !regex.matches(text, steps: &steps))
            charges.insert(PostgresRegex.matchLimit - steps)
        }
        #expect(charges.count == 1, "\(charges)")
        let charge = try #require(charges.first)
        #expect(charge > text.utf8.count)
        var few = 10
        #expect(throws: PostgresRegexError(kind: .stepsExhausted, message: "the steps allowed ran out")) {
            try regex.matches(text, steps: &few)
        }
        #expect(few == 0, "spent steps are gone")
        var more = charge + 5
        #expect(try !regex.matches(text, steps: &more))
        #expect(more == 5)
    }

    private static func outcome(of regex: PostgresRegex, on text: String) -> String {
        do {
            return try regex.matches(text) ? "match" : "no match"
        } catch {
            return error.kind == .budgetExceeded ? "budget exceeded" : "\(error)"
        }
    }

    @Test func catastrophicBacktrackingThrowsBudgetExceeded() throws {
        let regex = try PostgresRegex("(a|aa)+$")
        let text = String(repeating: "a", count: 300) + "b"
        #expect(throws: PostgresRegexError.self) { try regex.matches(text) }
        do {
            _ = try regex.matches(text)
        } catch {
            #expect(error.kind == .budgetExceeded)
        }
    }

    /// Nesting deep enough to overflow a recursive parser is "too complex", as PostgreSQL says, not a
    /// crash: groups and lookarounds alike; a few dozen levels still work.
    @Test(arguments: [("(", ")"), ("(?:", ")"), ("(?=", ")")])
    func deepNestingIsTooComplexNotACrash(open: String, close: String) throws {
        for depth in [300, 100_000] {
            let pattern = String(repeating: open, count: depth) + "a" + String(repeating: close, count: depth)
            #expect(throws: PostgresRegexError.self) { try PostgresRegex(pattern) }
            do {
                _ = try PostgresRegex(pattern)
            } catch {
                #expect(error.message == "invalid regular expression: regular expression is too complex")
            }
        }
        let shallow = String(repeating: open, count: 40) + "a" + String(repeating: close, count: 40)
        #expect(try PostgresRegex(shallow).matches("xa"))
    }

    @Test func ordinaryPatternsStayWellInsideTheBudget() throws {
        let text = String(repeating: "Иванов Иван Иванович, ", count: 40)
        #expect(try PostgresRegex("^([[:alpha:]]+ ?)+,").matches(text))
        #expect(try PostgresRegex("(\\w+) \\1").matches("Иван Иван"))
        #expect(try PostgresRegex("^(.*, )*$").matches(text))
    }
}
