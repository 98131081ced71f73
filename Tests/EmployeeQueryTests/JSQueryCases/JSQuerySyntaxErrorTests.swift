import DataAPIContract
import Testing

@testable import EmployeeQuery

/// Messages and offsets of refused expressions (offsets in Unicode scalars, 0-based).
@Suite("jsquery syntax errors")
struct JSQuerySyntaxErrorTests {
    static let errors: [(String, String, Int)] = [
        ("coach_id =", "syntax error, unexpected end of file", 10),
        ("группа = ", "syntax error, unexpected end of file", 9),
        ("coach_id = )", "syntax error, unexpected ')'", 11),
        ("coach_id 5", "syntax error, unexpected INT_P \"5\"", 9),
        ("(coach_id = 1", "syntax error, unexpected end of file", 13),
        ("coach_id = 1 coach_id = 2", "syntax error, unexpected STRING_P \"coach_id\"", 13),
        ("a ! 1", "syntax error, unexpected invalid token", 2),
        ("a < \"1\"", "syntax error, unexpected STRING_P", 4),
        ("a = TRUE AND", "syntax error, unexpected end of file", 12),
        ("/*-- index */ a = 1", "syntax error, unexpected HINT_P", 0),
        ("a = []", "syntax error, unexpected ']'", 5),
        ("a = {\"b\": 1}", "syntax error, unexpected STRING_P \"b\"", 5),
        ("a = \"abc", "Unexpected end of quoted string", 8),
        ("a = 1 /* c", "Unexpected end of comment", 10),
        ("a = \"\\q\"", "Escape sequence is invalid", 5),
        ("a = \"\\/\"", "Escape sequence is invalid", 5),
        ("a = \"\\u12\"", "Unicode sequence is invalid", 5),
        ("a = \"\\ude00\"", "Unicode low surrogate must follow a high surrogate", 5),
        ("a = \"\\u0000\"", "unsupported Unicode escape sequence", 5),
        ("é = \\", "Unexpected end after backslash", 4),
        ("#2147483648 = 1", "value \"2147483648\" is out of range for type integer", 1),
        ("a = 1e131072", "value overflows numeric format", 4),
        ("a.@#.b = 1", "Array length should be last in path", 5),
        ("a.@# = *", "Array length should be last in path", 7),
        ("", "empty jsquery", 0),
        (" /* nothing */ ", "empty jsquery", 15),
        ("a = 1\0", "invalid byte 0x00", 5),
    ]

    @Test("message and offset", arguments: errors)
    func refused(expression: String, message: String, offset: Int) {
        #expect(throws: JSQuerySyntaxError.self) { try JSQuery(expression) }
        do {
            _ = try JSQuery(expression)
        } catch {
            #expect(error.message.hasPrefix(message), "\(expression.debugDescription): \(error)")
            #expect(error.offset == offset, "\(expression.debugDescription): \(error)")
            #expect(error.description == "\(error.message) at \(error.offset)")
        }
    }

    /// jsquery stores these but fails on them at run time ("Wrong state", or a crash) whenever
    /// evaluation reaches them; they are refused up front instead.
    @Test(arguments: ["*:", "a.*:", "@#", "a.@#", "NOT ((@#))", "#.?(@#)(# = 1)", "a = 1 OR b.*:"])
    func pathsJsqueryCannotRunAreRefused(expression: String) {
        #expect(throws: JSQuerySyntaxError.self) { try JSQuery(expression) }
    }

    @Test func nestingIsLimited() throws {
        let deepNot = String(repeating: "NOT ", count: 250) + "a = 1"
        let deepParens = String(repeating: "(", count: 300) + "a = 1" + String(repeating: ")", count: 300)
        let deepPaths = String(repeating: "a(", count: 300) + "b = 1" + String(repeating: ")", count: 300)
        for expression in [deepNot, deepParens, deepPaths] {
            do {
                _ = try JSQuery(expression)
                Issue.record("accepted \(expression.prefix(20))…")
            } catch {
                #expect(error.message.contains("nests deeper than 200 levels"))
            }
        }
        let value = JSON.object(["a": .int(1)])
        #expect(try JSQuery(String(repeating: "NOT ", count: 150) + "a = 1").matches(value))
        #expect(try !JSQuery(String(repeating: "NOT ", count: 151) + "a = 1").matches(value))
    }

    /// Paths are walked by recursion: a path of very many steps, alone or through the filters it holds,
    /// is refused, not a stack overflow; many short paths side by side are fine.
    @Test func pathStepsAreLimited() throws {
        for steps in [257, 100_000] {
            for step in ["$.", "*.", "a."] {
                let expression = String(repeating: step, count: steps) + "b = 1"
                do {
                    _ = try JSQuery(expression)
                    Issue.record("accepted \(steps) steps of \(step)")
                } catch {
                    #expect(error.message.contains("more than 256 steps"), "\(error.message)")
                }
            }
        }
        let filters = String(repeating: "a.a.a.a.a.a.a.?(", count: 40) + "b = 1" + String(repeating: ")", count: 40) + " = *"
        do {
            _ = try JSQuery(filters)
            Issue.record("accepted 320 steps through filters")
        } catch {
            #expect(error.message.contains("more than 256 steps"), "\(error.message)")
        }
        #expect(try JSQuery((0..<1000).map { "k\($0) = 1" }.joined(separator: " OR ")).matches(.object(["k999": .int(1)])))
        let nested = JSON.object(["a": .object(["a": .object(["b": .int(1)])])])
        #expect(try JSQuery(String(repeating: "a.", count: 2) + "b = 1").matches(nested))
        #expect(try JSQuery(String(repeating: "$.", count: 200) + "a.a.b = 1").matches(nested))
    }
}
