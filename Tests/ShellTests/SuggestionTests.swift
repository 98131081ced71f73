import Lua
import Testing

@testable import Shell

/// "did you mean …?" everywhere a name is mistyped, from one edit-distance rule.
@Suite struct SuggestionTests {
    @Test func distanceCountsEditsAndSwapsByCharacter() {
        #expect(Suggestion.distance("status", "status") == 0)
        #expect(Suggestion.distance("stauts", "status") == 1)  // a swap
        #expect(Suggestion.distance("al", "all") == 1)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("Иванов", "Ивонов") == 1)  // characters, not bytes
        #expect(Suggestion.distance("kitten", "sitting") == 3)
    }

    @Test func closestHonoursAThreshold() {
        #expect(Suggestion.closest(to: "stauts", among: ["id", "status", "email"]) == "status")
        #expect(Suggestion.closest(to: "fitler", among: ["filter", "fields"]) == "filter")
        #expect(Suggestion.closest(to: "STATUS", among: ["id", "status"]) == "status")
        #expect(Suggestion.closest(to: "zzz", among: ["id", "status"]) == nil)
        #expect(Suggestion.closest(to: "x", among: ["id"]) == nil)
        #expect(Suggestion.closest(to: "availble", among: ["available", "break"]) == "available")
    }

    static let errors: [(String, String)] = [
        ("employees.al{}", "employees.al does not exist; did you mean employees.all?"),
        ("employees.cont{}", "employees.cont does not exist; did you mean employees.count?"),
        ("json.encod({})", "json.encod does not exist; did you mean json.encode?"),
        ("api.cal('get.employees')", "api.cal does not exist; did you mean api.call?"),
        ("employees.all{}:sort_bu('id')", "list:sort_bu does not exist; did you mean list:sort_by?"),
        ("employees.all{}:zzzzz()", "list:zzzzz does not exist; list has chart, count, count_by,"),
        ("employees.all{fitler = F.id:eq(1)}", "employees.all: unknown option 'fitler'; did you mean 'filter'? valid options: filter,"),
        ("employees.all{fields = {'ful_name'}}", "employees.all: unknown field 'ful_name' in fields[1]; did you mean 'full_name'?"),
        ("F.stauts:eq('available')", "F.stauts: unknown field; did you mean F.status? fields: id,"),
        ("F.status:eq('availble')", #"F.status:eq: "availble" is not a valid status; did you mean "available"? valid values: "available""#),
        ("F.call_recording:in_{'of'}", #"is not a valid call_recording; did you mean "off"?"#),
        ("F.status:eq('перерыв')", #"F.status:eq: "перерыв" is not a valid status; valid values:"#),
    ]

    @Test(arguments: errors)
    func mistypedNamesGetTheClosestOne(code: String, message: String) throws {
        let fixture = try ShellFixture(employees: 10)
        let result = try fixture.run("local ok, err = pcall(function() return \(code) end) return ok, tostring(err)")
        #expect(result.first == .boolean(false))
        #expect(result.last?.text?.contains(message) == true, "\(result)")
    }

    /// Reading a name that exists, or testing one that does not with rawget, is unchanged.
    @Test func existingNamesAndRawAccessStayAsTheyWere() throws {
        let fixture = try ShellFixture(employees: 10)
        let result = try fixture.run(
            "return type(employees.all), type(json.null), rawget(employees, 'al') == nil, employees.all{limit = 2}[3] == nil")
        #expect(result == [.string("function"), .string("userdata"), .boolean(true), .boolean(true)])
    }

    @Test func helpOfTheLuaAPIComesFromTheTypes() throws {
        let employees = try #require(LuaHelp.text(for: "employees"))
        #expect(employees.hasPrefix("employees: Queries of get.employees.\n"))
        #expect(employees.contains("  employees.all(options?: QueryOptions) → List\n      Every matching row"))
        #expect(employees.contains("  employees.watch(options?: QueryOptions|{every?: number}) → fun(): WatchChange?"))
        let list = try #require(LuaHelp.text(for: "list"))
        #expect(list.contains("  List:group_by(key: string|fun(row: Employee): any|(string|fun(row: Employee): any)[]) → GroupList"))
        #expect(list.contains("  List:unnest(path: string, options?: {drop_empty?: boolean}) → List"))
        let f = try #require(LuaHelp.text(for: "F"))
        #expect(f.contains("  F.status  The builders of status (enum). :eq :ne"))
        #expect(f.contains("  F.normalize(filter: FilterTable) → table"))
        let status = try #require(LuaHelp.text(for: "F.status"))
        #expect(status.contains("  F.status:in_(values: "))
        #expect(LuaHelp.text(for: "emploees") == nil)
        #expect(LuaHelp.unknown("emploees").contains("did you mean .help employees?"))
        // Every function the definitions declare is in the help of its table.
        for entry in LuaHelp.entries where entry.signature?.hasPrefix("(") == true {
            let parent = String(entry.name.prefix { $0 != ":" && $0 != "." })
            let owner = entry.name.contains(":") ? String(entry.name.prefix { $0 != ":" }) : parent
            #expect(LuaHelp.text(for: owner)?.contains("  \(entry.name)(") == true, "\(entry.name)")
        }
    }
}
