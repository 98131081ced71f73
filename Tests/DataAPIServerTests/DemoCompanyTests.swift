import DataAPIClient
import DataAPIContract
import TestSupport
import Testing

@testable import DataAPIServer

@Suite("demo company")
struct DemoCompanyTests {
    @Test func sameSeedGivesTheSameCompany() {
        #expect(DemoCompany.generate(employees: 1_000, seed: 1) == DemoCompany.generate(employees: 1_000, seed: 1))
        #expect(DemoCompany.generate() == DemoCompany.generate(employees: 250, seed: DemoCompany.defaultSeed))
    }

    @Test func differentSeedsDiffer() {
        let a = DemoCompany.generate(employees: 1_000, seed: 1)
        let b = DemoCompany.generate(employees: 1_000, seed: 2)
        #expect(a != b)
        #expect(zip(a, b).filter { $0.fullName == $1.fullName }.count < 100)
    }

    /// Pins the generator's output, so a change of algorithm (or of a standard library routine
    /// it must not depend on) shows up as a failure rather than as a silently different company.
    @Test func outputIsPinned() {
        let staff = DemoCompany.generate()
        var hasher = FNV1a()
        for e in staff { hasher.add("\(e.id)|\(e.fullName ?? "")|\(e.email ?? "")|\(e.phoneNumbers.count)|\(e.operator != nil)") }
        #expect(staff.count == 250)
        #expect(hasher.value == Self.pinnedDigest, "digest \(hasher.value)")
    }
    static let pinnedDigest: UInt64 = 4_157_802_904_817_884_115

    @Test(arguments: [10, 250, 1_000, 25_000])
    func invariants(count: Int) throws {
        let staff = DemoCompany.generate(employees: count, seed: 2025)
        try #require(staff.count == count)
        let ids = staff.map(\.id)
        #expect(ids == ids.sorted() && Set(ids).count == count)
        let emails = staff.compactMap(\.email)
        #expect(emails.count == count && Set(emails).count == count)
        #expect(emails.allSatisfy { $0.hasSuffix("@romashka.ru") && $0.allSatisfy(\.isASCII) })
        let byID = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0) })
        var extensions = Set<String>()
        for e in staff {
            #expect(e.fullName == [e.lastName, e.firstName, e.patronymic].compactMap { $0 }.joined(separator: " "))
            #expect(e.phoneNumbers.count <= 10)
            #expect(Set(e.phoneNumbers.map(\.phoneNumber)).count == e.phoneNumbers.count)
            #expect(e.phoneNumbers.allSatisfy { (1...150).contains($0.channelsCount ?? 0) })
            #expect(e.groups.count <= 3 && Set(e.groups.map(\.groupID)).count == e.groups.count)
            #expect(e.callsAvailable == !(e.allowedInCallTypes.isEmpty && e.allowedOutCallTypes.isEmpty))
            #expect((e.scheduleID == nil) == (e.scheduleName == nil))
            if let coach = e.coach {
                let target = try #require(byID[coach.coachID ?? -1], "coach of \(e.id)")
                #expect(target.id != e.id && coach.coachFullName == target.fullName)
            }
            if let number = e.extension?.extensionPhoneNumber {
                #expect(number.count <= 5 && number.allSatisfy(\.isNumber))
                #expect(extensions.insert(number).inserted, "extension \(number) twice")
            }
            if let seat = e.operator {
                #expect((1...3).contains(seat.operatorSites.count))
                #expect(Set(seat.operatorSites.map(\.siteID)).count == seat.operatorSites.count)
                #expect(seat.operatorSites.allSatisfy { DemoCatalog.sites.contains($0) })
                #expect(seat.operatorLogin != nil && seat.operatorDisplayName != nil)
            }
            if let patronymic = e.patronymic, let last = e.lastName {
                if patronymic.hasSuffix("на") {  // Петровна, Ильинична
                    #expect(!["ов", "ев", "ёв", "ин", "ский", "цкий", "ой"].contains(where: last.hasSuffix), "\(last) \(patronymic)")
                } else {
                    #expect(patronymic.hasSuffix("ич"))
                    #expect(!["ова", "ева", "ёва", "ина", "ская", "цкая"].contains(where: last.hasSuffix), "\(last) \(patronymic)")
                }
            }
        }
        let operators = staff.filter { $0.operator != nil }.count
        #expect(operators * 3 >= count && operators * 2 <= count, "\(operators) operators of \(count)")
    }

    @Test func everyKindOfValueOccurs() {
        let staff = DemoCompany.generate(employees: 1_000, seed: 99)
        #expect(Set(staff.compactMap(\.status)) == Set(EmployeeStatus.known))
        #expect(Set(staff.compactMap(\.callRecording)) == Set(CallRecording.known))
        let unknown = staff.filter { $0.status == .unknown }.count
        let common = staff.filter { $0.status == .available || $0.status == .notAtWork }.count
        #expect(unknown > 0 && unknown < 60 && common > 500)
        #expect(staff.contains { $0.scheduleID == nil } && Set(staff.compactMap(\.scheduleID)).count == DemoCatalog.schedules.count)
        #expect(staff.contains { $0.allowedInCallTypes.isEmpty } && staff.contains { $0.allowedInCallTypes == [.internal, .external] })
        let phones = staff.flatMap(\.phoneNumbers)
        #expect(phones.contains { $0.phoneNumber?.contains("...") == true })
        #expect(phones.contains { $0.phoneNumber?.hasPrefix("79") == true } && phones.contains { $0.phoneNumber?.hasPrefix("7495") == true })
        #expect(phones.contains { $0.status == .inactive } && phones.contains { ($0.channelsCount ?? 0) > 1 })
        // Every dial time within the documented 1–100 s (issue 19); some short ones for a team policy to find.
        #expect(phones.allSatisfy { (1...100).contains($0.dialTime ?? 0) })
        #expect(phones.contains { ($0.dialTime ?? 0) < 10 } && phones.contains { ($0.dialTime ?? 0) > 60 })
        #expect(phones.filter { $0.dialTime == 60 }.count > phones.count / 2)
        #expect(staff.contains { $0.phoneNumbers.isEmpty } && staff.contains { $0.phoneNumbers.count >= 5 })
        #expect(Set(staff.flatMap(\.groups).compactMap(\.groupName)).count == 10)
        #expect(staff.contains { $0.groups.isEmpty } && staff.contains { $0.groups.count == 3 })
        #expect(staff.contains { $0.coach != nil } && staff.contains { $0.coach == nil })
        #expect(staff.contains { $0.extension == nil } && staff.contains { $0.extension?.extensionVoiceMailEnabled == true })
        let seats = staff.compactMap(\.operator)
        #expect(seats.contains { $0.operatorSites.count > 1 } && Set(seats.flatMap(\.operatorSites)).count == DemoCatalog.sites.count)
        #expect(staff.contains { $0.lastName?.hasSuffix("ова") == true } && staff.contains { $0.patronymic?.hasSuffix("вна") == true })
    }

    @Test(arguments: [10, 1_000])
    func awkwardRecordsAreThere(count: Int) {
        let staff = DemoCompany.generate(employees: count, seed: 3)
        let nameless = staff[DemoCompany.Awkward.nullFirstNameIndex]
        #expect(nameless.firstName == nil && nameless.fullName == "Кузнецов Игоревич" && nameless.email == "kuznetsov@romashka.ru")
        let bare = staff[DemoCompany.Awkward.emptyEverythingIndex]
        #expect(bare.groups.isEmpty && bare.phoneNumbers.isEmpty && bare.allowedInCallTypes.isEmpty && bare.allowedOutCallTypes.isEmpty)
        #expect(bare.coach == nil && bare.extension == nil && bare.operator == nil && bare.scheduleID == nil)
        let latin = staff[DemoCompany.Awkward.latinLetterIndex]
        #expect(latin.firstName?.unicodeScalars.contains("a") == true && latin.firstName != "Мария")
        #expect(latin.fullName == "Смирнова М\u{61}рия Сергеевна")
    }

    /// The largest company the demo offers is sound: unique emails and extensions. How fast it is built
    /// is not a test's business: a bound on time fails on a busy machine.
    @Test func largestCompanyIsSound() {
        let staff = DemoCompany.generate(employees: 200_000, seed: 5)
        #expect(staff.count == 200_000)
        #expect(Set(staff.compactMap(\.email)).count == 200_000)
        let extensions = staff.compactMap(\.extension?.extensionPhoneNumber)
        #expect(Set(extensions).count == extensions.count && extensions.count > 90_000)
    }
}

/// FNV-1a over UTF-8, a hash that is the same on every machine (unlike `Hasher`).
struct FNV1a {
    private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 0x100_0000_01B3
        }
    }
}
