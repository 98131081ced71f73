import PostgresRegex
import Testing

/// One compiled regex is shared by many tasks matching at once, as a server's filter is.
@Suite struct PostgresRegexConcurrencyTests {
    static let names = [
        "Иванов Иван Иванович", "Пётр", "Ёлкина", "O'Brien", "Anna-Maria", "test@example.com",
        "+7 (495) 123-45-67", "Мария-Луиза", "ИВАНОВ", "иванов",
    ]

    /// Patterns covering the plain path, back-references, and emulated lookbehinds (which keep
    /// per-call state).
    @Test(arguments: ["^[[:upper:]][[:lower:]]+", "(\\w)\\1", "(?<=[[:alpha:]]+)-[[:alpha:]]+$"])
    func sharedRegexGivesTheSameAnswersFromManyTasks(_ pattern: String) async throws {
        let regex = try PostgresRegex(pattern)
        let expected = try Self.names.map { text throws(PostgresRegexError) in try regex.matches(text) }
        let rounds = 200
        let mismatches = try await withThrowingTaskGroup(of: Int.self) { group in
            for task in 0..<16 {
                group.addTask {
                    var mismatches = 0
                    for round in 0..<rounds {
                        let index = (task + round) % Self.names.count
                        if try regex.matches(Self.names[index]) != expected[index] { mismatches += 1 }
                    }
                    return mismatches
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(mismatches == 0)
    }

    @Test func compilingFromManyTasksAtOnce() async throws {
        let results = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<64 {
                group.addTask {
                    try PostgresRegex("(?i)^ёлкина$").matches(index.isMultiple(of: 2) ? "ЁЛКИНА" : "Ёлкин")
                }
            }
            return try await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 32)
    }
}
