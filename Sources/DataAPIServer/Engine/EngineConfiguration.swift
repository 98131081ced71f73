import DataAPIContract
import EmployeeQuery

/// Everything an `Engine` serves: the employees, the keys and accounts that may read them, and
/// the point budgets.
///
/// ```swift
/// let engine = Engine(.demo(employees: DemoCompany.generate(), token: "demo-token"))
/// ```
public struct EngineConfiguration: Sendable {
    /// The records `get.employees` serves, in any order (the engine orders them by id).
    public var employees: [Employee]
    /// Permanent API keys.
    public var keys: [APIKey]
    /// Login/password accounts for `login.user`.
    public var users: [UserAccount]
    /// Points per account per UTC day; 3000 by default.
    public var dayLimit: Int
    /// Points per account per clock minute; 120 by default.
    public var minuteLimit: Int
    /// How long a `login.user` session key lives; one hour by default.
    public var sessionLifetime: Duration
    /// The time source; the system clock by default.
    public var clock: any WallClock
    /// The largest request body accepted, in bytes; larger ones get `invalid_request`. 4 MiB by default.
    public var maxRequestBytes: Int
    /// How many steps one request's filter may take to evaluate; `EvaluationBudget.standard` by default.
    public var evaluationBudget: EvaluationBudget = .standard
    /// Status changes over time (`--churn`); `Churn.none` by default: the records never change.
    public var churn: Churn = .none
    /// Whether filters are answered through per-field indexes and sorted pages through precomputed
    /// orders (`true`, the default), or every request scans every record and sorts every match:
    /// the same replies, slower; kept as the reference the indexed answers are tested against.
    public var usesIndexes = true

    /// Creates a configuration.
    /// - Parameters:
    ///   - employees: The records to serve.
    ///   - keys: Permanent keys; none by default.
    ///   - users: Login accounts; none by default.
    ///   - dayLimit: Points per account per day; 3000 by default.
    ///   - minuteLimit: Points per account per minute; 120 by default.
    ///   - sessionLifetime: Lifetime of session keys; one hour by default.
    ///   - clock: The time source; the system clock by default.
    ///   - maxRequestBytes: The largest body accepted; 4 MiB by default.
    public init(
        employees: [Employee], keys: [APIKey] = [], users: [UserAccount] = [], dayLimit: Int = MethodDescription.employees.budgets.day,
        minuteLimit: Int = MethodDescription.employees.budgets.minute,
        sessionLifetime: Duration = .seconds(3600), clock: any WallClock = SystemWallClock(), maxRequestBytes: Int = 4 << 20
    ) {
        self.employees = employees
        self.keys = keys
        self.users = users
        self.dayLimit = dayLimit
        self.minuteLimit = minuteLimit
        self.sessionLifetime = sessionLifetime
        self.clock = clock
        self.maxRequestBytes = maxRequestBytes
    }

    /// The demo account: a customer key `token` for customer user 1, a login `demo`/`demo` for the
    /// same user, and an agent key `agent-<token>` whose only customer is user 1.
    /// - Parameters:
    ///   - employees: The records to serve.
    ///   - token: The customer key.
    ///   - dayLimit: Points per account per day; 3000 by default.
    ///   - minuteLimit: Points per account per minute; 120 by default.
    /// - Returns: The configuration, with the system clock and a one-hour session lifetime.
    public static func demo(
        employees: [Employee], token: String, dayLimit: Int = MethodDescription.employees.budgets.day,
        minuteLimit: Int = MethodDescription.employees.budgets.minute
    ) -> EngineConfiguration {
        EngineConfiguration(
            employees: employees,
            keys: [APIKey(token: token, role: .customer(userID: 1)), APIKey(token: "agent-\(token)", role: .agent(customerUserIDs: [1]))],
            users: [UserAccount(login: "demo", password: "demo", userID: 1)],
            dayLimit: dayLimit, minuteLimit: minuteLimit
        )
    }
}

/// A permanent API key, as made in the web UI.
public struct APIKey: Sendable, Hashable {
    /// Whom a key belongs to.
    public enum Role: Sendable, Hashable {
        /// A customer's key; `userID` is the customer user it acts as.
        case customer(userID: Int64)
        /// A partner's key; every call names one of `customerUserIDs` in `user_id`.
        case agent(customerUserIDs: Set<Int64>)
    }

    /// The secret sent as `access_token`.
    public var token: String
    public var role: Role
    /// A blocked key gets `access_token_blocked`; `false` by default.
    public var isBlocked: Bool
    /// A key past its end date gets `access_token_expired`; `false` by default.
    public var isExpired: Bool

    /// Creates a key.
    public init(token: String, role: Role, isBlocked: Bool = false, isExpired: Bool = false) {
        self.token = token
        self.role = role
        self.isBlocked = isBlocked
        self.isExpired = isExpired
    }
}

/// A login/password account for `login.user`; its sessions act as customer user `userID`.
public struct UserAccount: Sendable, Hashable {
    public var login: String
    public var password: String
    /// The customer user the session keys act as.
    public var userID: Int64
    /// Returned as `app_id` by `login.user`; 1 by default.
    public var appID: Int64

    /// Creates an account.
    public init(login: String, password: String, userID: Int64, appID: Int64 = 1) {
        self.login = login
        self.password = password
        self.userID = userID
        self.appID = appID
    }
}
