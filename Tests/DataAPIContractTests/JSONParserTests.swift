import DataAPIContract
import Testing

/// Parses `text` into a tree, or returns the parse error.
private func parse(_ text: String) -> Result<JSON, JSONParseError> {
    do { return .success(try JSON(parsing: text)) } catch let error as JSONParseError { return .failure(error) } catch {
        fatalError("unexpected \(error)")
    }
}

private func parseError(_ bytes: [UInt8], maxDepth: Int = JSONParser.defaultMaxDepth) -> JSONParseError? {
    do {
        _ = try JSON(parsing: bytes, maxDepth: maxDepth)
        return nil
    } catch {
        return error as? JSONParseError
    }
}

@Suite struct JSONParserTests {
    @Test(arguments: [
        ("0", JSON.int(0)),
        ("-1", .int(-1)),
        ("9223372036854775807", .int(.max)),
        ("-9223372036854775808", .int(.min)),
        ("9223372036854775808", .double(9223372036854775808.0)),
        ("-9223372036854775809", .double(-9223372036854775809.0)),
        ("9007199254740993", .int(9_007_199_254_740_993)),
        ("1.5", .double(1.5)),
        ("1e3", .double(1000)),
        ("1E+2", .double(100)),
        ("2.5e-3", .double(0.0025)),
        ("0.1", .double(0.1)),
        ("123456789012345678901234567890", .double(1.2345678901234568e29)),
        ("1.7976931348623157e308", .double(.greatestFiniteMagnitude)),
        ("4.9e-324", .double(.leastNonzeroMagnitude)),
        ("1e-400", .double(0)),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        (" \t\r\n[ ] ", .array([])),
        ("{}", .object([:])),
    ])
    func scalarsAndNumbers(text: String, expected: JSON) throws {
        #expect(try JSON(parsing: text) == expected)
    }

    /// The scanner finds a string's first special byte eight bytes at a time: whatever the position of a
    /// quote, an escape, a control character or a multi-byte character, the string reads exactly.
    @Test func specialBytesAtEveryPositionOfAString() throws {
        for position in 0..<20 {
            let head = String(repeating: "a", count: position)
            for (middle, expected) in [("", ""), (#"\n"#, "\n"), ("é", "é"), ("Жж", "Жж"), ("€", "€"), ("😀", "😀"), (#"\""#, "\"")] {
                for tail in ["", "bcdefghijk", "\u{7F}zz"] {
                    let text = "[\"" + head + middle + tail + "\",1]"
                    #expect(try JSON(parsing: text) == .array([.string(head + expected + tail), .int(1)]), "\(text)")
                }
            }
            let control = Array(("\"" + head).utf8) + [0x01] + Array("bcdefghij\"".utf8)
            #expect(parseError(control) == JSONParseError(offset: 1 + position, reason: .controlCharacter))
            let invalid = Array(("\"" + head).utf8) + [0xC0, 0x80] + Array("bcdefghij\"".utf8)
            #expect(parseError(invalid) == JSONParseError(offset: 1 + position, reason: .invalidUTF8))
        }
    }

    @Test func negativeZeroIsADoubleThatKeepsItsSign() throws {
        let value = try JSON(parsing: "-0")
        guard case .double(let d) = value else {
            Issue.record("got \(value)")
            return
        }
        #expect(d == 0 && d.sign == .minus)
        #expect(try JSON(parsing: "0") == .int(0))
    }

    @Test func nestedStructureKeepsKeyOrder() throws {
        let value = try JSON(parsing: #"{"b":[1,{"z":null,"a":true}],"a":"x","c":{}}"#)
        #expect(value.objectValue?.keys == ["b", "a", "c"])
        #expect(value["b"] == .array([.int(1), .object(["z": .null, "a": .bool(true)])]))
        #expect(value["b"]?.arrayValue?[1].objectValue?.keys == ["z", "a"])
    }

    @Test func duplicateKeysKeepTheLastValueInFirstPlace() throws {
        let value = try JSON(parsing: #"{"a":1,"b":2,"a":3}"#)
        #expect(value.objectValue?.entries.map(\.key) == ["a", "b"])
        #expect(value["a"] == .int(3))
    }

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{8}\u{c}\n\r\t"),
        (#""\u0041\u00e9\u0416""#, "AéЖ"),
        (#""\ud83d\ude00""#, "😀"),
        (#""a\u0000b""#, "a\u{0}b"),
        ("\"Иванов Пётр\"", "Иванов Пётр"),
        ("\"€𝄞 and more than eight bytes of ascii\"", "€𝄞 and more than eight bytes of ascii"),
        (#""long ascii prefix that crosses words \n then more""#, "long ascii prefix that crosses words \n then more"),
    ])
    func strings(text: String, expected: String) throws {
        #expect(try JSON(parsing: text) == .string(expected))
    }

    @Test(arguments: [
        ("", JSONParseError(offset: 0, reason: .unexpectedEnd)),
        ("   ", JSONParseError(offset: 3, reason: .unexpectedEnd)),
        ("[1,2", JSONParseError(offset: 4, reason: .unexpectedEnd)),
        (#"{"a":1"#, JSONParseError(offset: 6, reason: .unexpectedEnd)),
        (#""abc"#, JSONParseError(offset: 4, reason: .unexpectedEnd)),
        ("tru", JSONParseError(offset: 3, reason: .unexpectedEnd)),
        ("[1] x", JSONParseError(offset: 4, reason: .trailingGarbage)),
        ("1 2", JSONParseError(offset: 2, reason: .trailingGarbage)),
        ("[1,]", JSONParseError(offset: 3, reason: .unexpectedByte)),
        (#"{"a" 1}"#, JSONParseError(offset: 5, reason: .unexpectedByte)),
        ("{1:2}", JSONParseError(offset: 1, reason: .unexpectedByte)),
        ("[1 2]", JSONParseError(offset: 3, reason: .unexpectedByte)),
        ("nul", JSONParseError(offset: 3, reason: .unexpectedEnd)),
        ("nulL", JSONParseError(offset: 3, reason: .unexpectedByte)),
        ("01", JSONParseError(offset: 1, reason: .invalidNumber)),
        ("-", JSONParseError(offset: 1, reason: .unexpectedEnd)),
        ("-a", JSONParseError(offset: 1, reason: .invalidNumber)),
        ("1.", JSONParseError(offset: 2, reason: .unexpectedEnd)),
        ("1.e5", JSONParseError(offset: 2, reason: .invalidNumber)),
        ("1e", JSONParseError(offset: 2, reason: .unexpectedEnd)),
        ("+1", JSONParseError(offset: 0, reason: .unexpectedByte)),
        ("1e400", JSONParseError(offset: 0, reason: .numberOutOfRange)),
        ("-1e400", JSONParseError(offset: 0, reason: .numberOutOfRange)),
        (#""\x""#, JSONParseError(offset: 1, reason: .invalidEscape)),
        (#""\u12g4""#, JSONParseError(offset: 1, reason: .invalidEscape)),
        (#""\ud800""#, JSONParseError(offset: 1, reason: .loneSurrogate)),
        (#""\ud800\u0041""#, JSONParseError(offset: 1, reason: .loneSurrogate)),
        (#""x\udc00""#, JSONParseError(offset: 2, reason: .loneSurrogate)),
        ("\"a\tb\"", JSONParseError(offset: 2, reason: .controlCharacter)),
        ("\"a\u{0}b\"", JSONParseError(offset: 2, reason: .controlCharacter)),
        ("[NaN]", JSONParseError(offset: 1, reason: .unexpectedByte)),
    ])
    func malformedInputIsRejectedWithOffsetAndReason(text: String, expected: JSONParseError) {
        #expect(parseError(Array(text.utf8)) == expected)
    }

    @Test(
        arguments: [
            ([0x22, 0xFF, 0x22], 1),  // never valid
            ([0x22, 0xC0, 0xAF, 0x22], 1),  // overlong "/"
            ([0x22, 0xE0, 0x80, 0xAF, 0x22], 1),  // overlong 3-byte
            ([0x22, 0xED, 0xA0, 0x80, 0x22], 1),  // UTF-8 encoded surrogate
            ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 1),  // above U+10FFFF
            ([0x22, 0x61, 0xD0, 0x41, 0x22], 2),  // missing continuation
            ([0x22, 0x5C, 0x6E, 0xD0, 0x22], 3),  // bad UTF-8 after an escape (slow path)
        ] as [([UInt8], Int)])
    func invalidUTF8InStringsIsRejected(bytes: [UInt8], offset: Int) {
        #expect(parseError(bytes) == JSONParseError(offset: offset, reason: .invalidUTF8))
    }

    @Test func nonASCIIOutsideStringsIsRejected() {
        #expect(parseError([0xEF, 0xBB, 0xBF, 0x31]) == JSONParseError(offset: 0, reason: .unexpectedByte))
        #expect(parseError([0x5B, 0x31, 0xD0]) == JSONParseError(offset: 2, reason: .unexpectedByte))
    }

    @Test func truncatedMultibyteAtEndIsRejected() {
        #expect(parseError([0x22, 0xD0]) == JSONParseError(offset: 2, reason: .unexpectedEnd))
    }

    @Test func depthLimitIsEnforcedWithoutRecursion() throws {
        let deep = [UInt8](repeating: UInt8(ascii: "["), count: 100_000) + [UInt8](repeating: UInt8(ascii: "]"), count: 100_000)
        #expect(parseError(deep) == JSONParseError(offset: 512, reason: .tooDeep))
        let objects = [UInt8](String(repeating: #"{"a":"#, count: 100_000).utf8)
        #expect(parseError(objects) == JSONParseError(offset: 512 * 5, reason: .tooDeep))

        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(throws: Never.self) { try JSON(parsing: ok) }
        let tooDeep = "[" + ok + "]"
        #expect(parseError(Array(tooDeep.utf8)) == JSONParseError(offset: 512, reason: .tooDeep))
        #expect(parseError(Array("[[[]]]".utf8), maxDepth: 2) == JSONParseError(offset: 2, reason: .tooDeep))
    }

    @Test func visitorSeesEventsWithCounts() throws {
        struct Recorder: JSONVisitor {
            var events: [String] = []
            mutating func null() { events.append("null") }
            mutating func bool(_ value: Bool) { events.append("\(value)") }
            mutating func int(_ value: Int64) { events.append("i\(value)") }
            mutating func double(_ value: Double) { events.append("d\(value)") }
            mutating func string(_ bytes: UnsafeRawBufferPointer) { events.append("s:" + String(decoding: bytes, as: UTF8.self)) }
            mutating func beginArray() { events.append("[") }
            mutating func endArray(count: Int) { events.append("]\(count)") }
            mutating func beginObject() { events.append("{") }
            mutating func key(_ bytes: UnsafeRawBufferPointer) { events.append("k:" + String(decoding: bytes, as: UTF8.self)) }
            mutating func endObject(count: Int) { events.append("}\(count)") }
        }
        var recorder = Recorder()
        try JSONParser.parse(#"[{"a\n":1.5,"b":[null,false]},"x",-7,{},[]]"#, into: &recorder)
        #expect(
            recorder.events == [
                "[", "{", "k:a\n", "d1.5", "k:b", "[", "null", "false", "]2", "}2", "s:x", "i-7", "{", "}0", "[", "]0", "]5",
            ])
    }

    @Test func visitorErrorsPropagate() {
        struct Stop: Error, Equatable {}
        struct Stopper: JSONVisitor {
            mutating func null() {}
            mutating func bool(_ value: Bool) {}
            mutating func int(_ value: Int64) throws { throw Stop() }
            mutating func double(_ value: Double) {}
            mutating func string(_ bytes: UnsafeRawBufferPointer) {}
            mutating func beginArray() {}
            mutating func endArray(count: Int) {}
            mutating func beginObject() {}
            mutating func key(_ bytes: UnsafeRawBufferPointer) {}
            mutating func endObject(count: Int) {}
        }
        var stopper = Stopper()
        #expect(throws: Stop.self) { try JSONParser.parse("[null, 1]", into: &stopper) }
    }

    @Test func parsesFromARawBufferSlice() throws {
        let bytes = Array(#"xx{"k":"v"}yy"#.utf8)
        let value = try bytes.withUnsafeBytes { try JSON(parsing: UnsafeRawBufferPointer(rebasing: $0[2..<11])) }
        #expect(value == .object(["k": .string("v")]))
    }

    @Test func largeObjectsWithDuplicateKeysAreDeduplicated() throws {
        let members = (0..<40).map { #""k\#($0)":\#($0)"# } + [#""k3":"last""#]
        let value = try JSON(parsing: "{" + members.joined(separator: ",") + "}")
        #expect(value.objectValue?.count == 40)
        #expect(value["k3"] == .string("last"))
    }
}
