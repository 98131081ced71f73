import DataAPIContract
import EmployeeQuery
import Foundation
import Synchronization
import Testing

/// Filter budgets count steps, not time: the same query over the same records gets the same answer on
/// any machine and under any load, and a jsquery is metered inside one record.
@Suite("Evaluation budget in steps")
struct EvaluationStepsTests {
    static let names = (0..<400).map { Employee(id: Int64($0), fullName: "Сидоров Иван Иванович \($0)") }
    static let costly = Filter.condition("full_name", .regexp, .string("(\\w+\\s?)+[0-9]+$"))

    /// Whether the filter finishes within `steps`; `nil` for an error other than the budget's.
    static func finishes(_ filter: LocalFilter, _ records: [Employee], steps: Int) -> Bool? {
        do {
            _ = try filter.filter(records, within: EvaluationBudget(steps: steps))
            return true
        } catch {
            return error.mnemonic == .invalidParameterValue && error.field == "filter" ? false : nil
        }
    }

    /// The fewest steps with which the filter finishes, found by bisection.
    static func threshold(_ filter: LocalFilter, _ records: [Employee]) -> Int {
        var low = 0
        var high = EvaluationBudget.standard.steps
        while low + 1 < high {
            let middle = (low + high) / 2
            if finishes(filter, records, steps: middle) == true { high = middle } else { low = middle }
        }
        return high
    }

    @Test("The same query gets the same answer with both cores busy: it stops at the same step")
    func sameAnswerUnderLoad() throws {
        let filter = try LocalFilter(Self.costly)
        let threshold = Self.threshold(filter, Self.names)
        #expect(threshold > Self.names.count, "every record takes steps")
        let stop = Atomic<Bool>(false)
        let burners = (0..<3).map { _ in
            Thread {
                var x: UInt64 = 1
                while !stop.load(ordering: .relaxed) { x = x &* 6_364_136_223_846_793_005 &+ 1 }
                if x == 0 { print(x) }
            }
        }
        for burner in burners { burner.start() }
        defer { stop.store(true, ordering: .relaxed) }
        for _ in 0..<5 {
            #expect(Self.finishes(filter, Self.names, steps: threshold) == true)
            #expect(Self.finishes(filter, Self.names, steps: threshold - 1) == false)
        }
    }

    @Test("Many * steps over a wide record stop by the meter inside the record, naming filter")
    func jsqueryIsMeteredInsideARecord() throws {
        let groups = (0..<300).map { Employee.Group(groupID: Int64($0), groupName: "Группа \($0)") }
        let record = Employee(id: 1, fullName: "Иванов Иван", groups: groups)
        let query = String(repeating: "*.", count: 200) + "group_id = -1"
        let filter = try LocalFilter(.condition("groups", .jsquery, .string(query)))
        do {
            // Each `*` reaches the record itself and its 900 values: tens of millions of visits in all.
            _ = try filter.filter([record], within: EvaluationBudget(steps: 200_000))
            Issue.record("the query finished")
        } catch {
            #expect(error.mnemonic == .invalidParameterValue && error.field == "filter", "\(error)")
        }
        let cheap = try LocalFilter(.condition("groups", .jsquery, .string("#.group_id = 299")))
        #expect(try cheap.filter([record], within: EvaluationBudget(steps: 2_000)).map(\.id) == [1])
    }

    @Test("A cancelled budget stops the evaluation with an internal error, not the budget's")
    func cancellation() throws {
        let cancellation = EvaluationCancellation()
        cancellation.cancel()
        let filter = try LocalFilter(Self.costly)
        do {
            _ = try filter.filter(Self.names, within: EvaluationBudget.standard.cancellable(by: cancellation))
            Issue.record("a cancelled evaluation finished")
        } catch {
            #expect(error.mnemonic == .internalError, "\(error)")
        }
    }
}
