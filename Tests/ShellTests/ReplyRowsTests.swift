import DataAPIClient
import DataAPIContract
import Foundation
import Lua
import Shell
import Testing

/// A `get.employees` server over fixed rows: it honours `offset`, `limit` and `fields`, and can be told
/// to repeat the last row of each page at the head of the next (as rows shifting under paging do), or to
/// answer with a body of its own (`ID` stands for the request's id).
private final class CannedRows: Transport, Sendable {
    let rows: [JSONObject]
    let repeatLastRow: Bool
    let cannedBody: String?

    init(_ rows: [String], repeatLastRow: Bool = false, body: String? = nil) throws {
        self.rows = try rows.map { try #require(try JSON(parsing: $0).objectValue) }
        self.repeatLastRow = repeatLastRow
        cannedBody = body
    }

    var endpointDescription: String { "canned" }

    func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        let request = try RPCRequest(bytes: body)
        let offset = Int(request.params["offset"]?.intValue ?? 0)
        let limit = Int(request.params["limit"]?.intValue ?? 10_000)
        let fields = request.params["fields"]?.arrayValue?.compactMap(\.stringValue)
        let start = max(0, min(rows.count, offset - (repeatLastRow && offset > 0 ? 1 : 0)))
        let page = rows[start..<min(rows.count, offset + limit)].map { row in
            JSON.object(fields.map { fields in JSONObject(row.entries.filter { fields.contains($0.key) }.map { ($0.key, $0.value) }) } ?? row)
        }
        let id = request.id.description
        if let cannedBody { return Array(cannedBody.replacingOccurrences(of: "ID", with: id).utf8) }
        return Array(
            #"{"jsonrpc":"2.0","id":\#(id),"result":{"metadata":{"total_items":\#(rows.count)},"data":\#(JSON.array(page).encodedString())}}"#.utf8)
    }
}

private func makeShell(_ transport: Transport) throws -> Shell {
    var configuration = Client.Configuration()
    configuration.retry = .none
    let client = Client(transport: transport, credentials: .token("t"), configuration: configuration)
    return try Shell(options: Shell.Options(), backend: .using(client, accountDescription: "canned"))
}

/// Rows built from the client's tape look exactly like `json.decode` of the same text.
@Suite struct ReplyRowsTests {
    static let rows = [
        #"{"id":1,"full_name":"A \"q\" \u00e9\n","operator":null,"groups":[],"extra":{},"n":[1,2.5,-0.0,true,false,null,{"k":[]}]}"#,
        #"{"id":2,"full_name":"Иван","operator":{"sites":[{"site_id":7,"domain":"x.ru"}]},"groups":[{"group_id":3}],"extra":{"a":null}}"#,
        #"{"id":3,"full_name":"","groups":[[],{}],"big":9223372036854775807,"small":-576460752303423489}"#,
    ]

    @Test func pageRowsMatchJSONDecodeOfTheSameText() throws {
        let shell = try makeShell(try CannedRows(Self.rows))
        let lua = shell.lua
        let results = try lua.run(
            """
            local texts = ...
            local p = employees.page{}
            local out = {#p.data}
            for i, row in ipairs(p.data) do
                out[#out + 1] = json.encode(row) == json.encode(json.decode(texts[i])) or json.encode(row)
            end
            local first = p.data[1]
            out[#out + 1] = first.operator == json.null and getmetatable(first.groups) ~= nil and getmetatable(first.extra) ~= nil
            out[#out + 1] = math.type(first.n[1]) .. math.type(first.n[2]) .. tostring(first.n[7].k ~= nil)
            return table.unpack(out)
            """, name: "=t", arguments: [.array(Self.rows.map { .string($0) })])
        #expect(results == [3, true, true, true, true, "integerfloattrue"])
    }

    @Test func eachAndAllDropRepeatedRowsAndStripFieldsFetchedForThePlan() throws {
        let shell = try makeShell(try CannedRows(Self.rows, repeatLastRow: true))
        let lua = shell.lua
        let results = try lua.run(
            """
            local function shape(row) local keys = {} for k in pairs(row) do keys[#keys + 1] = k end table.sort(keys) return table.concat(keys, "+") end
            local seen = {}
            for e in employees.each{ fields = {"full_name", "groups"}, page_size = 2 } do seen[#seen + 1] = e.full_name .. ":" .. shape(e) end
            local all = employees.all{ page_size = 2 }
            local ids = {}
            for _, e in ipairs(all) do ids[#ids + 1] = e.id end
            return table.concat(seen, " | "), table.concat(ids, ",")
            """, name: "=t")
        #expect(results[0].text == "A \"q\" é\n:full_name+groups | Иван:full_name+groups | :full_name+groups")
        #expect(results[1].text == "1,2,3")
    }

    @Test func aReplyWhoseDataIsNotAnArrayIsAnAPIFailure() throws {
        let transport = try CannedRows(Self.rows, body: #"{"jsonrpc":"2.0","id":ID,"result":{"metadata":{"total_items":1},"data":{"id":1}}}"#)
        let shell = try makeShell(transport)  // kept alive: the bindings hold it unowned
        let lua = shell.lua
        let results = try lua.run(
            """
            local ok, err = pcall(employees.all, {})
            local page = employees.page{}
            return ok, err.mnemonic, #page.data, api.call("get.employees", {}).data.id
            """, name: "=t")
        #expect(results == [false, "malformed_reply", 0, 1])
    }
}
