import Lua
import Testing

@Suite struct JSONModuleTests {
    let fixture: ShellFixture
    init() throws { fixture = try ShellFixture(employees: 10) }

    @Test func nullAndEmptyContainersKeepTheirKind() throws {
        let results = try fixture.run(
            """
            local v = json.decode('{"a":null,"b":[],"c":{},"d":[1,2.0,"x"],"e":{"k":true}}')
            return v.a == json.null, v.b ~= nil, json.encode(v), json.encode(json.array{}), json.encode{}
            """)
        #expect(results[0] == true)
        #expect(results[1] == true)
        #expect(results[2].text == #"{"a":null,"b":[],"c":{},"d":[1,2.0,"x"],"e":{"k":true}}"#)
        #expect(results[3].text == "[]")
        #expect(results[4].text == "{}")
    }

    @Test func integersFloatsAndTextRoundTrip() throws {
        let results = try fixture.run(
            """
            local s = json.encode{9007199254740993, math.mininteger, 0.1, 1.0, "Щ\\"\\n\\0"}
            local v = json.decode(s)
            return s, math.type(v[1]), v[1] == 9007199254740993, math.type(v[4]), v[5] == "Щ\\"\\n\\0"
            """)
        #expect(results[0].text == #"[9007199254740993,-9223372036854775808,0.1,1.0,"Щ\"\n\u0000"]"#)
        #expect(Array(results.dropFirst()) == ["integer", true, "float", true])
    }

    /// Keys are made once per distinct key up to a cache's capacity (4096), then pushed as they come:
    /// both paths, and keys that differ only past their first and last eight bytes, decode exactly.
    @Test func manyDistinctAndLookalikeKeysDecodeExactly() throws {
        let results = try fixture.run(
            """
            local parts = {}
            for i = 1, 6000 do parts[#parts + 1] = string.format('"k%d":%d', i, i) end
            local rows = {}
            for r = 1, 3 do
                rows[r] = string.format('{"abcdefgh_%d_stuvwxyz":%d,"abcdefgh_%d_stuvwxyz":%d,%s}', r, r, r + 10, r + 10, table.concat(parts, ","))
            end
            local v = json.decode("[" .. table.concat(rows, ",") .. "]")
            local ok = true
            for r = 1, 3 do
                for i = 1, 6000 do ok = ok and v[r]["k" .. i] == i end
                ok = ok and v[r]["abcdefgh_" .. r .. "_stuvwxyz"] == r and v[r]["abcdefgh_" .. (r + 10) .. "_stuvwxyz"] == r + 10
            end
            local n = 0
            for _ in pairs(v[3]) do n = n + 1 end
            return ok, n
            """)
        #expect(results == [true, 6002])
    }

    /// Short string values come from a cache of recent ones by hash (4096 slots): with far more distinct
    /// values than slots, of equal lengths and sharing their first and last bytes, every value still
    /// decodes as itself, and recurring ones as equal strings.
    @Test func manyShortStringsThatShareSlotsDecodeExactly() throws {
        let results = try fixture.run(
            """
            local values = {}
            for i = 1, 20000 do values[i] = string.format("abcdefgh%06dstuvwxyz", i % 15000) end
            values[20001] = ""
            values[20002] = string.rep("Щ", 20)
            values[20003] = string.rep("Щ", 21)
            local v = json.decode(json.encode(values))
            local ok = #v == #values
            for i = 1, #values do ok = ok and v[i] == values[i] end
            return ok, v[1] == v[15001], v[20002] ~= v[20003]
            """)
        #expect(results == [true, true, true])
    }

    @Test func recordKeysComeInTheAPIsOrder() throws {
        let results = try fixture.run(#"return json.encode{email = "e", id = 1, zeta = 2, full_name = "f", alpha = 3}"#)
        #expect(results[0].text == #"{"id":1,"full_name":"f","email":"e","alpha":3,"zeta":2}"#)
    }

    @Test(arguments: [
        ("json.encode{f = print}", "value.f is a function"),
        ("json.encode{0/0}", "JSON cannot hold"),
        ("local t = {} t.t = t return json.encode(t)", "nests deeper than 200"),
        ("json.encode{'\\xff'}", "not valid UTF-8"),
        ("json.encode{[true] = 1}", "boolean key"),
        ("json.encode{[1] = 'int', ['1'] = 'str'}", "both the number 1 and the string \"1\""),
        ("json.encode{['\\xff'] = 1}", "key that is not valid UTF-8"),
        ("json.decode('[1,')", "json.decode"),
        ("json.decode('{\"a\":1} x')", "json.decode"),
        ("json.decode(42)", "expected a string"),
    ])
    func badInputIsAClearError(code: String, expected: String) throws {
        let error = #expect(throws: LuaError.self) { try fixture.run(code) }
        #expect(error?.message.contains(expected) == true, "\(error?.message ?? "")")
        #expect(error?.message.hasPrefix("test:1:") == true)
    }

    @Test func prettyPrinting() throws {
        let results = try fixture.run(#"return json.encode({id = 1, groups = {{group_id = 2}}}, {indent = true})"#)
        #expect(results[0].text == "{\n  \"id\": 1,\n  \"groups\": [\n    {\n      \"group_id\": 2\n    }\n  ]\n}")
    }
}
