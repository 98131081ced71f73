import DataAPIContract
import DataAPIServer
import TestSupport
import Testing

@testable import EmployeeQuery

@Suite("jsquery")
struct JSQueryTests {
    /// (field, expression, expected) on the fixtures of `EmployeeFixture`.
    static let forms: [(String, String, Bool)] = [
        // key comparisons on an object
        ("coach", "coach_id = 17", true), ("coach", "coach_id = 18", false),
        ("coach", "coach_id = 17.0", true), ("coach", "coach_id = \"17\"", false),
        ("coach", "\"coach_id\" = 17", true),
        ("coach", "coach_id IN (1, 17)", true), ("coach", "coach_id IN (1, 2)", false),
        ("coach", "coach_id > 10", true), ("coach", "coach_id < 10", false),
        ("coach", "coach_id >= 17", true), ("coach", "coach_id <= 16.5", false),
        ("coach", "coach_id < 1e3", true), ("coach", "coach_id < .5e1", false), ("coach", "coach_id = +17", true),
        ("coach", "coach_always_enabled = false", true), ("coach", "coach_always_enabled = true", false),
        ("coach", "coach_always_enabled = null", false),
        ("coach", "coach_full_name = \"Петров Пётр Петрович\"", true), ("coach", "coach_full_name = \"Петров\"", false),
        ("coach", "coach_id = *", true), ("coach", "coach_email = *", false),
        ("coach", "NOT coach_id = 17", false), ("coach", "not (coach_id = 1)", true),
        ("coach", "coach_id = 17 AND coach_always_enabled = true", false),
        ("coach", "coach_id = 17 OR coach_always_enabled = true", true),
        ("coach", "coach_id = 1 or coach_id = 2 or coach_id = 17", true),
        ("coach", "(coach_id = 1 OR coach_id = 17) AND NOT coach_always_enabled = true", true),
        ("coach", "%: IS NUMERIC", false), ("coach", "coach_id /*-- index */ = 17", true),
        ("coach", "/* a comment */ coach_id = 17", true),
        ("coach", "% = 17", true), ("coach", "% = 99", false),
        ("coach", "* = \"Петров Пётр Петрович\"", true), ("coach", "* = \"Иванов\"", false),
        ("coach", "coach_id IS NUMERIC", true), ("coach", "coach_id IS STRING", false),
        ("coach", "$ IS OBJECT", true), ("coach", "@# = 3", true),
        ("null_coach", "coach_id = 17", false), ("null_coach", "NOT coach_id = *", true),
        // arrays of objects
        ("groups", "#.group_id = 5", true), ("groups", "#.group_id = 6", false),
        ("groups", "#.group_name = \"Поддержка\"", true), ("groups", "#.group_name = \"Бухгалтерия\"", false),
        ("groups", "#(group_id = 5 AND group_name = \"Продажи\")", true),
        ("groups", "#(group_id = 5 AND group_name = \"Поддержка\")", false),
        ("groups", "#.group_id = 5 AND #.group_name = \"Поддержка\"", true),
        ("groups", "#.group_id IN (7, 12)", true), ("groups", "#.group_id IN (7, 13)", false),
        ("groups", "#0.group_id = 5", true), ("groups", "#1.group_id = 5", false), ("groups", "#5.group_id = 5", false),
        ("groups", "@# = 2", true), ("groups", "@# > 2", false),
        ("groups", "#:.group_id > 0", true), ("groups", "#:.group_id > 5", false),
        ("groups", "#.group_id = *", true), ("groups", "#.coach_id = *", false),
        ("groups", "*.group_id = 12", true), ("groups", "group_id = 5", false),
        ("groups", "#(NOT group_id = 5)", true), ("groups", "NOT #(group_id > 0)", false),
        ("groups", "#(group_id = 5 OR group_id = 99) AND NOT #.group_id = 99", true),
        ("empty_array", "#.group_id = *", false), ("empty_array", "NOT # = *", true),
        ("phone_numbers", "#.phone_number = \"74955140578...2345\"", true),
        ("phone_numbers", "#.phone_number = \"74955140578\"", false),
        ("phone_numbers", "#(status = \"inactive\" AND channels_count > 2)", true),
        ("phone_numbers", "#(status = \"inactive\" AND channels_count > 3)", false),
        ("phone_numbers", "#.dial_time < 45", true), ("phone_numbers", "#.dial_time > 60", false),
        ("phone_numbers", "#.phone_number = *", true), ("phone_numbers", "#.extension = *", false),
        ("phone_numbers", "#(status = \"active\" AND NOT dial_time = 60)", false),
        ("phone_numbers", "#.status = inactive", true), ("phone_numbers", "#.status = blocked", false),
        // arrays of strings
        ("allowed_in_call_types", "# = \"internal\"", true), ("allowed_in_call_types", "# = \"mobile\"", false),
        ("allowed_in_call_types", "$ @> [\"external\"]", true), ("allowed_out_call_types", "$ @> [\"external\"]", false),
        ("allowed_in_call_types", "$ @> [\"external\", \"internal\"]", true),
        ("allowed_in_call_types", "$ && [\"external\", \"mobile\"]", true), ("allowed_out_call_types", "$ && [\"external\"]", false),
        ("allowed_out_call_types", "$ <@ [\"internal\", \"external\"]", true), ("allowed_out_call_types", "$ <@ [\"external\"]", false),
        ("allowed_out_call_types", "$ = [\"internal\"]", true), ("allowed_out_call_types", "$ = [\"external\"]", false),
        ("allowed_in_call_types", "$ IS ARRAY", true), ("allowed_in_call_types", "$ IS OBJECT", false),
        ("allowed_in_call_types", "# IN (\"external\")", true), ("allowed_out_call_types", "# IN (\"external\")", false),
        ("empty_array", "$ @> [\"internal\"]", false), ("empty_array", "#: = \"x\"", true),
        // extension object, keywords in any case
        ("extension", "extension_phone_number = \"101\"", true), ("extension", "extension_phone_number = 101", false),
        ("extension", "extension_phone_number = \"102\"", false),
        ("extension", "extension_voice_mail_enabled = true AND extension_queue_enabled = false", true),
        ("extension", "NOT (extension_phone_number = \"101\" OR extension_voice_mail_enabled = false)", false),
        ("extension", "extension_phone_number in (\"101\") and Not extension_queue_enabled = TRUE", true),
        ("extension", "extension_phone_number IS STRING", true), ("extension", "extension_queue_enabled IS BOOLEAN", true),
    ]

    @Test("jsquery forms on employee JSON", arguments: forms)
    func form(field: String, expression: String, expected: Bool) throws {
        let query = try JSQuery(expression)
        #expect(query.matches(EmployeeFixture.field(field)) == expected, "\(field): \(expression)")
    }

    /// Forms postgrespro/jsquery rejects (its grammar has no object literals, no empty arrays, no
    /// order comparisons with strings); the full table with PostgreSQL's answers is `JSQueryCaseTable`.
    static let rejected: [String] = [
        "coach_id =", "#.group_id = ", "coach_id = )", "группа = ", "", "coach_id 5", "(coach_id = 1",
        "coach_id = \"abc", "coach_id IN 1", "coach_id IN (1, 2", "coach_id = 1 coach_id = 2", "a.", "a ! 1",
        "$ @> 5", "$ && {\"a\": 1}", "a = 1 AND", "#.x IS FOO", "a & b", "a = [1, 2", "a = \"\\q\"", "a < [1]",
        "#(a = 1", "coach_id > \"a\"", "coach_full_name > \"Петров\"", "$ @> {\"coach_id\": 17}",
        "$ @> [{\"group_id\": 12}]", "$ = []",
    ]

    @Test("forms jsquery rejects are syntax errors with an offset inside the text", arguments: rejected)
    func syntaxError(expression: String) {
        #expect(throws: JSQuerySyntaxError.self) { try JSQuery(expression) }
        do {
            _ = try JSQuery(expression)
        } catch {
            #expect((0...expression.unicodeScalars.count).contains(error.offset), "\(expression): \(error)")
            #expect(error.description.hasSuffix(" at \(error.offset)"))
        }
    }

    @Test func nestingIsLimited() throws {
        let deepNot = String(repeating: "NOT ", count: 250) + "a = 1"
        let deepParens = String(repeating: "(", count: 300) + "a = 1" + String(repeating: ")", count: 300)
        for expression in [deepNot, deepParens] {
            #expect(throws: JSQuerySyntaxError.self) { try JSQuery(expression) }
        }
        let allowed = try JSQuery(String(repeating: "NOT ", count: 150) + "coach_id = 17")
        #expect(allowed.matches(EmployeeFixture.coach))
        let odd = try JSQuery(String(repeating: "NOT ", count: 151) + "coach_id = 17")
        #expect(!odd.matches(EmployeeFixture.coach))
    }

    @Test func longChainsEvaluateWithoutDeepRecursion() throws {
        let chain = (0..<20_000).map { "coach_id = \($0)" }.joined(separator: " OR ")
        let query = try JSQuery(chain)
        #expect(query.matches(EmployeeFixture.coach))
        #expect(!query.matches(json(["coach_id": 20_001] as KeyValuePairs<String, Any>)))
    }

    @Test func cyrillicKeysAndEscapes() throws {
        let value = json(["имя": "Анна \"А\"", "n": -1.5] as KeyValuePairs<String, Any>)
        #expect(try JSQuery("имя = \"Анна \\\"А\\\"\"").matches(value))
        #expect(try JSQuery("\"имя\" = \"\\u0410\\u043d\\u043d\\u0430 \\\"\\u0410\\\"\"").matches(value))
        #expect(try JSQuery("n = -1.5 AND n < -1 AND n > -2").matches(value))
        #expect(try !JSQuery("n = -1").matches(value))
    }

    @Test func randomInputNeverCrashes() {
        let alphabet = Array("#%*$@.,:()[]{}=<>&!\"\\ -01279eaEINOTDRSnotdr_xyzя\u{00A0}\t")
        let seeds = ["#.group_id = 5", "#(a = 1 AND b = \"x\")", "$ @> [\"x\", {\"a\": [1]}]", "coach_id IN (1, 2.5e3)", "NOT (x = *)"]
        var rng = SplitMix64(seed: 42)
        var parsed = 0
        for round in 0..<20_000 {
            var text: [Character]
            if round.isMultiple(of: 2) {
                text = (0..<rng.int(in: 0...40)).map { _ in alphabet[rng.int(in: 0...(alphabet.count - 1))] }
            } else {
                text = Array(seeds[rng.int(in: 0...(seeds.count - 1))])
                for _ in 0..<rng.int(in: 1...3) {
                    let at = rng.int(in: 0...text.count)
                    if rng.int(in: 0...1) == 0, at < text.count {
                        text.remove(at: at)
                    } else {
                        text.insert(alphabet[rng.int(in: 0...(alphabet.count - 1))], at: at)
                    }
                }
            }
            let source = String(text)
            do {
                let query = try JSQuery(source)
                parsed += 1
                for value in EmployeeFixture.all { _ = query.matches(value) }
            } catch {
                #expect((0...source.unicodeScalars.count).contains(error.offset), "\(source): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100, "the fuzzer should also produce valid expressions")
    }
}
