import DataAPIContract
import EmployeeQuery
import Foundation
import Lua
import TestSupport
import Testing

@testable import Shell

/// The `F.<field>` builders come from the catalogue: which apply to a field, what they build, and
/// what completion offers after `F.<field>:`.
@Suite struct FilterBuilderTests {
    @Test(arguments: [
        (FieldKind.number, "eq ne lt le gt ge in_ not_in is_null is_not_null"),
        (.string, "eq ne lt le gt ge like ilike not_like not_ilike regexp in_ not_in is_null is_not_null"),
        (.arrayOfEnumerations(["a"]), "has exists jsquery overlap not_overlap is_null is_not_null"),
        (.object([]), "has exists jsquery is_null is_not_null"),
    ])
    func buildersFollowTheKindsOperators(kind: FieldKind, names: String) {
        #expect(FilterBuilder.builders(for: kind).map(\.name).joined(separator: " ") == names)
    }

    @Test func namesFollowOneRule() {
        let names = FilterOperator.known.map { "\($0.rawValue)→\(FilterBuilder.name(of: $0))" }
        #expect(
            names.joined(separator: " ") == "=→eq !=→ne <→lt <=→le >→gt >=→ge like→like ilike→ilike not_like→not_like "
                + "not_ilike→not_ilike regexp→regexp jsquery→jsquery in→in_ not_in→not_in overlap→overlap "
                + "not_overlap→not_overlap is_null→is_null is_not_null→is_not_null")
    }

    /// Every builder a field lists exists in Lua; every other one says it does not apply and names the ones that do.
    @Test func luaOffersExactlyTheCataloguesBuilders() throws {
        let harness = try PreludeHarness()
        for field in EmployeeField.allCases {
            let builders = FilterBuilder.builders(for: field.kind).map(\.name)
            for builder in FilterBuilder.all.map(\.name) {
                let message = harness.error("local c = F.\(field.rawValue):\(builder)(nil)")
                let refused =
                    "chunk:1: F.\(field.rawValue):\(builder) does not apply to \(field.rawValue) (\(field.kind.name)); use :"
                    + builders.joined(separator: ", :")
                if builders.contains(builder) {
                    #expect(message != refused, "\(field.rawValue):\(builder)")
                } else {
                    #expect(message == refused)
                }
            }
        }
    }

    @Test func eachBuilderBuildsItsOperator() throws {
        let harness = try PreludeHarness()
        let cases: [(String, String)] = [
            ("F.id:le(3)", "<="), ("F.id:ge(3)", ">="), ("F.email:regexp 'x'", "regexp"), ("F.id:not_in{1}", "not_in"),
            ("F.groups:exists()", "is_not_null"), ("F.coach:has{coach_id = 1}", "jsquery"), ("F.coach:is_null()", "is_null"),
        ]
        for (lua, op) in cases { #expect(try harness.text("return (\(lua)).operator") == op, "\(lua)") }
    }

    @Test func normalizeTakesTheRuleFromTheCatalogue() throws {
        let harness = try PreludeHarness()
        #expect(
            try harness.json(#"return F.normalize{field = "groups", operator = "!=", value = json.null}"#)
                == #"{"field":"groups","operator":"!=","value":null}"#)
        #expect(
            harness.error(#"F.normalize{field = "groups", operator = "=", value = 3}"#)
                == "chunk:1: filter (groups =): operator = does not apply to groups (array of objects)")
        #expect(
            harness.error(#"F.normalize{field = "calls_available", operator = "in", value = {1}}"#)
                == "chunk:1: filter (calls_available in) (item 1) expects true or false, got 1")
    }

    /// Completing through a table whose `__index` never returns gives no candidates within the
    /// completion's time limit, and the session goes on: completion and code work afterwards.
    @Test func completionThroughAnEndlessIndexGivesUpAndTheSessionGoesOn() throws {
        let fixture = try ShellFixture(employees: 10)
        let repl = try REPL(shell: fixture.shell, reader: PlainLineReader(showPrompt: false))
        try fixture.run("trap = setmetatable({}, {__index = function() while true do end end}) slow = {inner = trap}")
        for word in ["trap.x.", "slow.inner.y.", "trap.x:"] {
            let started = Date()
            #expect(repl.completions(for: word, inString: false) == [])
            #expect(Date().timeIntervalSince(started) < Watchdog.seconds(expecting: 0.5), "\(word)")
        }
        #expect(repl.completions(for: "F.groups:h", inString: false) == ["F.groups:has"])
        #expect(try fixture.run("return 1 + 1") == [2])
    }

    @Test func completionOffersOnlyTheFieldsBuilders() throws {
        let fixture = try ShellFixture(employees: 10)
        let repl = try REPL(shell: fixture.shell, reader: PlainLineReader(showPrompt: false))
        for field in EmployeeField.allCases {
            let expected = FilterBuilder.builders(for: field.kind).map { "F.\(field.rawValue):\($0.name)" }.sorted()
            #expect(repl.completions(for: "F.\(field.rawValue):", inString: false) == expected)
        }
        #expect(repl.completions(for: "F.status:h", inString: false) == [])
        #expect(repl.completions(for: "F.groups:h", inString: false) == ["F.groups:has"])
        #expect(
            repl.completions(for: "F.status:i", inString: false) == ["F.status:ilike", "F.status:in_", "F.status:is_not_null", "F.status:is_null"])
        #expect(repl.completions(for: "F.status.", inString: false) == [])
        #expect(repl.completions(for: "F.sta", inString: false) == ["F.status"])
    }
}
