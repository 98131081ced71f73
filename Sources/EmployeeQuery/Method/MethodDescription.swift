import DataAPIContract

/// What the documentation says about one `get.*` method of the Data API, in one value that every layer
/// reads: the server's validation and engine, the client's paging, the planner, the `F` builders,
/// completion, `--types` and the server's defaults.
///
/// `MethodDescription.employees` describes `get.employees`. A second method would be a second
/// description (its name, parameters, fields with kinds, filterability and sortability); the rules
/// that read a description — the operator table, the documented error texts, paging — stay as they are.
public struct MethodDescription: Sendable {
    /// The method's name, e.g. `get.employees`.
    public let name: String
    /// The top-level names `params` may hold, `access_token` first.
    public let parameters: [String]
    /// The parameters a call must carry.
    public let requiredParameters: [String]
    /// The ranges of `limit` and `offset`.
    public let paging: PagingCeilings
    /// The point budgets an account gets when nothing else is configured.
    public let budgets: PointBudgets
    /// The record's fields in the reply's canonical order.
    public let fields: [FieldRule]
    /// The operators each kind of field takes (the documentation's table).
    public let operators: OperatorTable
    /// The mnemonics the method answers with.
    public let errors: [DataAPIError.Mnemonic]

    /// A field by its API name; `nil` for a name the method does not know.
    /// - Parameter name: The name as the API spells it.
    /// - Returns: The field's rule.
    public func field(named name: String) -> FieldRule? { fields.first { $0.name == name } }

    /// The documentation's text of an error the method answers with; `nil` when the documentation
    /// gives none that fits every case (`DataAPIError.documentedTexts`).
    /// - Parameter mnemonic: The error's mnemonic.
    /// - Returns: The text, word for word.
    public func errorText(_ mnemonic: DataAPIError.Mnemonic) -> String? { DataAPIError.documentedTexts[mnemonic] }
}

/// The ranges `limit` and `offset` may take (spec §2).
public struct PagingCeilings: Sendable, Hashable {
    /// The `limit` of a call that sends none.
    public let defaultLimit: Int
    /// The largest `limit`.
    public let maxLimit: Int
    /// The largest `offset`.
    public let maxOffset: Int

    /// Creates the ceilings.
    public init(defaultLimit: Int, maxLimit: Int, maxOffset: Int) {
        (self.defaultLimit, self.maxLimit, self.maxOffset) = (defaultLimit, maxLimit, maxOffset)
    }
}

/// The points an account may spend (spec §6): one point a successful call.
public struct PointBudgets: Sendable, Hashable {
    /// Points per UTC day.
    public let day: Int
    /// Points per clock minute.
    public let minute: Int

    /// Creates the budgets.
    public init(day: Int, minute: Int) { (self.day, self.minute) = (day, minute) }
}

/// One field of a method's record: its name, kind, and whether the API filters and sorts by it.
public struct FieldRule: Sendable, Hashable {
    /// The name as the API spells it.
    public let name: String
    /// The shape of its value, down to nested keys.
    public let kind: FieldKind
    /// Whether the API accepts it in `filter` (otherwise `filter_prohibited`).
    public let filterable: Bool
    /// Whether the API accepts it in `sort` (otherwise `sort_prohibited`).
    public let sortable: Bool

    /// Creates a field rule.
    /// - Parameters:
    ///   - name: The API name.
    ///   - kind: The value's shape.
    ///   - filterable: Whether the API filters by it.
    ///   - sortable: Whether the API sorts by it.
    public init(_ name: String, _ kind: FieldKind, filterable: Bool, sortable: Bool) {
        self.name = name
        self.kind = kind
        self.filterable = filterable
        self.sortable = sortable
    }
}
