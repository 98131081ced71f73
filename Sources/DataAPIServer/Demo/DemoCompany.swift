import DataAPIContract
import EmployeeQuery

/// A deterministic, realistic company for the embedded demo account and for tests.
///
/// ```swift
/// let staff = DemoCompany.generate()                          // 250 employees, the default seed
/// let big = DemoCompany.generate(employees: 25_000, seed: 7)  // the same 25 000 on every machine
/// ```
///
/// Employees have Russian names in the right gender forms (Иванов/Иванова, Петрович/Петровна),
/// unique transliterated e-mails, every status and call-recording mode, schedules, groups,
/// coaches who are colleagues, 0–10 phone numbers, unique extensions and, for 38–45 % of the
/// staff, a chat operator seat on 1–3 of the company's websites. A few records are awkward on
/// purpose; `Awkward` says where they are. Each aspect draws from its own SplitMix64 stream,
/// so the output depends only on the seed and the size.
public enum DemoCompany {
    /// The size of the embedded demo account: 250.
    public static let defaultEmployeeCount = 250
    /// The seed of the embedded demo account.
    public static let defaultSeed: UInt64 = 0x5EED_2025
    /// The sizes `generate` accepts: 10 to 200 000.
    public static let employeeCountRange = 10...200_000

    /// Generates the company.
    /// - Parameters:
    ///   - count: The number of employees, within `employeeCountRange`; `defaultEmployeeCount` by default.
    ///   - seed: Any value; `defaultSeed` by default. The same seed and size give the same employees.
    /// - Returns: The employees in ascending `id` order.
    /// - Precondition: `count` is within `employeeCountRange`.
    public static func generate(employees count: Int = defaultEmployeeCount, seed: UInt64 = defaultSeed) -> [Employee] {
        precondition(employeeCountRange.contains(count), "DemoCompany: employees must be within \(employeeCountRange)")
        var idSteps = SplitMix64(seed: seed ^ 0x1D5)
        var attributes = SplitMix64(seed: seed ^ 0xA77)
        var chosen = SplitMix64(seed: seed ^ 0x0BE)

        let people = DemoPeople.draw(count: count, seed: seed)
        var extensions = DemoExtensions(count: count, seed: seed)
        let isOperator = operatorFlags(count: count, rng: &chosen)
        let coachPool = max(3, count / 20)
        let groups = Array(DemoCatalog.groups.prefix(DemoCatalog.groupCount(employees: count)))

        var ids: [Int64] = []
        ids.reserveCapacity(count)
        for _ in 0..<count { ids.append((ids.last ?? 1_000) + Int64(idSteps.int(in: 1...3))) }

        var employees: [Employee] = []
        employees.reserveCapacity(count)
        for (index, person) in people.enumerated() {
            let allowedIn = callTypes(&attributes)
            let allowedOut = callTypes(&attributes)
            let schedule = attributes.chance(0.88) ? attributes.pick(DemoCatalog.schedules) : nil
            var employee = Employee(
                id: ids[index], firstName: person.first, lastName: person.last, patronymic: person.patronymic,
                fullName: person.fullName, status: EmployeeStatus.known[attributes.weighted([38, 9, 10, 10, 30, 3])],
                allowedInCallTypes: allowedIn, allowedOutCallTypes: allowedOut, email: person.email,
                callRecording: CallRecording.known[attributes.weighted([45, 15, 10, 30])],
                callsAvailable: !allowedIn.isEmpty || !allowedOut.isEmpty,
                scheduleID: schedule?.id, scheduleName: schedule?.name,
                groups: pickGroups(from: groups, &attributes), phoneNumbers: DemoPhoneNumbers.draw(&attributes),
                extension: extensions.next())
            if attributes.chance(0.12) {
                var coach = attributes.int(in: 0...(coachPool - 1))
                if coach == index { coach = (index + 1) % count }
                employee.coach = Employee.Coach(
                    coachID: ids[coach], coachFullName: people[coach].fullName, coachAlwaysEnabled: attributes.chance(0.3))
            }
            if isOperator[index] { employee.operator = DemoOperators.seat(for: person, &attributes) }
            employees.append(employee)
        }
        Awkward.apply(to: &employees)
        return employees
    }

    /// Which employees are chat operators: exactly 38–45 % of the staff (the share drawn from
    /// the seed), never the record that `Awkward.emptyEverythingIndex` keeps bare.
    private static func operatorFlags(count: Int, rng: inout SplitMix64) -> [Bool] {
        let share = 0.38 + rng.unit() * 0.07
        var candidates = Array(0..<count).filter { $0 != Awkward.emptyEverythingIndex }
        rng.shuffle(&candidates)
        var flags = [Bool](repeating: false, count: count)
        for index in candidates.prefix(Int((Double(count) * share).rounded())) { flags[index] = true }
        return flags
    }

    /// Mostly both call types, some one of them, some none.
    private static func callTypes(_ rng: inout SplitMix64) -> [CallType] {
        switch rng.weighted([78, 8, 6, 8]) {
        case 0: [.internal, .external]
        case 1: [.internal]
        case 2: [.external]
        default: []
        }
    }

    /// 0 to 3 distinct groups, in id order.
    private static func pickGroups(from groups: [Employee.Group], _ rng: inout SplitMix64) -> [Employee.Group] {
        let count = rng.weighted([15, 50, 25, 10])
        var picked: [Int] = []
        while picked.count < count {
            let index = rng.int(in: 0...(groups.count - 1))
            if !picked.contains(index) { picked.append(index) }
        }
        return picked.sorted().map { groups[$0] }
    }
}
