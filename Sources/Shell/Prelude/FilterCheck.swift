import DataAPIContract
import EmployeeQuery
import Lua

/// The one check of a filter a script gives in the API's shape (`F.normalize`, `F.try_normalize`,
/// `filter =` in a query, a table combined with `&`, `|` or `~`): the API's own rules, as the client
/// applies them, with no checker of its own.
///
/// The Lua value becomes JSON through the query path's `LuaJSONEncoder`; `Filter(decoding:path:)`
/// checks its structure and `LocalFilter` (`FilterCompiler` with every field and the local operator
/// table) its fields, operators and values; `FilterErrorText` renders the first error. Two readings
/// are Lua's, not the filter's, as Lua has one `{}` and one `nil`: an empty table where a list is
/// expected (`filters`, the value of `in`) is the empty list, and `=`/`!=` without a value is an
/// error (a misspelt variable would otherwise test for null; `json.null` says so on purpose).
///
/// ```lua
/// F.try_normalize{field = "id", operator = "=", value = "1"}  --> nil, 'filter (id =) expects a number, got "1"'
/// ```
enum FilterCheck {
    /// A filter refused, with the text a script sees.
    struct Rejection: Error, Equatable {
        /// The rendered error (`FilterErrorText`), or what the value could not be written as JSON.
        var text: String
    }

    /// Checks a filter written as JSON (Lua's readings applied, see ``luaShape(_:)``).
    /// - Parameters:
    ///   - json: The filter.
    ///   - path: Its place, `filter` by default.
    /// - Returns: The filter, decoded and compiled once.
    /// - Throws: The first `DataAPIError` of the decoder, the client's compiler, or a missing value.
    static func check(_ json: JSON, path: String = "filter") throws(DataAPIError) -> Filter {
        let filter: Filter
        do {
            filter = try Filter(decoding: json, path: path)
        } catch let error as DataAPIError {
            throw error
        } catch {
            throw DataAPIError.invalidParameterValue(field: path, message: "\(error)")
        }
        _ = try LocalFilter(filter, path: path)
        try requireValues(filter, json, path: path)
        return filter
    }

    /// Reads the Lua value at `index` as a filter and checks it.
    /// - Parameters:
    ///   - stack: The stack.
    ///   - index: The value (a table, or anything a script passed).
    ///   - path: Its place in the error texts: `filter`, or `operand` for a side of `&`.
    /// - Returns: The checked filter.
    /// - Throws: ``Rejection``; `LuaRaise` when Ctrl-C, `--timeout` or the memory cap stopped the encoding.
    static func read(_ stack: LuaStack, at index: Int32, path: String) throws -> Filter {
        let json: JSON
        switch stack.type(index) {
        case .nil, .none:
            let error = DataAPIError.dataTypeError(field: path, value: nil, expected: "object")
            throw Rejection(text: FilterErrorText.render(error, in: nil, root: path))
        default: json = luaShape(try encode(stack, index, path: path))
        }
        do {
            return try check(json, path: path)
        } catch {
            throw Rejection(text: FilterErrorText.render(error, in: json, root: path))
        }
    }

    /// `P.check_filter(x [, path])` → the filter in the API's shape (a fresh table), or `nil` and the error text.
    static func luaCheck(_ stack: LuaStack) throws -> Int32 {
        let path = stack.type(2) == .string ? stack.tostring(2) ?? "filter" : "filter"
        let filter: Filter
        do {
            filter = try read(stack, at: 1, path: path)
        } catch let rejection as Rejection {
            stack.pushnil()
            stack.pushstring(rejection.text)
            return 2
        }
        try filter.json.encoded().withUnsafeBytes { try LuaJSONDecoder.push($0, onto: stack) }
        return 1
    }

    /// The value as JSON, by the encoder `json.encode` and the queries use; what JSON cannot hold (a
    /// function, userdata, NaN or infinity, a cycle) is named by its Lua path.
    private static func encode(_ stack: LuaStack, _ index: Int32, path: String) throws -> JSON {
        var encoder = LuaJSONEncoder(stack: stack)
        do {
            try encoder.encode(index)
        } catch LuaRaise.message(let text) where text.hasPrefix(encoderPrefix) {
            throw Rejection(text: shortened(path + text.dropFirst(encoderPrefix.count)))
        }
        do {
            return try JSON(parsing: encoder.bytes)
        } catch {
            throw Rejection(text: "\(path): \(error)")
        }
    }

    /// A cycle's path 200 levels long, cut after its first levels: `filter.filters[1].filters[1]… nests deeper …`.
    private static func shortened(_ text: String) -> String {
        guard let range = text.range(of: " nests deeper than"), text.distance(from: text.startIndex, to: range.lowerBound) > 80 else {
            return text
        }
        let head = text[..<text.index(text.startIndex, offsetBy: 80)]
        let cut = head.lastIndex(of: ".") ?? head.endIndex
        return text[..<cut] + "…" + text[range.lowerBound...]
    }

    /// How the encoder starts its messages: `json.encode: value.filters[2].value is a function, …`.
    private static let encoderPrefix = "json.encode: value"

    /// The filter with Lua's `{}` read as a list where a list is expected: `filters`, and the value of an
    /// operator that takes a list (`F.id:in_(ids)` with no ids matches nothing).
    static func luaShape(_ json: JSON) -> JSON {
        guard case .object(var object) = json else { return json }
        if let filters = object["filters"] {
            switch filters {
            case .object(let members) where members.isEmpty: object["filters"] = .array([])
            case .array(let members): object["filters"] = .array(members.map(luaShape))
            default: break
            }
        } else if case .string(let name)? = object["operator"], FilterOperator(rawValue: name).takesArray,
            case .object(let value)? = object["value"], value.isEmpty
        {
            object["value"] = .array([])
        }
        return .object(object)
    }

    /// `=` and `!=` with no `value` at all: `required_parameter_missed` naming the value (the API reads an
    /// omitted value as null, but in Lua `value = x` with `x` nil omits it).
    private static func requireValues(_ filter: Filter, _ json: JSON, path: String) throws(DataAPIError) {
        switch filter {
        case .group(let group):
            guard case .array(let members)? = json["filters"] else { return }
            for (index, (member, node)) in zip(group.filters, members).enumerated() {
                try requireValues(member, node, path: "\(path).filters[\(index)]")
            }
        case .condition(let condition):
            guard OperatorTable.nullComparisons.contains(condition.op), json["value"] == nil else { return }
            throw DataAPIError.requiredParameterMissed(
                field: "\(path).value", message: "\(condition.op.rawValue) needs a value; json.null tests for null")
        }
    }
}
