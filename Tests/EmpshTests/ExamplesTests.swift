import DataAPIClient
import DataAPIContract
import DataAPIServer
import Foundation
import TestSupport
import Testing

/// Every example runs on the demo account, and its output (as JSON) equals an independent
/// computation over the same generated company.
@Suite struct ExamplesTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let company = DemoCompany.generate(employees: DemoCompany.defaultEmployeeCount, seed: DemoCompany.defaultSeed)

    /// Runs an example with `--format json` from the repository root and parses what it printed.
    func run(_ name: String, _ arguments: [String] = []) throws -> JSON {
        let result = try runEmpsh(["--format", "json", "Examples/\(name).lua"] + arguments, directory: Self.root.path)
        #expect(result.status == 0, "\(name): \(result.stderr)")
        return try JSON(parsing: result.stdout)
    }

    func ids(_ rows: JSON?) -> [Int64] { (rows?.arrayValue ?? []).compactMap { $0["id"]?.intValue } }

    var atWork: [Employee] { Self.company.filter { $0.status != nil && $0.status != .notAtWork } }

    /// "Иванов Иван, Петрова Анна" as a set of names.
    func names(_ text: JSON?) -> Set<String> {
        Set((text?.stringValue ?? "").components(separatedBy: ", ").filter { !$0.isEmpty })
    }

    @Test func operatorsByDomain() throws {
        let groups = try #require(try run("operators_by_domain").arrayValue)
        var expected: [String: Set<String>] = [:]
        for employee in Self.company {
            for site in employee.operator?.operatorSites ?? [] {
                expected[site.siteDomainName ?? "", default: []].insert(employee.fullName ?? "")
            }
        }
        #expect(
            groups.compactMap { $0["domain"]?.stringValue }
                == expected.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) })
        for group in groups {
            let domain = try #require(group["domain"]?.stringValue)
            #expect(names(group["operators"]) == expected[domain], "\(domain)")
            #expect(group["count"]?.intValue ?? 0 >= Int64(expected[domain]?.count ?? -1))
        }
        #expect(expected.count >= 3)
    }

    @Test func operatorsPerDomainChart() throws {
        let rows = try #require(try run("operators_per_domain_chart").arrayValue)
        var expected: [String: Set<Int64>] = [:]
        for employee in Self.company {
            for site in employee.operator?.operatorSites ?? [] { expected[site.siteDomainName ?? "", default: []].insert(employee.id) }
        }
        let counts = expected.map { (key: $0.key, count: Int64($0.value.count)) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.key.unicodeScalars.lexicographicallyPrecedes($1.key.unicodeScalars)
        }
        #expect(rows.compactMap { $0["key"]?.stringValue } == counts.map(\.key))
        #expect(rows.compactMap { $0["count"]?.intValue } == counts.map(\.count))
        #expect(counts.count >= 3)
        let drawn = try runEmpsh(["Examples/operators_per_domain_chart.lua"], directory: Self.root.path)
        #expect(drawn.status == 0, "\(drawn.stderr)")
        #expect(drawn.stdout.split(separator: "\n").count == counts.count)
        #expect(drawn.stdout.contains("█"))
        #expect(!drawn.stdout.contains("\u{1B}"))
    }

    @Test func offlineWatchPrintsChangesOnAChurningDemo() throws {
        let result = try runEmpsh(
            ["Examples/offline_watch.lua", "1", "4"], environment: ["EMPSH_DEMO_CHURN": "60"], directory: Self.root.path)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let operators = Self.company.filter { $0.operator != nil }
        #expect(lines.first == "watching \(operators.count) chat operators every 1 s")
        let events = lines.dropFirst()
        #expect(!events.isEmpty, "\(result.stdout)")
        let names = Set(operators.compactMap(\.fullName))
        for line in events {
            #expect(line.contains("  offline  ") || line.contains("  back     "), "\(line)")
            #expect(names.contains { line.contains($0 + " (") }, "\(line)")
        }
        #expect(result.stderr.contains("watch: each poll costs 1 point"))
    }

    @Test func externalCallsNow() throws {
        let rows = try run("external_calls_now")
        let expected = Self.company.filter { e in
            e.status == .available && e.allowedInCallTypes.contains(.external) && e.phoneNumbers.contains { $0.status == .active }
        }
        #expect(Set(ids(rows)) == Set(expected.map(\.id)))
        #expect(!expected.isEmpty)
        for row in rows.arrayValue ?? [] {
            let employee = try #require(Self.company.first { $0.id == row["id"]?.intValue })
            #expect(row["active_numbers"]?.intValue == Int64(employee.phoneNumbers.filter { $0.status == .active }.count))
        }
    }

    @Test func unrecordedCalls() throws {
        let rows = try run("unrecorded_calls")
        let expected = atWork.filter { [.off, .incoming, .outgoing].contains($0.callRecording) }
        #expect(
            ids(rows)
                == expected.sorted { ($0.fullName ?? "").unicodeScalars.lexicographicallyPrecedes(($1.fullName ?? "").unicodeScalars) }.map(\.id))
        #expect(!expected.isEmpty)
    }

    /// Every group with the names of its members, the largest first; employees in no group
    /// (the demo has some) make no group of their own.
    @Test func groupsWithMembers() throws {
        let groups = try #require(try run("groups_with_members").arrayValue)
        var expected: [String: Set<String>] = [:]
        var sizes: [String: Int64] = [:]
        for employee in Self.company {
            for group in employee.groups {
                expected[group.groupName ?? "", default: []].insert(employee.fullName ?? "")
                sizes[group.groupName ?? "", default: 0] += 1
            }
        }
        #expect(Self.company.contains { $0.groups.isEmpty })
        #expect(Set(groups.compactMap { $0["group"]?.stringValue }) == Set(expected.keys))
        #expect(groups.allSatisfy { $0["group"]?.stringValue != nil })
        let counts = groups.compactMap { $0["count"]?.intValue }
        #expect(counts == counts.sorted(by: >))
        for group in groups {
            let name = try #require(group["group"]?.stringValue)
            #expect(names(group["members"]) == expected[name], "\(name)")
            #expect(group["count"]?.intValue == sizes[name], "\(name)")
        }
    }

    @Test func phonePolicy() throws {
        let rows = try run("phone_policy")
        var expected: [String] = []
        for employee in Self.company {
            for phone in employee.phoneNumbers {
                guard let dial = phone.dialTime, let channels = phone.channelsCount else {
                    expected.append("\(employee.id) \(phone.phoneNumber ?? "")")
                    continue
                }
                if dial < 10 || dial > 60 || channels < 1 || channels > 30 { expected.append("\(employee.id) \(phone.phoneNumber ?? "")") }
            }
        }
        let got = (rows.arrayValue ?? []).map { "\($0["id"]?.intValue ?? -1) \($0["phone_number"]?.stringValue ?? "")" }
        #expect(got.sorted() == expected.sorted())
        #expect(!expected.isEmpty)
    }

    @Test func withoutCoach() throws {
        let rows = try run("without_coach")
        let expected = atWork.filter { $0.coach == nil }
        #expect(Set(ids(rows)) == Set(expected.map(\.id)))
        #expect(!expected.isEmpty)
    }
}
