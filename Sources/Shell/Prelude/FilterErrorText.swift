import DataAPIContract
import EmployeeQuery

/// The one text of a filter error a script sees (`F.normalize`, `F.try_normalize`, `filter =` in a
/// query), rendered from the checker's `DataAPIError` and the filter it was given.
///
/// The error says what broke (`mnemonic`) and where (`field`, the API's path with 0-based indices,
/// such as `filter.filters[0].value[2]`); the filter supplies the condition around it (its field and
/// operator), and the method's description the hints (fields, operators, enum values, "did you mean").
/// Paths are written as Lua counts, from 1:
///
/// ```text
/// filter.filters[1].field: unknown field "nosuch"; fields: id, first_name, …
/// filter.filters[2] (id =) expects a number, got "1"
/// filter (status in) (item 2): "перерыв" is not a valid status; valid values: "available", …
/// ```
enum FilterErrorText {
    /// Renders an error of the filter checker.
    /// - Parameters:
    ///   - error: The error, its `field` a path under `root`.
    ///   - filter: The filter as checked (`nil` when the script gave `nil`).
    ///   - root: The path of the whole filter, e.g. `filter`.
    /// - Returns: One line, starting with the 1-based path of the member at fault.
    static func render(_ error: DataAPIError, in filter: JSON?, root: String) -> String {
        guard let place = Place(error.field, in: filter, root: root) else {
            return "\(error.field.map { "\($0): " } ?? "")\(error.message)"
        }
        switch place.member {
        case nil: return whole(error, place)
        case "field"? where !place.isGroup: return field(error, place)
        case "operator"? where !place.isGroup: return operatorText(error, place)
        case "value"? where !place.isGroup: return value(error, place)
        case "filters"? where place.isGroup:
            return "\(place.path).filters: expected a non-empty list of filters, got \(describe(place.node?["filters"]))"
        case "condition"? where place.isGroup:
            return "\(place.path).condition: expected \"and\" or \"or\", got \(describe(place.node?["condition"]))"
        case let key?:
            guard error.mnemonic == .unexpectedParameters else { return "\(place.path).\(key): \(error.message)" }
            let shown = key.allSatisfy(\.isNumber) && !key.isEmpty ? key : quoted(key)
            return place.isGroup
                ? "\(place.path): unexpected key \(shown) in a group (a group has filters and condition)"
                : "\(place.path): unexpected key \(shown) (a condition has field, operator and value)"
        }
    }

    /// The member itself is not a filter.
    private static func whole(_ error: DataAPIError, _ place: Place) -> String {
        if case .array? = place.node {
            return "\(place.path): a list of filters needs a group: {filters = {...}, condition = \"and\"}"
        }
        guard error.mnemonic == .dataTypeError else { return "\(place.path): \(error.message)" }
        return "\(place.path): a filter must be a table, got \(describe(place.node))"
    }

    private static func field(_ error: DataAPIError, _ place: Place) -> String {
        let given = place.node?["field"]
        guard case .string(let name)? = given else {
            return "\(place.path).field: missing field name (a string), got \(describe(given))"
        }
        let names = description.fields.map(\.name)
        switch error.mnemonic {
        case .unexpectedParameters:
            let near = Suggestion.closest(to: name, among: names).map { "; did you mean \(quoted($0))?" } ?? ";"
            return "\(place.path).field: unknown field \(quoted(name))\(near) fields: \(names.joined(separator: ", "))"
        case .filterProhibited:
            return "\(place.path).field: the API cannot filter by \(name)"
        default:
            return "\(place.path).field: \(error.message)"
        }
    }

    private static func operatorText(_ error: DataAPIError, _ place: Place) -> String {
        let given = place.node?["operator"]
        let known = FilterOperator.known.map(\.rawValue).joined(separator: " ")
        switch given {
        case nil, .null?: return "\(place.path).operator: missing operator; one of \(known)"
        case .string(let name)? where FilterOperator(rawValue: name).isKnown:
            let field = place.fieldName ?? "?"
            let kind = description.field(named: field)?.kind.name ?? "?"
            return "\(place.label): operator \(name) does not apply to \(field) (\(kind))"
        default: return "\(place.path).operator: unknown operator \(describe(given)); one of \(known)"
        }
    }

    /// The value: its type, its set, its pattern, or an item of its list.
    private static func value(_ error: DataAPIError, _ place: Place) -> String {
        let op = place.operatorName.map(FilterOperator.init(rawValue:))
        let rule = place.fieldName.flatMap(description.field(named:))
        let given = place.node?["value"]
        if let item = place.item {
            let label = "\(place.label) (item \(item + 1))"
            let element = given?.arrayValue.flatMap { $0.indices.contains(item) ? $0[item] : nil }
            return scalar(error, element, label: label, rule: rule)
        }
        guard let op else { return "\(place.label): \(error.message)" }
        if op.takesNoValue { return "\(place.label) takes no value, got \(describe(given))" }
        if op.takesArray && error.mnemonic == .dataTypeError {
            let example = rule?.kind.listedValues.first.map(quoted) ?? "..."
            return "\(place.label) expects a list such as {\(example)}, got \(describe(given))"
        }
        if op == .jsquery && error.mnemonic == .dataTypeError {
            return "\(place.label) expects a jsquery expression (a string), got \(describe(given))"
        }
        if op.takesString && error.mnemonic == .dataTypeError {
            return "\(place.label) expects a pattern (a string), got \(describe(given))"
        }
        if given == nil { return "\(place.label) needs a value (for a null test use :is_null())" }
        if let rule, OperatorTable.takesOnlyNull(op, on: rule.kind) {
            return "\(place.label): operator \(op.rawValue) does not apply to \(rule.name) (\(rule.kind.name))"
        }
        if given == .null { return "\(place.label) cannot compare with null" }
        return scalar(error, given, label: place.label, rule: rule)
    }

    /// A value compared with a field: of its type, in its set of values.
    private static func scalar(_ error: DataAPIError, _ value: JSON?, label: String, rule: FieldRule?) -> String {
        guard let rule else { return "\(label): \(error.message)" }
        let values = rule.kind.listedValues
        if !values.isEmpty {
            guard case .string(let text)? = value, values.contains(text) else {
                let near = value?.stringValue.flatMap { Suggestion.closest(to: $0, among: values) }.map { "; did you mean \(quoted($0))?" } ?? ";"
                return "\(label): \(describe(value)) is not a valid \(rule.name)\(near) valid values: \(values.map(quoted).joined(separator: ", "))"
            }
            return "\(label): \(error.message)"
        }
        guard error.mnemonic == .dataTypeError, let type = rule.kind.scalarType else { return "\(label): \(error.message)" }
        let expected = ["number": "a number", "string": "a string", "boolean": "true or false"][type] ?? "a \(type)"
        return "\(label) expects \(expected), got \(describe(value))"
    }

    /// The method whose fields, kinds and values the hints name.
    private static let description = MethodDescription.employees

    /// A value as a script wrote it: strings quoted as Lua's `%q` does, `json.null`, `nil` for none.
    static func describe(_ value: JSON?) -> String {
        switch value {
        case nil: "nil"
        case .null?: "json.null"
        case .bool(let b)?: b ? "true" : "false"
        case .int(let i)?: String(i)
        case .double(let d)?: d.rounded() == d && abs(d) < 1e15 ? "\(Int64(d)).0" : "\(d)"
        case .string(let s)?: quoted(s)
        case .array?, .object?: "a table"
        }
    }

    /// A string as a Lua literal on one line (`"`, `\` and control characters escaped, `\n` as `\\n` where `%q` would
    /// break the line; Cyrillic as it is).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F: out += "\\\(scalar.value)"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension FieldKind {
    /// The values an enum or an array of enums takes; empty for other kinds.
    fileprivate var listedValues: [String] {
        switch self {
        case .enumeration(let values), .arrayOfEnumerations(let values): values
        default: []
        }
    }
}

/// Where an error's path points: the filter member (a condition or a group, or what stands in its
/// place), found by following `.filters[i]` from the root, and what of it is at fault.
private struct Place {
    /// The member's path as Lua counts: `filter.filters[1]` for the API's `filter.filters[0]`.
    var path: String
    /// The member as given, when the path leads to it.
    var node: JSON?
    /// The key at fault (`field`, `operator`, `value`, `filters`, `condition` or an unexpected key), or
    /// `nil` when the member itself is.
    var member: String?
    /// The 0-based index in the value's list, for `value[i]`.
    var item: Int?

    init?(_ field: String?, in filter: JSON?, root: String) {
        guard let field, field.hasPrefix(root) else { return nil }
        var rest = Substring(field.dropFirst(root.count))
        path = root
        node = filter
        while case (let index, let after)? = Self.member(of: rest), case .array(let members)? = node?["filters"], members.indices.contains(index) {
            node = members[index]
            path += ".filters[\(index + 1)]"
            rest = after
        }
        guard !rest.isEmpty else { return }
        guard rest.first == "." else { return nil }
        var key = rest.dropFirst()
        if key.hasPrefix("value["), key.hasSuffix("]"), let index = Int(key.dropFirst(6).dropLast()), node?["value"] != nil {
            item = index
            key = "value"
        }
        member = String(key)
    }

    /// `.filters[i]` at the start of `rest`: the index and what follows.
    private static func member(of rest: Substring) -> (Int, Substring)? {
        let prefix = ".filters["
        guard rest.hasPrefix(prefix), let close = rest.firstIndex(of: "]") else { return nil }
        guard let index = Int(rest[rest.index(rest.startIndex, offsetBy: prefix.count)..<close]) else { return nil }
        return (index, rest[rest.index(after: close)...])
    }

    /// Whether the member is a group (it has `filters`).
    var isGroup: Bool { node?["filters"] != nil }
    /// The condition's field name, when it is a string.
    var fieldName: String? { node?["field"]?.stringValue }
    /// The condition's operator, when it is a string.
    var operatorName: String? { node?["operator"]?.stringValue }
    /// `filter.filters[2] (id =)`: the path and the condition it names.
    var label: String { "\(path) (\(fieldName ?? "?") \(operatorName ?? "?"))" }
}
