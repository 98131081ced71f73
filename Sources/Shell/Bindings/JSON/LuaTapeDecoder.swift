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
    /// The stack slot of the table of key strings made so far, and their indices there by text offset.
    private let keyTable: Int32
    /// The stack slot of the table of recently made short strings, and (`recent`) where each slot's string
    /// came from in this tape, if it was made for this tape (see `pushString`).
    private let valueTable: Int32
    private var recent = [UInt64](repeating: 0, count: LuaTapeDecoder.recentStringSlots)
    private var keys = LuaKeyCache()
    /// Containers begun so far.
    private var containers = 0
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
    /// - Throws: `LuaRaise.message` when the Lua stack cannot grow, or Ctrl-C or `--timeout` stopped it;
    ///   `LuaStack.notEnoughMemory` when the rows outgrow the `--memory` cap; the stack is then as it was.
    static func pushRows(_ tape: JSONTape, dropping dropped: Set<Int> = [], omitting omitted: [String] = [], onto stack: LuaStack) throws {
        var walk = TapeRowWalk(tape, dropping: dropped)
        try pushRows(from: &walk, atMost: .max, omitting: omitted, onto: stack)
    }

    /// Pushes the next rows of a walk (at most `limit` of them, fewer at the end) as a Lua array, and moves
    /// the walk past them; an empty array when the walk is finished.
    /// - Parameters:
    ///   - walk: Where the rows are and which to leave out; moved past the rows pushed.
    ///   - limit: The most rows to push.
    ///   - omitted: Keys of the members to leave out of each object row; none by default.
    ///   - stack: Where the array goes.
    /// - Throws: As `pushRows(_:dropping:omitting:onto:)`; the walk then stays where it was.
    static func pushRows(from walk: inout TapeRowWalk, atMost limit: Int, omitting omitted: [String] = [], onto stack: LuaStack) throws {
        let omittedKeys = omitted.map { Array($0.utf8) }
        var moved = walk
        try build(onto: stack) { decoder in
            try moved.tape.withCursor { cursor in
                cursor.position = moved.word
                stack.createtable(narr: Int32(clamping: min(limit, moved.count - moved.element)), nrec: 0)
                var kept: Int64 = 0
                while moved.element < moved.count && kept < limit {
                    let index = moved.element
                    moved.element += 1
                    if !moved.dropped.isEmpty && moved.dropped.contains(index) {
                        cursor.skipValue()
                        continue
                    }
                    if omittedKeys.isEmpty { try decoder.value(&cursor) } else { try decoder.row(&cursor, omitting: omittedKeys) }
                    kept += 1
                    stack.rawseti(-2, kept)
                    // Every 256 rows: stop a fetch that outgrows --memory before it is all in the heap, or
                    // that runs past --timeout or Ctrl-C.
                    if kept % 256 == 0 { try stack.checkLimits() }
                }
                if kept == 0 { decoder.mark(decoder.arrayMeta) }
                moved.word = cursor.position
            }
        }
        walk = moved
    }

    /// Runs `body` with a decoder whose marker metatables, key table and recent-string table sit on the
    /// stack, then removes them from under the one value `body` pushed; on an error, restores the stack.
    private static func build(onto stack: LuaStack, _ body: (inout LuaTapeDecoder) throws -> Void) throws {
        let base = stack.gettop()
        guard stack.checkstack(10) else { throw LuaRaise.message("json: the Lua stack cannot grow") }
        stack.getregistry(LuaJSONDecoder.arrayMarker)
        stack.getregistry(LuaJSONDecoder.objectMarker)
        stack.createtable(narr: 64, nrec: 0)
        if stack.getregistry(Self.recentStrings) != .table {
            stack.pop()
            stack.createtable(narr: Int32(Self.recentStringSlots), nrec: 0)
            stack.pushvalue(-1)
            stack.setregistry(Self.recentStrings)
        }
        var decoder = LuaTapeDecoder(stack: stack, arrayMeta: base + 1, objectMeta: base + 2, keyTable: base + 3, valueTable: base + 4)
        do {
            try body(&decoder)
        } catch {
            stack.settop(base)
            throw error
        }
        stack.remove(base + 1)
        stack.remove(base + 1)
        stack.remove(base + 1)
        stack.remove(base + 1)
    }

    /// The registry table of short strings made recently, by a hash of their bytes (see `pushString`).
    private static let recentStrings = "empsh.json.recentStrings"
    private static let recentStringSlots = 4096

    /// Pushes a string value. A short one (up to 40 bytes, which Lua interns) is looked up first among
    /// the strings made for this tape with the same hash: the values that recur on every row (statuses,
    /// call types, group and position names) then cost a comparison within the tape and a table read,
    /// not a walk of Lua's string table. `recent` remembers, per slot, where in the tape's text the
    /// string now in the registry table's slot came from (offset + 1; 0 for none yet), so a hit reads
    /// neither the Lua string nor Lua's string table.
    @inline(__always)
    private mutating func pushString(_ bytes: UnsafeRawBufferPointer, _ cursor: inout JSONTape.Cursor) {
        let count = bytes.count
        guard count <= 40 else { return stack.pushlstring(bytes) }
        let slot = JSONTape.shortHash(bytes) & (Self.recentStringSlots - 1)
        let seen = recent[slot]
        if seen != 0 {
            let offset = Int(truncatingIfNeeded: seen >> 8) - 1
            if Int(truncatingIfNeeded: seen & 0xFF) == count && JSONTape.equalBytes(cursor.textBytes(at: offset, count: count), bytes) {
                stack.rawgeti(valueTable, Int64(slot) + 1)
                return
            }
        }
        stack.pushlstring(bytes)
        stack.pushvalue(-1)
        stack.rawseti(valueTable, Int64(slot) + 1)
        recent[slot] = UInt64(truncatingIfNeeded: cursor.textOffset(of: bytes) + 1) << 8 | UInt64(count)
    }

    /// Pushes the key of the object member at the cursor (made once per distinct key; see `LuaKeyCache`).
    @inline(__always)
    private mutating func pushKey(_ cursor: inout JSONTape.Cursor) {
        guard case .key(let key) = cursor.next() else { preconditionFailure("JSONTape: an object member without a key") }
        let offset = cursor.textOffset(of: key)
        if let index = keys.index(of: offset) {
            stack.rawgeti(keyTable, index)
            return
        }
        stack.pushlstring(key)
        if let index = keys.insert(offset) {
            stack.pushvalue(-1)
            stack.rawseti(keyTable, index)
        }
    }

    /// Pushes the value at the cursor, a container with everything in it.
    private mutating func value(_ cursor: inout JSONTape.Cursor) throws {
        // The innermost open container: elements still to come (0 when none is open), and the next array
        // index (0 in an object).
        var remaining = 0
        var index: Int64 = 0
        repeat {
            if remaining > 0 && index == 0 { pushKey(&cursor) }  // an object member: its key, then its value
            switch cursor.next() {
            case .null: stack.pushlightuserdata(nil)
            case .bool(let value): stack.pushboolean(value)
            case .int(let value): stack.pushinteger(value)
            case .double(let value): stack.pushnumber(value)
            case .string(let bytes): pushString(bytes, &cursor)
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
            guard case .key(let key) = cursor.peek() else { preconditionFailure("JSONTape: an object member without a key") }
            if omitted.contains(where: { $0.elementsEqual(key) }) {
                _ = cursor.next()
                cursor.skipValue()
                continue
            }
            pushKey(&cursor)
            try value(&cursor)
            stack.rawset(-3)
        }
    }

    /// Makes room for a container, its pending key and value; every 1024 containers, checks the call's
    /// limits (a long decode honours `--timeout`, Ctrl-C and `--memory`).
    private mutating func begin() throws {
        guard stack.checkstack(4) else { throw LuaRaise.message("json: nested too deep for the Lua stack") }
        containers &+= 1
        if containers & 1023 == 0 { try stack.checkLimits() }
    }

    private func mark(_ meta: Int32) {
        stack.pushvalue(meta)
        stack.setmetatable(-2)
    }
}

/// A walk over the rows of an array tape (a page's `result.data`), a batch at a time.
struct TapeRowWalk {
    /// The rows.
    let tape: JSONTape
    /// 0-based indices of the rows to leave out.
    let dropped: Set<Int>
    /// The word where the next row starts, its index, and how many rows the array holds (0 when the
    /// tape is not an array).
    fileprivate var word = 1, element = 0
    fileprivate let count: Int

    /// A walk from the first row.
    init(_ tape: JSONTape, dropping dropped: Set<Int> = []) {
        self.tape = tape
        self.dropped = dropped
        count = tape.withCursor { cursor in
            guard !cursor.isAtEnd, case .array(let count) = cursor.next() else { return 0 }
            return count
        }
    }

    /// Whether every row has been pushed.
    var isFinished: Bool { element >= count }
}
