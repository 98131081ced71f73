import DataAPIContract
import Testing

/// Records `text` into a tape.
private func tape(_ text: String) throws -> JSONTape {
    var builder = JSONTape.Builder()
    try JSONParser.parse(text, into: &builder)
    #expect(builder.isComplete)
    return builder.tape
}

/// The events of a tape as text, one per event: what a reader walking it sees.
private func events(_ tape: JSONTape) -> [String] {
    tape.withCursor { cursor in
        var seen: [String] = []
        while !cursor.isAtEnd {
            switch cursor.next() {
            case .null: seen.append("null")
            case .bool(let value): seen.append("\(value)")
            case .int(let value): seen.append("int \(value)")
            case .double(let value): seen.append("double \(value)")
            case .string(let bytes): seen.append("string \(String(decoding: bytes, as: UTF8.self))")
            case .key(let bytes): seen.append("key \(String(decoding: bytes, as: UTF8.self))")
            case .array(let count): seen.append("array \(count)")
            case .object(let count): seen.append("object \(count)")
            }
        }
        return seen
    }
}

@Suite struct JSONTapeTests {
    @Test(arguments: [
        "null", "true", "false", "0", "-1", "1.5", "-0", "1e300", #""""#, #""text""#, "[]", "{}",
        "576460752303423487", "-576460752303423488", "576460752303423488", "-576460752303423489",
        "9223372036854775807", "-9223372036854775808", "9223372036854775808",
        #"{"b":[1,{"z":null,"a":true}],"a":"x","c":{},"d":[]}"#,
        #"[[[]],[{}],{"k":[{"k":[1,2,3]}]},"tail"]"#,
        #"{"dup":1,"dup":2}"#,
        #"{"esc":"a\"b\\c\n\u00e9\ud83d\ude00","κλειδί":"Иван"}"#,
    ])
    func replaysToTheSameTreeAsAParse(text: String) throws {
        #expect(try tape(text).json() == (try JSON(parsing: text)))
    }

    @Test func recordsCountsBeforeTheElements() throws {
        #expect(
            events(try tape(#"{"a":[1,"s"],"b":{},"c":[]}"#)) == [
                "object 3", "key a", "array 2", "int 1", "string s", "key b", "object 0", "key c", "array 0",
            ])
    }

    @Test func stringsAndKeysHaveTheirEscapesResolved() throws {
        #expect(events(try tape(#"{"k\u0065y":"a\tb\"\u0416"}"#)) == ["object 1", "key key", "string a\tb\"Ж"])
    }

    @Test func integersKeepEveryBitAndDoublesStayDoubles() throws {
        let values: [Int64] = [0, -1, 1 << 59 - 1, -(1 << 59), 1 << 59, -(1 << 59) - 1, .max, .min]
        let text = "[" + values.map(String.init).joined(separator: ",") + ",2.0,-0]"
        #expect(events(try tape(text)) == ["array 10"] + values.map { "int \($0)" } + ["double 2.0", "double -0.0"])
    }

    @Test func skipValueJumpsOverAWholeContainer() throws {
        let tape = try tape(#"[{"x":[1,2,{"y":[3]}],"z":"q"},9223372036854775807,2.5,[],"after"]"#)
        let after = tape.withCursor { cursor -> [String] in
            guard case .array(5) = cursor.next() else { return ["not an array of 5"] }
            var seen: [String] = []
            for _ in 0..<4 {
                seen.append("\(cursor.peek())")
                cursor.skipValue()
            }
            if case .string(let bytes) = cursor.next() { seen.append(String(decoding: bytes, as: UTF8.self)) }
            seen.append(cursor.isAtEnd ? "end" : "more")
            return seen
        }
        #expect(after == ["object(count: 2)", "int(9223372036854775807)", "double(2.5)", "array(count: 0)", "after", "end"])
    }

    @Test func aBuilderFedEventByEventRecordsThatValueOnly() throws {
        var builder = JSONTape.Builder()
        #expect(!builder.isComplete && builder.tape.isEmpty && builder.tape.json() == nil)
        builder.beginArray()
        try builder.string(UnsafeRawBufferPointer(start: nil, count: 0))
        builder.int(7)
        #expect(!builder.isComplete)
        try builder.endArray(count: 2)
        #expect(builder.isComplete)
        #expect(builder.tape.json() == .array([.string(""), .int(7)]))
    }

    @Test func replayFeedsAnyVisitor() throws {
        struct Counter: JSONVisitor {
            var scalars = 0, keys = 0, closed: [Int] = []
            mutating func null() { scalars += 1 }
            mutating func bool(_ value: Bool) { scalars += 1 }
            mutating func int(_ value: Int64) { scalars += 1 }
            mutating func double(_ value: Double) { scalars += 1 }
            mutating func string(_ bytes: UnsafeRawBufferPointer) { scalars += 1 }
            mutating func beginArray() {}
            mutating func endArray(count: Int) { closed.append(count) }
            mutating func beginObject() {}
            mutating func key(_ bytes: UnsafeRawBufferPointer) { keys += 1 }
            mutating func endObject(count: Int) { closed.append(count) }
        }
        var counter = Counter()
        try tape(#"[{"a":1,"b":[null,{}]},[]]"#).replay(into: &counter)
        #expect(counter.scalars == 2 && counter.keys == 2)
        #expect(counter.closed == [0, 2, 2, 0, 2])
    }

    @Test func aTapeTakesAboutTheRoomOfItsText() throws {
        let rows = (0..<100).map { #"{"id":\#($0),"full_name":"Сотрудник \#($0)","status":"available","groups":[{"group_id":3}]}"# }
        let text = "[" + rows.joined(separator: ",") + "]"
        let tape = try tape(text)
        #expect(tape.byteCount < text.utf8.count * 2)
    }
}
