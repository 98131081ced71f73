/// One key of the `sort` parameter: `{"field": F, "order": "asc"|"desc"}` (spec §4).
public struct Sort: Sendable, Hashable {
    /// The record field's API name; not checked here.
    public var field: String
    public var order: Order

    /// The direction of a sort key.
    public enum Order: String, Sendable, Hashable, CaseIterable {
        case asc
        case desc
    }

    /// Creates a sort key.
    /// - Parameters:
    ///   - field: The field's API name.
    ///   - order: Ascending by default.
    public init(field: String, order: Order = .asc) {
        self.field = field
        self.order = order
    }

    /// `{"field": F, "order": O}`.
    public var json: JSON { .object(["field": .string(field), "order": .string(order.rawValue)]) }
}
