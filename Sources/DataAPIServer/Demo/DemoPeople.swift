import EmployeeQuery

/// One employee's name and e-mail, before the rest of the record is drawn.
struct DemoPerson: Sendable {
    var first: String?
    var last: String?
    var patronymic: String?
    var female: Bool
    var email: String = ""

    /// "Фамилия Имя Отчество", leaving out the parts that are missing.
    var fullName: String { [last, first, patronymic].compactMap { $0 }.joined(separator: " ") }
}

/// Draws the staff's names and gives each a unique e-mail `имя.фамилия@domain` in Latin letters
/// (`ivan.petrov@romashka.ru`, then `ivan.petrov2@…` for the next Иван Петров).
enum DemoPeople {
    static func draw(count: Int, seed: UInt64) -> [DemoPerson] {
        var rng = SplitMix64(seed: seed ^ 0x9E0)
        let names = RussianNames.shared
        var taken: [String: Int] = [:]
        taken.reserveCapacity(count)
        var people: [DemoPerson] = []
        people.reserveCapacity(count)
        for index in 0..<count {
            let female = rng.chance(0.52)
            let first = rng.pick(female ? names.femaleFirst : names.maleFirst)
            let surname = rng.pick(names.surnames)
            let last = female ? surname.female : surname.male
            let patronymic = rng.pick(names.patronymics)
            var person = DemoPerson(
                first: first.cyrillic, last: last.cyrillic, patronymic: female ? patronymic.female : patronymic.male, female: female)
            var local = first.latin + "." + last.latin
            if let awkward = DemoCompany.Awkward.person(at: index) {
                person = awkward
                local = [person.first, person.last].compactMap { $0.map(Transliteration.latin) }.joined(separator: ".")
            }
            let seen = taken[local, default: 0] + 1
            taken[local] = seen
            person.email = (seen == 1 ? local : local + String(seen)) + "@" + DemoCatalog.mailDomain
            people.append(person)
        }
        return people
    }
}
