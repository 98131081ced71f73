/// Reads the members of a decoded JSON object, naming the member at fault in errors.
///
/// Missing members and `null` read as `nil`; a member of the wrong JSON type throws
/// `DataAPIError.dataTypeError` with the member's full path, e.g. `phone_numbers[2].dial_time`.
struct JSONFields {
    let object: JSONObject
    let path: String

    /// Wraps `json`, which must be an object.
    /// - Throws: `data_type_error` at `path` when `json` is not an object.
    init(_ json: JSON, path: String) throws {
        guard case .object(let object) = json else { throw DataAPIError.dataTypeError(field: path, value: json, expected: "object") }
        self.object = object
        self.path = path
    }

    /// The path of member `key`.
    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The member as it is, `nil` when absent.
    func raw(_ key: String) -> JSON? { object[key] }

    private func present(_ key: String) -> JSON? {
        guard let value = object[key], !value.isNull else { return nil }
        return value
    }

    func string(_ key: String) throws -> String? {
        guard let value = present(key) else { return nil }
        guard case .string(let s) = value else { throw DataAPIError.dataTypeError(field: path(key), value: value, expected: "string") }
        return s
    }

    /// An integer; a double with an integral value is accepted.
    func int(_ key: String) throws -> Int64? {
        guard let value = present(key) else { return nil }
        guard let i = value.intValue else { throw DataAPIError.dataTypeError(field: path(key), value: value, expected: "integer") }
        return i
    }

    func bool(_ key: String) throws -> Bool? {
        guard let value = present(key) else { return nil }
        guard case .bool(let b) = value else { throw DataAPIError.dataTypeError(field: path(key), value: value, expected: "boolean") }
        return b
    }

    func object(_ key: String) throws -> JSONFields? {
        guard let value = present(key) else { return nil }
        return try JSONFields(value, path: path(key))
    }

    /// The elements of an array member with their paths (`key[i]`); `[]` when absent or null.
    func array(_ key: String) throws -> [(JSON, String)] {
        guard let value = present(key) else { return [] }
        guard case .array(let elements) = value else { throw DataAPIError.dataTypeError(field: path(key), value: value, expected: "array") }
        return elements.enumerated().map { ($1, "\(path(key))[\($0)]") }
    }

    /// An array of strings; `[]` when absent or null.
    func strings(_ key: String) throws -> [String] {
        try array(key).map { element, elementPath in
            guard case .string(let s) = element else { throw DataAPIError.dataTypeError(field: elementPath, value: element, expected: "string") }
            return s
        }
    }
}
