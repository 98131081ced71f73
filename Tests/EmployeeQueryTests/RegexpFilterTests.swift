import DataAPIContract
import EmployeeQuery
import Testing

/// `regexp` in a filter: PostgreSQL's `~` (per character on UTF-8), its errors naming the value, and
/// its bounds in steps. The engine itself is tested against PostgreSQL's answers in `PostgresRegexTests`.
@Suite("regexp in filters")
struct RegexpFilterTests {
    static func person(_ id: Int64, _ name: String) -> Employee {
        Employee(id: id, fullName: name)
    }

    static let people = [
        person(1, "Нотов Иван"), person(2, "Пётр Ёлкин"), person(3, "O'Brien Anna-Maria"), person(4, "Сидоров Иван Иванович"),
    ]

    func ids(_ pattern: String) throws -> [Int64] {
        try LocalFilter(.condition("full_name", .regexp, .string(pattern))).filter(Self.people).map(\.id)
    }

    @Test("Cyrillic is matched per character, with classes and escapes that cover it")
    func cyrillic() throws {
        #expect(try ids("^Н.т") == [1])
        #expect(try ids("^Н..т") == [])
        #expect(try ids("^[а-яё]+") == [])
        #expect(try ids("^[[:alpha:]]+ [[:upper:]]") == [1, 2, 4])
        #expect(try ids("\\mИван\\M") == [1, 4])
        #expect(try ids("(?i)^пЁтр") == [2])
        #expect(try ids("^\\w+ \\w+$") == [1, 2])
        #expect(try ids("(?:Иван)ович$") == [4])
        #expect(try ids("Иван(?= )") == [4])
    }

    @Test("A pattern PostgreSQL rejects is invalid_parameter_value naming the value", arguments: ["a**", "(Иван", "a{256}", "\\p{L}", "x(?>y)"])
    func invalidPatterns(pattern: String) {
        do {
            _ = try LocalFilter(.condition("full_name", .regexp, .string(pattern)))
            Issue.record("\(pattern) was accepted")
        } catch {
            #expect(error.mnemonic == .invalidParameterValue)
            #expect(error.field == "filter.value")
            #expect(error.message.hasPrefix("invalid regular expression"), "\(error.message)")
        }
    }

    @Test("A catastrophic pattern stops at its own step limit with an error naming the value")
    func catastrophicPattern() throws {
        let long = Employee(id: 9, fullName: String(repeating: "а", count: 300) + "!")
        let filter = try LocalFilter(.condition("full_name", .regexp, .string("^(а|аа)+$")))
        do {
            _ = try filter.filter([long])
            Issue.record("the match finished")
        } catch {
            #expect(error.mnemonic == .invalidParameterValue && error.field == "filter.value")
        }
    }

    @Test("The whole evaluation is bounded: past the budget, an error naming filter")
    func evaluationBudget() throws {
        let many = (0..<20_000).map { Self.person(Int64($0), "Сидоров Иван Иванович \($0)") }
        let filter = try LocalFilter(.condition("full_name", .regexp, .string("(\\w+\\s?)+[0-9]+$")))
        do {
            _ = try filter.filter(many, within: EvaluationBudget(steps: 100_000))
            Issue.record("finished within 100 000 steps")
        } catch {
            #expect(error.mnemonic == .invalidParameterValue && error.field == "filter")
        }
    }
}
