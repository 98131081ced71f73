import DataAPIContract
import Testing

@testable import EmployeeQuery

@Suite("jsquery robustness")
struct JSQueryRobustnessTests {
    @Test func longChainsEvaluateWithoutDeepRecursion() throws {
        let chain = (0..<20_000).map { "coach_id = \($0)" }.joined(separator: " OR ")
        let query = try JSQuery(chain)
        #expect(query.matches(.object(["coach_id": .int(19_999)])))
        #expect(!query.matches(.object(["coach_id": .int(20_001)])))
    }

    @Test func equalQueriesAreEqual() throws {
        #expect(try JSQuery("a = 1") == JSQuery("a = 1"))
        #expect(try JSQuery("a = 1").description == "a = 1")
        #expect(try JSQuery("a = 1") != JSQuery("a = 2"))
    }

    @Test func randomInputNeverCrashes() throws {
        let alphabet = Array("#%*$@.,:?()[]{}=<>&!|\"\\/ -+01279eaEINOTDRSnotdr_xyzя\u{00A0}\t\n")
        let seeds = [
            "#.group_id = 5", "#(a = 1 AND b = \"x\")", "$ @> [\"x\", 1]", "a IN (1, 2.5e3)", "NOT (x = *)",
            "a.@# > 1 /*-- index */", "?(a = 1).*:.b = 2", "%: IS STRING",
        ]
        let documents = try ["{\"a\":[1,{\"b\":2}],\"x\":\"y\"}", "[1,\"x\",[]]", "\"x\"", "7", "null", "{}"].map { try JSON(parsing: $0) }
        var generator = SystemRandomNumberGenerator()
        var parsed = 0
        for round in 0..<20_000 {
            var text: [Character]
            if round.isMultiple(of: 2) {
                text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }
            } else {
                text = Array(seeds.randomElement(using: &generator)!)
                for _ in 0..<Int.random(in: 1...3, using: &generator) {
                    let at = Int.random(in: 0...text.count, using: &generator)
                    if Bool.random(using: &generator), at < text.count {
                        text.remove(at: at)
                    } else {
                        text.insert(alphabet.randomElement(using: &generator)!, at: at)
                    }
                }
            }
            let source = String(text)
            do {
                let query = try JSQuery(source)
                parsed += 1
                for document in documents { _ = query.matches(document) }
            } catch {
                #expect((0...source.unicodeScalars.count).contains(error.offset), "\(source.debugDescription): \(error)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(parsed > 100)
    }
}
