import DataAPIContract
import EmployeeQuery
import Lua

extension Prelude {
    /// The field catalogue as Lua sees it (`empsh.fields`, and the first argument of every chunk),
    /// derived from `EmployeeField` and `FieldKind`:
    ///
    /// - `order`: the field names; `fields`: name → spec, where a spec is `{name=, kind=, kind_name=,
    ///   scalar_type=?, filterable=, sortable=, values={...}?, nested={order=, fields=}?, builders={...}}`,
    ///   `kind` one of `number string boolean enum enum_array object object_array`, `kind_name` its
    ///   `FieldKind.name`, `scalar_type` its `FieldKind.scalarType`, and `builders` the names of the
    ///   `F.<field>` methods that apply (`FilterBuilder.builders(for:)`, in order);
    /// - `builders`: every builder name → `{operator=, operand=}` (`FilterBuilder`);
    /// - `operators`: `order` (`FilterOperator.known`) and `complement` (operator → the operator `~`
    ///   turns it into, where there is one). A filter written in the API's shape is checked in Swift
    ///   (`FilterCheck`), so Lua needs no more of the rules.
    static let catalog: LuaValue = {
        var fields: [LuaValue: LuaValue] = [:]
        for field in EmployeeField.allCases {
            guard case .table(var spec) = describe(field.rawValue, field.kind) else { continue }
            spec["filterable"] = .boolean(field.isFilterable)
            spec["sortable"] = .boolean(field.isSortable)
            spec["builders"] = .array(FilterBuilder.builders(for: field.kind).map { .string($0.name) })
            fields[.string(field.rawValue)] = .table(spec)
        }
        var builders: [LuaValue: LuaValue] = [:]
        for builder in FilterBuilder.all {
            builders[.string(builder.name)] = .table(["operator": .string(builder.op.rawValue), "operand": .string(builder.operand.rawValue)])
        }
        var complementOf: [LuaValue: LuaValue] = [:]
        for op in FilterOperator.known {
            if let complement = complement(of: op) { complementOf[.string(op.rawValue)] = .string(complement.rawValue) }
        }
        return .table([
            "order": .array(EmployeeField.allCases.map { .string($0.rawValue) }),
            "fields": .table(fields),
            "builders": .table(builders),
            "operators": .table([
                "order": .array(FilterOperator.known.map { .string($0.rawValue) }),
                "complement": .table(complementOf),
            ]),
        ])
    }()

    private static func describe(_ name: String, _ kind: FieldKind) -> LuaValue {
        var spec: [LuaValue: LuaValue] = ["name": .string(name), "kind_name": .string(kind.name)]
        if let type = kind.scalarType { spec["scalar_type"] = .string(type) }
        switch kind {
        case .number: spec["kind"] = "number"
        case .string: spec["kind"] = "string"
        case .boolean: spec["kind"] = "boolean"
        case .enumeration(let values):
            spec["kind"] = "enum"
            spec["values"] = .array(values.map { .string($0) })
        case .arrayOfEnumerations(let values):
            spec["kind"] = "enum_array"
            spec["values"] = .array(values.map { .string($0) })
        case .object(let nested), .arrayOfObjects(let nested):
            if case .object = kind { spec["kind"] = "object" } else { spec["kind"] = "object_array" }
            var fields: [LuaValue: LuaValue] = [:]
            for field in nested { fields[.string(field.name)] = describe(field.name, field.kind) }
            spec["nested"] = .table(["order": .array(nested.map { .string($0.name) }), "fields": .table(fields)])
        }
        return .table(spec)
    }

    /// The operator `~` turns a condition's operator into: `=` and `!=`, `<` and `>=`, `>` and `<=`, each
    /// `like`/`ilike` and its `not_`, `in` and `not_in`, `overlap` and `not_overlap`, `is_null` and
    /// `is_not_null`; `nil` for `regexp` and `jsquery` (`~` wraps a jsquery expression in `NOT (...)` instead).
    private static func complement(of op: FilterOperator) -> FilterOperator? {
        let pairs: [(FilterOperator, FilterOperator)] = [
            (.equal, .notEqual), (.less, .greaterOrEqual), (.greater, .lessOrEqual), (.like, .notLike),
            (.ilike, .notIlike), (.in, .notIn), (.overlap, .notOverlap), (.isNull, .isNotNull),
        ]
        for (a, b) in pairs {
            if op == a { return b }
            if op == b { return a }
        }
        return nil
    }
}
