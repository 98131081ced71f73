import DataAPIContract
import EmployeeQuery

/// Everything `empsh serve` needs: where to listen, what company to serve, which key opens it,
/// the point budgets and the fault rate. The CLI fills it from its options; `runServe` runs it.
///
/// ```swift
/// var configuration = ServeConfiguration(port: 8080)
/// configuration.faultProbability = 0.05
/// try await runServe(configuration) { print($0) }
/// ```
public struct ServeConfiguration: Sendable, Hashable {
    /// The port used when none is given: 8080.
    public static let defaultPort = 8080
    /// Points per UTC day when none is given: the method description's default (3000).
    public static let defaultDayLimit = MethodDescription.employees.budgets.day
    /// Points per minute when none is given: the method description's default (120).
    public static let defaultMinuteLimit = MethodDescription.employees.budgets.minute
    /// The sizes of a generated company: 10 to 200 000 (`DemoCompany.employeeCountRange`).
    public static let employeeCountRange = DemoCompany.employeeCountRange

    /// The TCP port on 127.0.0.1; 0 picks a free one. `defaultPort` by default.
    public var port: Int
    /// The size of the generated company; `nil` (the default) means `DemoCompany.defaultEmployeeCount`, 250.
    /// May not be combined with `dataFile`.
    public var employees: Int?
    /// The seed of the generated company and of the fault injector; `DemoCompany.defaultSeed` by default.
    public var seed: UInt64
    /// The API key that opens the account; `nil` (the default) generates one and announces it.
    public var token: String?
    /// A JSON file holding an array of employee records to serve instead of a generated company; `nil` by default.
    public var dataFile: String?
    /// Points per minute; 120 by default.
    public var minuteLimit: Int
    /// Points per day; 3000 by default.
    public var dayLimit: Int
    /// The chance that a request fails on purpose, 0…1; 0 by default.
    public var faultProbability: Double
    /// How long a `delay` fault holds a reply; 3 to 10 seconds by default.
    public var faultDelay: ClosedRange<Duration>
    /// How many employees change `status` each second (`Churn`, seeded by `seed`); 0 by default: none.
    public var churn: Int = 0

    /// Creates a configuration; every parameter has the default stated on its property.
    public init(
        port: Int = defaultPort, employees: Int? = nil, seed: UInt64 = DemoCompany.defaultSeed, token: String? = nil,
        dataFile: String? = nil, minuteLimit: Int = defaultMinuteLimit, dayLimit: Int = defaultDayLimit, faultProbability: Double = 0,
        faultDelay: ClosedRange<Duration> = .seconds(3) ... .seconds(10)
    ) {
        self.port = port
        self.employees = employees
        self.seed = seed
        self.token = token
        self.dataFile = dataFile
        self.minuteLimit = minuteLimit
        self.dayLimit = dayLimit
        self.faultProbability = faultProbability
        self.faultDelay = faultDelay
    }

    /// Checks every value and every rule that spans two of them.
    /// - Throws: `ServeConfigurationError` with kind `.invalidValue` naming the option, or
    ///   `.invalidCombination` for `employees` together with `dataFile`.
    public func validate() throws(ServeConfigurationError) {
        func invalid(_ option: String, _ message: String) -> ServeConfigurationError { .init(.invalidValue, option: option, message: message) }
        guard (0...65_535).contains(port) else { throw invalid("--port", "--port must be between 0 and 65535, not \(port)") }
        if let employees, !Self.employeeCountRange.contains(employees) {
            throw invalid("--employees", "--employees must be between 10 and 200000, not \(employees)")
        }
        if employees != nil, dataFile != nil {
            throw ServeConfigurationError(.invalidCombination, option: "--data", message: "--employees and --data cannot be combined")
        }
        if let token, token.isEmpty || token.contains(where: { $0.isWhitespace || $0.isNewline }) {
            throw invalid("--token", "--token must be non-empty and without spaces")
        }
        guard minuteLimit >= 1 else { throw invalid("--minute-limit", "--minute-limit must be at least 1, not \(minuteLimit)") }
        guard dayLimit >= 1 else { throw invalid("--day-limit", "--day-limit must be at least 1, not \(dayLimit)") }
        guard (0...1).contains(faultProbability) else {
            throw invalid("--faults", "--faults must be a probability between 0 and 1, not \(faultProbability)")
        }
        guard churn >= 0 else { throw invalid("--churn", "--churn must be 0 or more employees per second, not \(churn)") }
        guard faultDelay.lowerBound >= .zero else { throw invalid("--faults", "the delay of a delay fault must not be negative") }
    }

    /// The fault injector's configuration.
    public var faults: FaultInjector.Configuration { .init(probability: faultProbability, delay: faultDelay) }
    /// The fault injector's seed, derived from `seed` so that it differs from the company's streams.
    public var faultSeed: UInt64 { seed ^ 0xFA17_5EED }
}

/// Why `empsh serve` cannot start: a bad option value, a bad combination, or a bad data file.
public struct ServeConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kinds of failure; the CLI maps all of them to exit code 2.
    public struct Kind: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        /// An option's value is out of range.
        public static let invalidValue = Kind(rawValue: "invalid_value")
        /// Two options that may not be combined.
        public static let invalidCombination = Kind(rawValue: "invalid_combination")
        /// The data file cannot be read or decoded.
        public static let badDataFile = Kind(rawValue: "bad_data_file")
    }

    /// The kind of failure.
    public var kind: Kind
    /// The option at fault, e.g. `--employees` or `--data`.
    public var option: String
    /// A full sentence for the user (never a token).
    public var message: String

    /// Creates an error.
    public init(_ kind: Kind, option: String, message: String) {
        self.kind = kind
        self.option = option
        self.message = message
    }

    public var description: String { message }
}
