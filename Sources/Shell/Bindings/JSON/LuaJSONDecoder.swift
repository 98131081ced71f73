import DataAPIContract
import Lua

/// Builds Lua values from JSON bytes: objects and arrays become tables, `null` the sentinel
/// `json.null`, and an empty array or object gets a marker metatable so that encoding it again gives
/// `[]` or `{}` back.
///
/// The text is parsed once into a `JSONTape` (flat, with each object's size known), and the tables are
/// built from that by `LuaTapeDecoder`: each made at its final size, each recurring key made once.
enum LuaJSONDecoder {
    /// The registry names of the marker metatables of empty arrays and objects.
    static let arrayMarker = "empsh.json.array"
    static let objectMarker = "empsh.json.object"

    /// Decodes `bytes` and pushes the one value they hold.
    /// - Throws: `LuaRaise.message` naming the byte offset of a syntax error, or when Ctrl-C or
    ///   `--timeout` stopped it; `LuaStack.notEnoughMemory` over the `--memory` cap; the stack is then as
    ///   it was.
    static func push(_ bytes: UnsafeRawBufferPointer, onto stack: LuaStack) throws {
        var recorder = LimitedRecorder(stack: stack, builder: JSONTape.Builder(words: bytes.count / 12, textBytes: bytes.count / 3))
        do {
            try JSONParser.parse(bytes, maxDepth: 200, into: &recorder)
        } catch let stop as LuaRaise {
            throw stop
        } catch {
            throw LuaRaise.message("json.decode: \(error)")
        }
        try LuaTapeDecoder.push(recorder.builder.tape, onto: stack)
    }
}

/// Records a parse into a tape, checking the call's limits every 4096 values, so that parsing a very
/// long text honours `--timeout` and Ctrl-C as building its tables does.
private struct LimitedRecorder: JSONVisitor {
    let stack: LuaStack
    var builder: JSONTape.Builder
    private var values = 0

    init(stack: LuaStack, builder: JSONTape.Builder) {
        self.stack = stack
        self.builder = builder
    }

    private mutating func counted() throws {
        values &+= 1
        if values & 4095 == 0 { try stack.checkLimits() }
    }

    mutating func null() throws {
        try counted()
        builder.null()
    }
    mutating func bool(_ value: Bool) throws {
        try counted()
        builder.bool(value)
    }
    mutating func int(_ value: Int64) throws {
        try counted()
        builder.int(value)
    }
    mutating func double(_ value: Double) throws {
        try counted()
        builder.double(value)
    }
    mutating func string(_ bytes: UnsafeRawBufferPointer) throws {
        try counted()
        try builder.string(bytes)
    }
    mutating func key(_ bytes: UnsafeRawBufferPointer) throws { try builder.key(bytes) }
    mutating func beginArray() throws {
        try counted()
        builder.beginArray()
    }
    mutating func beginObject() throws {
        try counted()
        builder.beginObject()
    }
    mutating func endArray(count: Int) throws { try builder.endArray(count: count) }
    mutating func endObject(count: Int) throws { try builder.endObject(count: count) }
}
