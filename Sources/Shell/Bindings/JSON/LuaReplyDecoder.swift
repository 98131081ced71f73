import DataAPIContract
import Lua

/// Pushes the `result.data` array of a JSON-RPC reply as a Lua table of rows, straight from
/// the bytes: events outside `result.data` are skipped, those inside go to `LuaJSONDecoder`.
struct LuaReplyDecoder: JSONVisitor {
    private var rows: LuaJSONDecoder
    private var depth = 0
    private var forwarding = 0
    private var keyAtDepth1: [UInt8] = []
    private var keyAtDepth2: [UInt8] = []
    private var inResult = false
    private(set) var found = false
    private var rowsPushed = 0

    /// Decodes `bytes` and pushes the data array (an empty table when the reply has none).
    /// - Throws: `LuaRaise.message` when the bytes are not JSON.
    static func pushData(_ bytes: [UInt8], onto stack: LuaStack) throws {
        let base = stack.gettop()
        var decoder = LuaReplyDecoder(rows: LuaJSONDecoder(stack: stack))
        do {
            try bytes.withUnsafeBytes { try JSONParser.parse($0, maxDepth: 200, into: &decoder) }
        } catch let error as LuaRaise {
            stack.settop(base)
            throw error
        } catch {
            stack.settop(base)
            throw LuaRaise.message("malformed reply: \(error)")
        }
        if !decoder.found { stack.createtable() }
        decoder.rows.finish()
    }

    private static let result = Array("result".utf8), data = Array("data".utf8)

    mutating func null() throws { if forwarding > 0 { try rows.null() } }
    mutating func bool(_ value: Bool) throws { if forwarding > 0 { try rows.bool(value) } }
    mutating func int(_ value: Int64) throws { if forwarding > 0 { try rows.int(value) } }
    mutating func double(_ value: Double) throws { if forwarding > 0 { try rows.double(value) } }
    mutating func string(_ bytes: UnsafeRawBufferPointer) throws { if forwarding > 0 { try rows.string(bytes) } }

    mutating func key(_ bytes: UnsafeRawBufferPointer) throws {
        if forwarding > 0 { return try rows.key(bytes) }
        if depth == 1 { keyAtDepth1 = Array(bytes) } else if depth == 2 { keyAtDepth2 = Array(bytes) }
    }

    mutating func beginArray() throws {
        if forwarding > 0 {
            forwarding += 1
            return try rows.beginArray()
        }
        if depth == 2, inResult, keyAtDepth2 == Self.data, !found {
            forwarding = 1
            return try rows.beginArray()
        }
        depth += 1
    }

    mutating func endArray(count: Int) throws {
        if forwarding > 0 {
            try rows.endArray(count: count)
            forwarding -= 1
            if forwarding == 0 { found = true }
            return
        }
        depth -= 1
    }

    mutating func beginObject() throws {
        if forwarding > 0 {
            forwarding += 1
            return try rows.beginObject()
        }
        depth += 1
        if depth == 2 { inResult = keyAtDepth1 == Self.result }
    }

    mutating func endObject(count: Int) throws {
        if forwarding > 0 {
            try rows.endObject(count: count)
            forwarding -= 1
            // Every 256 rows: stop a fetch that outgrows --memory before it is all in the heap.
            if forwarding == 1 {
                rowsPushed += 1
                if rowsPushed % 256 == 0, rows.isOverMemoryLimit { throw LuaStack.notEnoughMemory }
            }
            return
        }
        if depth == 2 { inResult = false }
        depth -= 1
    }
}
