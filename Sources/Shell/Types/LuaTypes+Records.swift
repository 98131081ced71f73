import DataAPIContract
import EmployeeQuery

extension LuaTypes {
    /// `Employee` and every nested object, with the fields' types and nullability from the catalog.
    static var records: [String] {
        var out = [
            "---A field name of get.employees.",
            "---@alias EmployeeFieldName " + literals(EmployeeField.allCases.map(\.rawValue)),
            "",
            "---A record of get.employees. Fields not asked for with `fields` are nil; `JSONNull` marks where",
            "---the API may send null (arrays come as [] instead, and coach, extension and operator may be {}).",
            "---@class Employee",
        ]
        var nested: [(name: String, fields: [NestedField], isObject: Bool)] = []
        for field in EmployeeField.allCases {
            let type = luaType(field.kind, field: field.rawValue, nested: &nested)
            out.append("---@field \(field.rawValue) \(type)\(field.isNullable ? "|JSONNull" : "")")
        }
        var index = 0
        while index < nested.count {
            let object = nested[index]
            index += 1
            out += [
                "", object.isObject ? "---An object field of Employee; {} when unset." : "---An element of an array field.",
                "---@class \(object.name)",
            ]
            for field in object.fields {
                let type = luaType(field.kind, field: field.name, nested: &nested)
                out.append("---@field \(field.name)\(object.isObject ? "?" : "") \(type)\(field.kind.isNullable ? "|JSONNull" : "")")
            }
        }
        return out
    }

    /// The Lua type of a value of `kind`; object kinds get a class, queued in `nested`.
    static func luaType(_ kind: FieldKind, field: String, nested: inout [(name: String, fields: [NestedField], isObject: Bool)]) -> String {
        switch kind {
        case .number: return "integer"
        case .string: return "string"
        case .boolean: return "boolean"
        case .enumeration(let values): return "(" + literals(values) + ")"
        case .arrayOfEnumerations(let values): return "(" + literals(values) + ")[]"
        case .object(let fields), .arrayOfObjects(let fields):
            let isObject = if case .object = kind { true } else { false }
            let name = className(field, isArray: !isObject)
            if !nested.contains(where: { $0.name == name }) { nested.append((name, fields, isObject)) }
            return isObject ? name : name + "[]"
        }
    }

    /// The type of one value a builder compares a field of `kind` with (`nil` for arrays and objects).
    static func scalarType(_ kind: FieldKind) -> String? {
        switch kind {
        case .number: "integer"
        case .string: "string"
        case .boolean: "boolean"
        case .enumeration(let values): "(" + literals(values) + ")"
        case .arrayOfEnumerations(let values): "(" + literals(values) + ")"
        case .object, .arrayOfObjects: nil
        }
    }
}
