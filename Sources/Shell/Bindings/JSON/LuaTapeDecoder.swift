import DataAPIContract
import Lua

/// Builds Lua values from a `JSONTape` (the rows the client recorded in its one parse of a reply): no
/// lexing and no escapes left to resolve, and each table is made at its final size from the recorded
/// counts. Values come out as `LuaJSONDecoder` makes them: `null` is `json.null`, and an empty array
/// or object gets the marker metatable that makes it encode as `[]` or `{}` again.
struct LuaTapeDecoder {
    private let stack: LuaStack
    /// Stack slots of the marker metatables.
    private let arrayMeta: Int32, objectMeta: Int32
    /// The containers being filled around the innermost one (kept in locals): elements still to come,
    /// and the next array index (0 in an object).
    private var outer: [(remaining: Int, index: Int64)] = []

    /// Pushes the tape's value (`nil` for an empty tape).
    /// - Parameters:
    ///   - tape: The value.
    ///   - stack: Where it goes.
    /// - Throws: `LuaRaise.message` when the Lua stack cannot grow; the stack is then as it was.
    static func push(_ tape: JSONTape, onto stack: LuaStack) throws {
        try build(onto: stack) { decoder in
            try tape.withCursor { cursor in
                if cursor.isAtEnd { stack.pushnil() } else { try decoder.value(&cursor) }
            }
        }
    }

    /// Pushes the elements of an array tape as a Lua array, leaving out the elements at `dropped` and,
    /// from object elements, the members named in `omitted`. A tape that is not an array gives an empty table.
    /// - Parameters:
    ///   - tape: The rows, an array.
    ///   - dropped: 0-based indices of the elements to leave out; none by default.
    ///   - omitted: Keys of the members to leave out of each object element; none by default.
    ///   - stack: Where the array goes.
    /// - Throws: `LuaRaise.message` when the Lua stack cannot grow; `LuaStack.notEnoughMemory` when the
    ///   rows outgrow the `--memory` cap; the stack is then as it was.
    static func pushRows(_ tape: JSONTape, dropping dropped: Set<Int> = [], omitting omitted: [String] = [], onto stack: LuaStack) throws {
        let omittedKeys = omitted.map { Array($0.utf8) }
        try build(onto: stack) { decoder in
            try tape.withCursor { cursor in
                guard !cursor.isAtEnd, case .array(let count) = cursor.next() else { return stack.createtable() }
                stack.createtable(narr: Int32(clamping: max(0, count - dropped.count)), nrec: 0)
                if count == 0 { decoder.mark(decoder.arrayMeta) }
                var kept: Int64 = 0
                for index in 0..<count {
                    if !dropped.isEmpty && dropped.contains(index) {
                        cursor.skipValue()
                        continue
                    }
                    if omittedKeys.isEmpty { try decoder.value(&cursor) } else { try decoder.row(&cursor, omitting: omittedKeys) }
                    kept += 1
                    stack.rawseti(-2, kept)
                    // Every 256 rows: stop a fetch that outgrows --memory before it is all in the heap.
                    if kept % 256 == 0, stack.isOverMemoryLimit { throw LuaStack.notEnoughMemory }
                }
            }
        }
    }

    /// Runs `body` with a decoder whose marker metatables sit on the stack, then removes them from under
    /// the one value `body` pushed; on an error, restores the stack.
    private static func build(onto stack: LuaStack, _ body: (inout LuaTapeDecoder) throws -> Void) throws {
        let base = stack.gettop()
        guard stack.checkstack(8) else { throw LuaRaise.message("json: the Lua stack cannot grow") }
        stack.getregistry(LuaJSONDecoder.arrayMarker)
        stack.getregistry(LuaJSONDecoder.objectMarker)
        var decoder = LuaTapeDecoder(stack: stack, arrayMeta: base + 1, objectMeta: base + 2)
        do {
            try body(&decoder)
        } catch {
            stack.settop(base)
            throw error
        }
        stack.remove(base + 1)
        stack.remove(base + 1)
    }

    private init(stack: LuaStack, arrayMeta: Int32, objectMeta: Int32) {
        self.stack = stack
        self.arrayMeta = arrayMeta
        self.objectMeta = objectMeta
    }

    /// Pushes the value at the cursor, a container with everything in it.
    private mutating func value(_ cursor: inout JSONTape.Cursor) throws {
        // The innermost open container: elements still to come (0 when none is open), and the next array
        // index (0 in an object).
        var remaining = 0
        var index: Int64 = 0
        repeat {
            if remaining > 0 && index == 0 {
                // An object member: its key, then its value.
                guard case .key(let key) = cursor.next() else { preconditionFailure("JSONTape: an object member without a key") }
                stack.pushlstring(key)
            }
            switch cursor.next() {
            case .null: stack.pushlightuserdata(nil)
            case .bool(let value): stack.pushboolean(value)
            case .int(let value): stack.pushinteger(value)
            case .double(let value): stack.pushnumber(value)
            case .string(let bytes): stack.pushlstring(bytes)
            case .key: preconditionFailure("JSONTape: a key where a value belongs")
            case .array(let count):
                try begin()
                stack.createtable(narr: Int32(clamping: count), nrec: 0)
                if count > 0 {
                    if remaining > 0 { outer.append((remaining, index)) }
                    (remaining, index) = (count, 1)
                    continue
                }
                mark(arrayMeta)
            case .object(let count):
                try begin()
                stack.createtable(narr: 0, nrec: Int32(clamping: count))
                if count > 0 {
                    if remaining > 0 { outer.append((remaining, index)) }
                    (remaining, index) = (count, 0)
                    continue
                }
                mark(objectMeta)
            }
            // A value is complete: store it in its container, and each container it completes in its own.
            while remaining > 0 {
                if index > 0 {
                    stack.rawseti(-2, index)
                    index += 1
                } else {
                    stack.rawset(-3)
                }
                remaining -= 1
                if remaining > 0 { break }
                guard let enclosing = outer.popLast() else { break }
                (remaining, index) = enclosing
            }
        } while remaining > 0
    }

    /// Pushes the row at the cursor without the members whose keys are in `omitted` (when it is an object).
    private mutating func row(_ cursor: inout JSONTape.Cursor, omitting omitted: [[UInt8]]) throws {
        guard case .object(let count) = cursor.peek() else { return try value(&cursor) }
        _ = cursor.next()
        try begin()
        stack.createtable(narr: 0, nrec: Int32(clamping: count))
        if count == 0 { mark(objectMeta) }
        for _ in 0..<count {
            guard case .key(let key) = cursor.next() else { preconditionFailure("JSONTape: an object member without a key") }
            if omitted.contains(where: { $0.elementsEqual(key) }) {
                cursor.skipValue()
                continue
            }
            stack.pushlstring(key)
            try value(&cursor)
            stack.rawset(-3)
        }
    }

    /// Makes room for a container, its pending key and value.
    private func begin() throws {
        guard stack.checkstack(4) else { throw LuaRaise.message("json: nested too deep for the Lua stack") }
    }

    private func mark(_ meta: Int32) {
        stack.pushvalue(meta)
        stack.setmetatable(-2)
    }
}
