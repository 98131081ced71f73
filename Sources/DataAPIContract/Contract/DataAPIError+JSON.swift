/// The error object `{code, message, data:{mnemonic, field?, value?, params?, metadata?}}`.
extension DataAPIError {
    /// Writes the `error` object; absent optional members are omitted.
    /// - Parameter writer: The output.
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key(plain: "code")
        writer.int(Int64(code))
        writer.key(plain: "message")
        writer.string(message)
        writer.key(plain: "data")
        writer.beginObject()
        writer.key(plain: "mnemonic")
        writer.string(mnemonic.rawValue)
        if let field {
            writer.key(plain: "field")
            writer.string(field)
        }
        if let value {
            writer.key(plain: "value")
            value.write(to: &writer)
        }
        if let params {
            writer.key(plain: "params")
            JSON.object(params).write(to: &writer)
        }
        if let metadata {
            writer.key(plain: "metadata")
            metadata.write(to: &writer)
        }
        writer.endObject()
        writer.endObject()
    }

    /// Reads an `error` object as a server sent it.
    /// - Parameter json: The value of the reply's `error` member.
    /// - Throws: `DataAPIError` `data_type_error` naming the member (`error.code`, …) when one has the wrong
    ///   type; `required_parameter_missed` when `code` or `message` is missing. A missing mnemonic becomes `internal_error`.
    public init(errorObject json: JSON) throws {
        let object = try JSONFields(json, path: "error")
        guard let code = try object.int("code") else { throw DataAPIError.requiredParameterMissed(field: "error.code") }
        guard let message = try object.string("message") else { throw DataAPIError.requiredParameterMissed(field: "error.message") }
        let data = try object.object("data")
        let mnemonic = try data?.string("mnemonic").map(Mnemonic.init(rawValue:)) ?? .internalError
        self.init(
            mnemonic, message: message, field: try data?.string("field"), value: data?.raw("value"),
            params: try data?.object("params")?.object, metadata: try data?.raw("metadata").map { try Metadata(json: $0) },
            code: Int(code)
        )
    }
}
