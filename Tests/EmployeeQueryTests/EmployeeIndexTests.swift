import DataAPIContract
import TestSupport
import Testing

@testable import EmployeeQuery

/// The index answers exactly what the scan answers, on records chosen for the rules' corners:
/// case and Unicode in `like`/`ilike`, escapes, empty strings, nulls, unknown enum values, numbers
/// compared with non-integral operands, and groups mixing indexable and non-indexable tests.
@Suite struct EmployeeIndexTests {
    static let records: [Employee] = [
        Employee(id: 1, firstName: "Ёлка", lastName: "Abc", status: .available, email: "a@x.ru", callsAvailable: true, scheduleID: 5),
        Employee(id: 2, firstName: "ёлка", lastName: "abc", status: .onBreak, callsAvailable: false, scheduleID: -3),
        Employee(id: 3, firstName: "ЁЛКА", lastName: "ABC", status: EmployeeStatus(rawValue: "vacation")),
        Employee(id: 4, firstName: "\u{C9}mile", lastName: "50%_off"),
        Employee(id: 5, firstName: "E\u{301}mile", lastName: "50%xoff"),
        Employee(id: 6, firstName: "😀Smile", lastName: ""),
        Employee(id: 7),
        Employee(id: 8, firstName: "\u{130}dil", lastName: "ß"),
        Employee(id: 9, firstName: "idil", lastName: "SS"),
        Employee(id: 10, firstName: "Elk", lastName: "Abcd"),
    ]
    static let index = EmployeeIndex(records)

    struct Case: CustomTestStringConvertible, Sendable {
        let filter: JSON
        let ids: [Int64]
        init(_ field: String, _ op: String, _ value: Any?, _ ids: [Int64]) {
            var condition: JSONObject = ["field": .string(field), "operator": .string(op)]
            if let value { condition["value"] = json(value) }
            (filter, self.ids) = (.object(condition), ids)
        }
        init(_ condition: String, _ members: [Case], _ ids: [Int64]) {
            (filter, self.ids) = (.object(["condition": .string(condition), "filters": .array(members.map(\.filter))]), ids)
        }
        var testDescription: String { filter.encodedString() }
    }

    static let cases: [Case] = [
        // like is case-sensitive, ilike folds Cyrillic (Ё included); both compare scalars
        Case("first_name", "like", "Ё%", [1, 3]),
        Case("first_name", "like", "ё%", [2]),
        Case("first_name", "ilike", "ё%", [1, 2, 3]),
        Case("first_name", "ilike", "ЁЛ%", [1, 2, 3]),
        Case("first_name", "like", "Ёлка", [1]),
        Case("first_name", "ilike", "ёлка", [1, 2, 3]),
        Case("first_name", "not_like", "Ё%", [2, 4, 5, 6, 8, 9, 10]),
        Case("first_name", "not_ilike", "ё%", [4, 5, 6, 8, 9, 10]),
        Case("first_name", "not_like", "E_mile", [1, 2, 3, 4, 6, 8, 9, 10]),
        // precomposed and decomposed É are different scalars, so different strings
        Case("first_name", "like", "\u{C9}%", [4]),
        Case("first_name", "=", "\u{C9}mile", [4]),
        Case("first_name", "=", "E\u{301}mile", [5]),
        Case("first_name", "like", "E%", [5, 10]),
        Case("first_name", "like", "E_mile", [5]),
        Case("first_name", "like", "😀%", [6]),
        Case("first_name", "ilike", "😀s%", [6]),
        // İ lower-cases to two scalars, so ilike leaves it as it is
        Case("first_name", "ilike", "i%", [9]),
        Case("first_name", "ilike", "\u{130}%", [8]),
        Case("last_name", "ilike", "ss", [9]),
        // escapes, empty strings, the bare wildcard
        Case("last_name", "like", "50\\%%", [4, 5]),
        Case("last_name", "like", "50\\%\\_%", [4]),
        Case("last_name", "like", "50_\\_%", [4]),
        Case("last_name", "=", "", [6]),
        Case("last_name", "like", "", [6]),
        Case("last_name", "like", "%", [1, 2, 3, 4, 5, 6, 8, 9, 10]),
        Case("last_name", "not_like", "%", []),
        Case("last_name", "ilike", "abc%", [1, 2, 3, 10]),
        Case("last_name", "like", "Abc%", [1, 10]),
        Case("last_name", "like", "%bc", [1, 2]),
        // order comparisons by scalar value; null never compares
        Case("last_name", "!=", "abc", [1, 3, 4, 5, 6, 8, 9, 10]),
        Case("last_name", "in", ["abc", "ß", "nobody"], [2, 8]),
        Case("last_name", "not_in", ["abc", "ß"], [1, 3, 4, 5, 6, 9, 10]),
        Case("last_name", "in", [String](), []),
        Case("last_name", "not_in", [String](), [1, 2, 3, 4, 5, 6, 8, 9, 10]),
        // enums, with a value outside the known set in the records
        Case("status", "=", "available", [1]),
        Case("status", "in", ["available", "break"], [1, 2]),
        Case("status", "not_in", ["available"], [2, 3]),
        Case("status", "!=", "break", [1, 3]),
        Case("status", "is_null", nil, [4, 5, 6, 7, 8, 9, 10]),
        Case("status", "=", JSON.null, [4, 5, 6, 7, 8, 9, 10]),
        Case("status", "is_not_null", nil, [1, 2, 3]),
        // numbers, with integral and non-integral operands mixed
        Case("schedule_id", "in", [5, -3], [1, 2]),
        Case("schedule_id", "in", [JSON.int(5), .double(5.0), .double(-2.5)], [1]),
        Case("schedule_id", "=", 5.0, [1]),
        Case("schedule_id", ">", -3.5, [1, 2]),
        Case("schedule_id", "<", 0, [2]),
        Case("schedule_id", "not_in", [5], [2]),
        Case("id", "in", [JSON.int(1), .double(2.0), .double(3.5)], [1, 2]),
        Case("id", ">=", 9, [9, 10]),
        Case("id", "!=", 7, [1, 2, 3, 4, 5, 6, 8, 9, 10]),
        // Booleans
        Case("calls_available", "=", true, [1]),
        Case("calls_available", "!=", true, [2]),
        Case("calls_available", "is_null", nil, [3, 4, 5, 6, 7, 8, 9, 10]),
        // groups: indexable with indexable, with a scan-only member, and a regexp
        Case("and", [Case("status", "in", ["available", "break"], []), Case("first_name", "like", "Ё%", [])], [1]),
        Case("or", [Case("first_name", "like", "ё%", []), Case("id", "=", 4, [])], [2, 4]),
        Case("and", [Case("first_name", "ilike", "%лк%", []), Case("status", "!=", "break", [])], [1, 3]),
        Case("or", [Case("first_name", "ilike", "%лк%", []), Case("id", "=", 4, [])], [1, 2, 3, 4]),
        Case("and", [Case("first_name", "regexp", "^Ё", []), Case("id", "<", 3, [])], [1]),
        Case(
            "or",
            [Case("and", [Case("last_name", "like", "50%", []), Case("first_name", "like", "E%", [])], []), Case("email", "is_not_null", nil, [])],
            [1, 5]),
    ]

    static func request(_ filter: JSON) throws -> EmployeesRequest {
        try EmployeesRequest(Query(params: ["filter": filter]))
    }

    @Test(arguments: cases)
    func indexedAnswerIsTheScanAnswer(_ c: Case) throws {
        let request = try Self.request(c.filter)
        let scanned = try request.matchingIndices(in: Self.records).map { Self.records[Int($0)].id }
        let indexed = try request.matchingRecords(in: Self.records, index: Self.index).positions().map { Self.records[Int($0)].id }
        #expect(scanned == c.ids)
        #expect(indexed == c.ids)
    }

    @Test func likePatternsSayWhatTheyStartWith() throws {
        #expect(try LikePattern("Иван%").anchor == .prefix(Array("Иван".unicodeScalars.map(\.value))))
        #expect(try LikePattern("Иван%%").anchor == .prefix(Array("Иван".unicodeScalars.map(\.value))))
        #expect(try LikePattern("Иван").anchor == .equal(Array("Иван".unicodeScalars.map(\.value))))
        #expect(try LikePattern("ИВ%", caseInsensitive: true).anchor == .prefix(Array("ив".unicodeScalars.map(\.value))))
        #expect(try LikePattern("Ив_н%").anchor == .startsWith(Array("Ив".unicodeScalars.map(\.value))))
        #expect(try LikePattern("Ив%ан").anchor == .startsWith(Array("Ив".unicodeScalars.map(\.value))))
        #expect(try LikePattern("%ан").anchor == .startsWith([]))
        #expect(try LikePattern("a\\%%").anchor == .prefix([0x61, 0x25]))
        #expect(try LikePattern("%").anchor == .prefix([]))
    }

    @Test func recordSetCountsSkipsAndComplements() {
        let set = RecordSet([3, 64, 65, 129, 0], capacity: 130)
        #expect(set.count == 5)
        #expect(set.positions() == [0, 3, 64, 65, 129])
        #expect(Array(set) == [0, 3, 64, 65, 129])
        #expect(Array(RecordSet(capacity: 0)).isEmpty && Array(RecordSet(capacity: 200)).isEmpty)
        #expect(set.positions(skipping: 2, limit: 2) == [64, 65])
        #expect(set.positions(skipping: 4) == [129])
        #expect(set.positions(skipping: 5).isEmpty)
        #expect(set.positions(limit: 0).isEmpty)
        let rest = set.complement()
        #expect(rest.count == 125)
        #expect(!rest.contains(64) && rest.contains(63) && rest.contains(128))
        #expect(RecordSet.all(130).count == 130)
        #expect(RecordSet.all(128).complement().count == 0)
        var union = set
        union.formUnion(rest)
        #expect(union == .all(130))
        var meet = set
        meet.formIntersection(RecordSet([64, 100], capacity: 130))
        #expect(meet.positions() == [64])
    }

    @Test func reindexingAFieldAnswersForTheNewValues() throws {
        var changed = Self.records
        changed[0].status = .onBreak
        changed[6].status = .available
        let index = Self.index.reindexing(.status, of: changed)
        let request = try Self.request(.object(["field": .string("status"), "operator": .string("="), "value": .string("available")]))
        #expect(try request.matchingRecords(in: changed, index: index).positions() == [6])
        #expect(try request.matchingRecords(in: Self.records, index: Self.index).positions() == [0])
    }
}
