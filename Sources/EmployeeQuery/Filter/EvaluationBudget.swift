import DataAPIContract
import PostgresRegex
import Synchronization

/// How much work evaluating one query's filter may take, wherever it runs: in the engine, for each
/// request, and in the client, for the part of a filter the API cannot run. Work is counted in
/// steps, not time, so the same query gets the same answer on any machine and under any load:
/// - each test on a record is one step;
/// - a regular expression match is charged its matching steps (`PostgresRegex.matches(_:steps:)`,
///   PCRE2's backtracking points), and a single match takes at most `PostgresRegex.matchLimit`;
/// - a jsquery is charged one step for each node it visits in a value, metered inside the record.
///
/// Past the budget the evaluation stops with `invalid_parameter_value` naming `filter`; a single
/// regular expression past its own limit names the value. A budget may also carry an
/// `EvaluationCancellation`, which the meter reads between records and inside long work (the
/// server cancels in-flight evaluations when it stops).
public struct EvaluationBudget: Sendable {
    /// The default: 30 million steps per query, about a second of work on one core.
    public static let standard = EvaluationBudget(steps: 30_000_000)

    /// The steps one query's filter may take.
    public let steps: Int
    /// What ends the evaluation early when it is cancelled, if anything.
    public let cancellation: EvaluationCancellation?

    /// Creates a budget.
    /// - Parameters:
    ///   - steps: The steps one query's filter may take.
    ///   - cancellation: What ends the evaluation early; `nil` by default.
    public init(steps: Int, cancellation: EvaluationCancellation? = nil) {
        self.steps = steps
        self.cancellation = cancellation
    }

    /// The same budget, ended early by `cancellation`.
    public func cancellable(by cancellation: EvaluationCancellation) -> EvaluationBudget {
        EvaluationBudget(steps: steps, cancellation: cancellation)
    }

    /// The error of a filter whose evaluation ran past the budget.
    static func spent(_ steps: Int) -> DataAPIError {
        DataAPIError.invalidParameterValue(
            field: "filter",
            message: "The filter took more than its \(steps) evaluation steps; simplify its regular expressions or jsquery")
    }

    /// The error of an evaluation cancelled (the server is stopping).
    static let cancelled = DataAPIError.internalError("The evaluation was cancelled: the server is stopping; try again")
}

/// A flag that ends the evaluations whose budget carries it; safe to set from any thread.
public final class EvaluationCancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    /// Creates a flag that is not set.
    public init() {}

    /// Sets the flag: evaluations reading it stop at their next check.
    public func cancel() { flag.store(true, ordering: .relaxed) }

    /// Whether the flag is set.
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// The steps one evaluation has left, shared by its records and tests. One evaluation, one meter;
/// it is not shared between threads.
final class EvaluationMeter {
    /// The steps the budget allowed.
    let limit: Int
    /// The steps left; `0` once spent.
    private(set) var remaining: Int
    /// Whether the evaluation must stop: the steps are spent or it was cancelled.
    private(set) var isStopped = false
    private let cancellation: EvaluationCancellation?
    private var checkCountdown = EvaluationMeter.checkStride

    /// How many steps pass between two reads of the cancellation flag inside a record.
    static let checkStride = 4096

    init(_ budget: EvaluationBudget) {
        limit = max(0, budget.steps)
        remaining = limit
        cancellation = budget.cancellation
    }

    /// Takes `count` steps; `false` (and stopped) when they are not there or the evaluation was cancelled.
    @inline(__always)
    func take(_ count: Int = 1) -> Bool {
        guard !isStopped else { return false }
        checkCountdown -= count
        if checkCountdown <= 0 {
            checkCountdown = Self.checkStride
            if cancellation?.isCancelled == true { isStopped = true }
        }
        if count > remaining {
            remaining = 0
            isStopped = true
        }
        if isStopped { return false }
        remaining -= count
        return true
    }

    /// Counts one record; throws once the budget is spent or the evaluation is cancelled.
    func tick() throws(DataAPIError) {
        if cancellation?.isCancelled == true { isStopped = true }
        guard take() else { throw stopError() }
    }

    /// Throws when a test stopped the evaluation inside a record.
    func check() throws(DataAPIError) {
        if isStopped { throw stopError() }
    }

    /// Runs a regular expression within the steps left.
    /// - Throws: `invalid_parameter_value` naming `filter` when the steps run out, or `path`
    ///   (the regexp's value) when the match alone is past `PostgresRegex.matchLimit`.
    func matches(_ regex: PostgresRegex, _ text: String, path: String) throws(DataAPIError) -> Bool {
        try check()
        do {
            return try regex.matches(text, steps: &remaining)
        } catch {
            guard error.kind != .stepsExhausted else {
                remaining = 0
                isStopped = true
                throw stopError()
            }
            throw DataAPIError.invalidParameterValue(
                field: path, value: .string(regex.pattern),
                message: "The regular expression is too costly to evaluate (\(error.message)); simplify it")
        }
    }

    private func stopError() -> DataAPIError {
        cancellation?.isCancelled == true ? EvaluationBudget.cancelled : EvaluationBudget.spent(limit)
    }
}
