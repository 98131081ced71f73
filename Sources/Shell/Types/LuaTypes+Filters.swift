import DataAPIContract
import EmployeeQuery

extension LuaTypes {
    /// `Condition`, `F` and, per field, a class with the builders that apply to its kind.
    static var filters: [String] {
        var out = [
            "---A filter condition in the API's shape, built by F.<field>:<builder>(...); `&` (and), `|` (or)",
            "---and `~` (not) combine conditions.",
            "---@class Condition",
            "---@field field? EmployeeFieldName",
            "---@field operator? string",
            "---@field value? any",
            "---@field filters? Condition[]",
            "---@field condition? \"and\"|\"or\"",
            "---@operator band(Condition|FilterTable): Condition",
            "---@operator bor(Condition|FilterTable): Condition",
            "---@operator bnot: Condition",
            "",
            "---A filter: a condition built with F, or a table in the API's own shape.",
            "---@alias FilterTable Condition|{field: EmployeeFieldName, operator: string, value?: any}|{filters: FilterTable[], condition?: \"and\"|\"or\"}",
            "",
            "---The fields of get.employees: F.<field>:<builder>(...) builds a condition.",
            "---@class F",
            "F = {}",
            "",
            "---Checks a filter table with the rules the client evaluates with and returns a checked copy in the",
            "---API's shape; raises an error naming what is wrong (paths count from 1: filter.filters[1]).",
            "---@param filter FilterTable",
            "---@return table",
            "function F.normalize(filter) end",
            "",
            "---Checks a filter table: the API's shape, or nil and what is wrong.",
            "---@param filter FilterTable",
            "---@return table|nil filter",
            "---@return string? error",
            "function F.try_normalize(filter) end",
        ]
        for field in EmployeeField.allCases {
            let name = field.rawValue
            out += [
                "", "---The builders of \(name) (\(field.kind.name)\(field.isFilterable ? "" : "; filtered locally, the API cannot")).",
                "---@class F.\(name)", "F.\(name) = {}",
            ]
            for builder in FilterBuilder.builders(for: field.kind) {
                var lines = annotation(of: builder, on: field)
                if field.isFilterable && !field.kind.operators.contains(builder.op) {
                    lines.insert("---Runs on the client: the API's operator table has no `\(builder.op.rawValue)` for a \(field.kind.name).", at: 1)
                }
                out += [""] + lines
            }
        }
        return out
    }

    /// The doc lines and stub of `F.<field>:<builder>`.
    private static func annotation(of builder: FilterBuilder, on field: EmployeeField) -> [String] {
        let kind = field.kind
        let scalar = scalarType(kind) ?? "any"
        let stub = "function F.\(field.rawValue):\(builder.name)"
        let returns = "---@return Condition"
        switch builder.operand {
        case .none:
            let what = builder.op == .isNull ? "is null" : "is not null"
            return ["---\(field.rawValue) \(what) (`\(builder.op.rawValue)`).", returns, stub + "() end"]
        case .value:
            return ["---\(field.rawValue) \(builder.op.rawValue) value.", "---@param value \(scalar)", returns, stub + "(value) end"]
        case .valueOrNull:
            return [
                "---\(field.rawValue) \(builder.op.rawValue) value; json.null tests for null.", "---@param value \(scalar)|JSONNull",
                returns, stub + "(value) end",
            ]
        case .list:
            return ["---\(field.rawValue) \(builder.op.rawValue) the values.", "---@param values \(scalar)[]", returns, stub + "(values) end"]
        case .pattern:
            return ["---\(field.rawValue) \(builder.op.rawValue) the pattern.", "---@param pattern string", returns, stub + "(pattern) end"]
        case .jsquery:
            return ["---A jsquery expression over \(field.rawValue).", "---@param expression string", returns, stub + "(expression) end"]
        case .has:
            let operand: String
            if case .arrayOfEnumerations = kind {
                operand = "\(scalar)|\(scalar)[]"
            } else {
                operand = "{" + kind.nestedFields.map { "\($0.name)?: \(scalarType($0.kind) ?? "any")" }.joined(separator: ", ") + "}"
            }
            let what = kind.nestedFields.isEmpty ? "holds the values" : "has an element (or is an object) with these values"
            return ["---\(field.rawValue) \(what).", "---@param value \(operand)", returns, stub + "(value) end"]
        }
    }
}
