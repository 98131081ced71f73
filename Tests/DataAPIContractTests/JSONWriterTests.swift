import DataAPIContract
import Testing

@Suite struct JSONWriterTests {
    @Test func writesCompactJSONWithCommas() {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("a")
        writer.int(1)
        writer.key(plain: "b")
        writer.beginArray()
        writer.null()
        writer.bool(true)
        writer.bool(false)
        writer.beginObject()
        writer.endObject()
        writer.beginArray()
        writer.endArray()
        writer.raw(Array("[1,2]".utf8))
        writer.endArray()
        writer.key("c")
        writer.string(nil as String?)
        writer.endObject()
        #expect(writer.string == #"{"a":1,"b":[null,true,false,{},[],[1,2]],"c":null}"#)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("q\"b\\s/", #""q\"b\\s/""#),
        ("\n\r\t\u{8}\u{c}", #""\n\r\t\b\f""#),
        ("a\u{0}b\u{1f}c\u{7f}", "\"a\\u0000b\\u001fc\u{7f}\""),
        ("Иванов Пётр 😀", "\"Иванов Пётр 😀\""),
    ])
    func escapesStrings(value: String, expected: String) {
        #expect(JSON.string(value).encodedString() == expected)
    }

    @Test(arguments: [
        (Int64.max, "9223372036854775807"),
        (Int64.min, "-9223372036854775808"),
        (0, "0"),
        (-7, "-7"),
        (9_007_199_254_740_993, "9007199254740993"),
    ])
    func writesIntegersExactly(value: Int64, expected: String) {
        #expect(JSON.int(value).encodedString() == expected)
    }

    @Test(arguments: [
        (1.0, "1.0"),
        (0.1, "0.1"),
        (-0.0, "-0.0"),
        (1e16, "1e+16"),
        (2.5e-7, "2.5e-07"),
        (Double.nan, "null"),
        (Double.infinity, "null"),
        (-Double.infinity, "null"),
    ])
    func writesDoublesShortest(value: Double, expected: String) {
        #expect(JSON.double(value).encodedString() == expected)
    }

    @Test(arguments: [Int64.min, Int64.max, 9_007_199_254_740_993, -1, 0])
    func integersRoundTrip(value: Int64) throws {
        #expect(try JSON(parsing: JSON.int(value).encoded()) == .int(value))
    }

    @Test(arguments: [0.1, 1.0, 1e300, .leastNonzeroMagnitude, -123.456, 9007199254740993.0, 1e16, 0.30000000000000004])
    func doublesRoundTripAsDoubles(value: Double) throws {
        #expect(try JSON(parsing: JSON.double(value).encoded()) == .double(value))
    }

    @Test func treeRoundTripsByteForByte() throws {
        let text = #"{"id":9007199254740993,"s":"Ж\u0000\"","a":[1.5,null,true,{}],"o":{"z":[],"a":-0.0}}"#
        let value = try JSON(parsing: text)
        let reencoded = value.encodedString()
        #expect(reencoded == #"{"id":9007199254740993,"s":"Ж\u0000\"","a":[1.5,null,true,{}],"o":{"z":[],"a":-0.0}}"#)
        #expect(try JSON(parsing: reencoded) == value)
    }
}
