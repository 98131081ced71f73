import DataAPIContract
import EmployeeQuery

extension DemoCompany {
    /// The deliberately awkward records every generated company holds, at fixed positions
    /// (all below 10, so every size has them).
    public enum Awkward {
        /// Position of "Кузнецов Игоревич": `first_name` is null, `full_name` leaves it out.
        public static let nullFirstNameIndex = 2
        /// Position of an employee with `[]` in every array field and no coach, extension,
        /// operator seat or schedule.
        public static let emptyEverythingIndex = 5
        /// Position of "Смирнова Мaрия Сергеевна", whose first name holds a Latin `a` (U+0061).
        public static let latinLetterIndex = 8

        /// The name that replaces the drawn one at `index`, if any.
        static func person(at index: Int) -> DemoPerson? {
            switch index {
            case nullFirstNameIndex: DemoPerson(first: nil, last: "Кузнецов", patronymic: "Игоревич", female: false)
            case latinLetterIndex: DemoPerson(first: "М\u{0061}рия", last: "Смирнова", patronymic: "Сергеевна", female: true)
            default: nil
            }
        }

        /// Empties the record at `emptyEverythingIndex`.
        static func apply(to employees: inout [Employee]) {
            let index = emptyEverythingIndex
            employees[index].allowedInCallTypes = []
            employees[index].allowedOutCallTypes = []
            employees[index].callsAvailable = false
            employees[index].groups = []
            employees[index].phoneNumbers = []
            employees[index].coach = nil
            employees[index].extension = nil
            employees[index].operator = nil
            employees[index].scheduleID = nil
            employees[index].scheduleName = nil
        }
    }
}
