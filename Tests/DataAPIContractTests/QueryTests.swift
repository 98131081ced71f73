import DataAPIContract
import Testing

private func decodeError(_ paramsText: String) throws -> DataAPIError? {
    guard case .object(let params) = try JSON(parsing: paramsText) else { return nil }
    do {
        _ = try Query.decode(params: params)
        return nil
    } catch {
        return error as? DataAPIError
    }
}

@Suite struct QueryTests {
    static let query = Query(
        filter: .and([
            .condition("status", .equal, .string("available")),
            .or([.condition("groups", .jsquery, .string("#.group_id = 3")), .condition("id", .in, .array([.int(1), .int(2)]))]),
            .condition("schedule_id", .isNull),
        ]),
        sort: [Sort(field: "last_name"), Sort(field: "first_name", order: .desc)],
        fields: ["id", "full_name"], limit: 50, offset: 100, userID: 42
    )

    @Test func paramsAreInSeedOrderWithExactBytes() {
        let params = Self.query.params(accessToken: "tok")
        #expect(
            JSON.object(params).encodedString() == #"{"access_token":"tok","user_id":42,"offset":100,"limit":50,"#
                + #""filter":{"filters":[{"field":"status","operator":"=","value":"available"},{"filters":[{"field":"groups","#
                + ##""operator":"jsquery","value":"#.group_id = 3"},{"field":"id","operator":"in","value":[1,2]}],"condition":"or"},"##
                + #"{"field":"schedule_id","operator":"is_null"}],"condition":"and"},"sort":[{"field":"last_name","order":"asc"},"#
                + #"{"field":"first_name","order":"desc"}],"fields":["id","full_name"]}"#)
        #expect(Query().params(accessToken: nil).isEmpty)
        #expect(Query(sort: [], fields: []).params(accessToken: "t").keys == ["access_token"])
    }

    @Test func decodeRoundTripsAndReturnsTheToken() throws {
        let (query, token) = try Query.decode(params: Self.query.params(accessToken: "tok"))
        #expect(query == Self.query)
        #expect(token == "tok")
        #expect(try Query(params: Self.query.params(accessToken: nil)) == Self.query)
    }

    @Test func defaultsAndNulls() throws {
        guard case .object(let params) = try JSON(parsing: #"{"limit":null,"sort":[{"field":"email"}],"fields":[],"offset":5.0}"#) else {
            Issue.record("not an object")
            return
        }
        #expect(try Query(params: params) == Query(sort: [Sort(field: "email", order: .asc)], offset: 5))
    }

    @Test(arguments: [
        (#"{"limit":"10"}"#, "data_type_error", "limit"),
        (#"{"limit":1.5}"#, "invalid_parameter_value", "limit"),
        (#"{"offset":true}"#, "data_type_error", "offset"),
        (#"{"user_id":"42"}"#, "data_type_error", "user_id"),
        (#"{"access_token":1}"#, "data_type_error", "access_token"),
        (#"{"page":1}"#, "unexpected_parameters", "page"),
        (#"{"fields":"id"}"#, "data_type_error", "fields"),
        (#"{"fields":["id",2]}"#, "data_type_error", "fields[1]"),
        (#"{"sort":{"field":"id"}}"#, "data_type_error", "sort"),
        (#"{"sort":["id"]}"#, "data_type_error", "sort[0]"),
        (#"{"sort":[{"order":"asc"}]}"#, "invalid_parameter_value", "sort[0].field"),
        (#"{"sort":[{"field":1}]}"#, "data_type_error", "sort[0].field"),
        (#"{"sort":[{"field":"a"},{"field":"b","order":"up"}]}"#, "invalid_parameter_value", "sort[1].order"),
        (#"{"sort":[{"field":"a","dir":"asc"}]}"#, "unexpected_parameters", "sort[0].dir"),
        (#"{"filter":[]}"#, "data_type_error", "filter"),
        (#"{"filter":{"operator":"=","value":1}}"#, "invalid_parameter_value", "filter.field"),
        (#"{"filter":{"field":"id","value":1}}"#, "invalid_parameter_value", "filter.operator"),
        (#"{"filter":{"field":"id","operator":"~","value":1}}"#, "invalid_parameter_value", "filter.operator"),
        (#"{"filter":{"field":"id","operator":"in","value":1}}"#, "data_type_error", "filter.value"),
        (#"{"filter":{"field":"id","operator":"regexp","value":1}}"#, "data_type_error", "filter.value"),
        (#"{"filter":{"field":"id","operator":"=","value":1,"x":2}}"#, "unexpected_parameters", "filter.x"),
        (#"{"filter":{"filters":[{"field":"a","operator":"=","value":1}]}}"#, "invalid_parameter_value", "filter.condition"),
        (#"{"filter":{"filters":[{"field":"a","operator":"=","value":1}],"condition":"xor"}}"#, "invalid_parameter_value", "filter.condition"),
        (#"{"filter":{"filters":[],"condition":"and"}}"#, "invalid_parameter_value", "filter.filters"),
        (#"{"filter":{"filters":{},"condition":"and"}}"#, "data_type_error", "filter.filters"),
        (
            #"{"filter":{"condition":"and","filters":[{"field":"a","operator":"=","value":1},{"field":"b","operator":"in","value":"x"}]}}"#,
            "data_type_error", "filter.filters[1].value"
        ),
    ])
    func structuralErrorsNameThePlace(params: String, mnemonic: String, field: String) throws {
        let error = try decodeError(params)
        #expect(error?.mnemonic.rawValue == mnemonic)
        #expect(error?.field == field)
        #expect(error?.code == -32602)
    }

    /// The documentation: an omitted `value` is taken as null (issue 19; it was refused before).
    @Test func omittedValueIsNull() throws {
        let query = try Query(params: try JSON(parsing: Array(#"{"filter":{"field":"coach","operator":"="}}"#.utf8)).objectValue ?? [:])
        #expect(query.filter == .condition("coach", .equal, .null))
        let nested = try Query(
            params: try JSON(parsing: Array(#"{"filter":{"condition":"or","filters":[{"field":"a","operator":"like"}]}}"#.utf8)).objectValue ?? [:])
        #expect(nested.filter == .or([.condition("a", .like, .null)]))
    }

    @Test func semanticChecksAreLeftToTheServer() throws {
        // Unknown and non-filterable fields, out-of-range limits pass structural decoding.
        #expect(try decodeError(#"{"limit":-5,"filter":{"field":"patronymic","operator":"=","value":"x"},"sort":[{"field":"nope"}]}"#) == nil)
        #expect(try decodeError(#"{"filter":{"field":"operator","operator":"is_not_null"}}"#) == nil)
    }

    @Test(arguments: FilterOperator.known)
    func everyKnownOperatorDecodes(op: FilterOperator) throws {
        let value: JSON = op.takesArray ? .array([.int(1)]) : op.takesString ? .string("x") : .int(1)
        let filter = Filter.condition("id", op, value)
        #expect(try Filter(decoding: filter.json, path: "filter") == filter)
    }
}
