import DataAPIContract
import Testing

@Suite struct DataAPIErrorTests {
    @Test(arguments: [
        ("parse_error", -32700), ("invalid_request", -32600), ("method_not_found", -32601),
        ("required_parameter_missed", -32602), ("invalid_parameter_value", -32602), ("data_type_error", -32602),
        ("unexpected_parameters", -32602), ("invalid_parameters_combination", -32602), ("filter_prohibited", -32602),
        ("sort_prohibited", -32602), ("access_token_invalid", -32001), ("access_token_expired", -32001),
        ("access_token_blocked", -32001), ("auth_error", -32001), ("forbidden", -32003), ("ip_not_whitelisted", -32003),
        ("account_inactive", -32009), ("limit_exceeded", -32029), ("batch_opreations_not_supported", -32099),
        ("notifications_not_supported", -32099), ("internal_error", -32603),
    ])
    func everyMnemonicHasItsCode(mnemonic: String, code: Int) {
        let known = DataAPIError.Mnemonic.known.first { $0.rawValue == mnemonic }
        #expect(known?.code == code)
        #expect(DataAPIError(DataAPIError.Mnemonic(rawValue: mnemonic), message: "m").code == code)
    }

    @Test func factoriesPickCodes() {
        let error = DataAPIError.invalidParameterValue(field: "limit", value: .int(-1), message: "limit must be 0…10000")
        #expect(error.code == -32602 && error.mnemonic == .invalidParameterValue && error.field == "limit")
        let limit = DataAPIError.limitExceeded(per: .day, limitMaxValue: 3000)
        #expect(limit.code == -32029 && limit.limitType == .day)
        #expect(limit.message == "Limit per day has been exceeded. Value of current limit per day is 3000")
        #expect(limit.params == ["limit_type": .string("day"), "limit_max_value": .int(3000)])
        #expect(DataAPIError.batchOperationsNotSupported().mnemonic.rawValue == "batch_opreations_not_supported")
        #expect(error.description == "invalid_parameter_value: limit must be 0…10000 (field: limit)")
        #expect(DataAPIError.internalError("boom").description == "internal_error: boom")
    }

    @Test func encodesExactBytes() throws {
        let metadata = Metadata(
            limits: .init(dayLimit: 3000, dayRemaining: 0, dayReset: 51959, minuteLimit: 60, minuteRemaining: 59, minuteReset: 59))
        let error = DataAPIError(
            .limitExceeded, message: "Day limit exceeded", field: "x", value: .array([.int(1)]),
            params: ["limit": .string("day")], metadata: metadata)
        var writer = JSONWriter()
        error.write(to: &writer)
        #expect(
            writer.string == #"{"code":-32029,"message":"Day limit exceeded","data":{"mnemonic":"limit_exceeded","field":"x","#
                + #""value":[1],"params":{"limit":"day"},"metadata":{"version":null,"limits":{"day_limit":3000,"day_remaining":0,"#
                + #""day_reset":51959,"minute_limit":60,"minute_remaining":59,"minute_reset":59}}}}"#)
        #expect(try DataAPIError(errorObject: try JSON(parsing: writer.bytes)) == error)
    }

    @Test func decodesUnknownMnemonicAndKeepsCode() throws {
        let json = try JSON(parsing: #"{"code":-32000,"message":"new","data":{"mnemonic":"brand_new","extended_helper":"u"}}"#)
        let error = try DataAPIError(errorObject: json)
        #expect(error.mnemonic.rawValue == "brand_new" && error.code == -32000 && error.field == nil)
    }

    @Test func decodingAWrongTypeNamesTheMember() throws {
        let error = #expect(throws: DataAPIError.self) { try DataAPIError(errorObject: try JSON(parsing: #"{"code":"x","message":"m"}"#)) }
        #expect(error?.mnemonic == .dataTypeError && error?.field == "error.code")
    }
}
