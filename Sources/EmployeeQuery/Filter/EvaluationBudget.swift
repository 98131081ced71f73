import DataAPIContract

/// How long evaluating one query's filter may take, wherever it runs: in the engine, for each
/// request, and in the client, for the part of a filter the API cannot run. Past it the
/// evaluation stops with `invalid_parameter_value` naming `filter`. The clock is read between
/// records, so the bound holds for filters whose cost per record is bounded: each regular
/// expression match has its own limit (below), and a jsquery path has at most 256 steps with those around it; a
/// jsquery of many `*` steps over a deep record can still take long on that one record.
///
/// Each regular expression match is bounded on its own as well (`PostgresRegex.matchLimit`):
/// a catastrophic pattern fails on its first costly record, well before the deadline.
public struct EvaluationBudget: Sendable {
    /// The default: one second per query.
    public static let standard = EvaluationBudget(.seconds(1))

    /// The time one query's filter may take.
    public let limit: Duration

    /// Creates a budget.
    /// - Parameter limit: The time one query's filter may take.
    public init(_ limit: Duration) { self.limit = limit }

    /// A clock that tells when the budget is spent, read every `stride` records: every record when
    /// a test can be costly (a regular expression or jsquery), every 64th otherwise.
    struct Meter {
        let deadline: ContinuousClock.Instant
        let limit: Duration
        let stride: Int
        var countdown: Int

        init(_ budget: EvaluationBudget, costly: Bool) {
            limit = budget.limit
            deadline = ContinuousClock.now.advanced(by: budget.limit)
            stride = costly ? 1 : 64
            countdown = stride
        }

        /// Counts one record; throws once the deadline has passed.
        mutating func tick() throws(DataAPIError) {
            countdown -= 1
            guard countdown <= 0 else { return }
            countdown = stride
            if ContinuousClock.now > deadline { throw EvaluationBudget.spent(limit) }
        }
    }

    /// The error of a filter whose evaluation ran past the budget.
    static func spent(_ limit: Duration) -> DataAPIError {
        let (seconds, attoseconds) = limit.components
        let text = attoseconds == 0 ? "\(seconds) s" : "\(Double(seconds) + Double(attoseconds) / 1e18) s"
        return DataAPIError.invalidParameterValue(
            field: "filter",
            message: "The filter took longer than \(text) to evaluate; simplify its regular expressions or jsquery")
    }
}
