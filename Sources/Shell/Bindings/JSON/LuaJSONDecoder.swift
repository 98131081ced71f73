import CLuaShim
import DataAPIContract
import Lua

/// Builds Lua values straight from JSON bytes, with no intermediate tree: objects and arrays
/// become tables, `null` the sentinel `json.null`, and an empty array or object gets a marker
/// metatable so that encoding it again gives `[]` or `{}` back.
struct LuaJSONDecoder: JSONVisitor {
    /// The registry names of the marker metatables of empty arrays and objects.
    static let arrayMarker = "empsh.json.array"
    static let objectMarker = "empsh.json.object"

    private let L: OpaquePointer
    /// One entry per open container: the next array index, or -1 for an object.
    private var open: [Int64] = []
    /// Stack slots of the marker metatables.
    private let arrayMeta: Int32, objectMeta: Int32

    /// Decodes `bytes` and pushes the one value they hold.
    /// - Throws: `LuaRaise.message` naming the byte offset of a syntax error; the stack is restored.
    static func push(_ bytes: UnsafeRawBufferPointer, onto stack: LuaStack) throws {
        let base = stack.gettop()
        var decoder = LuaJSONDecoder(stack: stack)
        do {
            try JSONParser.parse(bytes, maxDepth: 200, into: &decoder)
        } catch let error as LuaRaise {
            stack.settop(base)
            throw error
        } catch {
            stack.settop(base)
            throw LuaRaise.message("json.decode: \(error)")
        }
        decoder.finish()
    }

    /// A decoder whose values go onto `stack`; it pushes the two marker metatables first, which
    /// `finish(keeping:)` removes.
    init(stack: LuaStack) {
        stack.checkstack(8)
        let base = stack.gettop()
        stack.getregistry(Self.arrayMarker)
        stack.getregistry(Self.objectMarker)
        L = stack.L
        arrayMeta = base + 1
        objectMeta = base + 2
    }

    /// Whether the state holds more than its memory cap now.
    var isOverMemoryLimit: Bool { LuaStack(L).isOverMemoryLimit }

    /// Removes the marker metatables from under the values decoded since `init`.
    func finish() {
        let stack = LuaStack(L)
        stack.remove(arrayMeta)
        stack.remove(arrayMeta)
    }

    /// Stores the value on top into the open container (the root value stays on the stack).
    @inline(__always) private mutating func store() {
        guard let last = open.indices.last else { return }
        let index = open[last]
        if index >= 0 {
            lua_rawseti(L, -2, index)
            open[last] = index + 1
        } else {
            lua_rawset(L, -3)
        }
    }

    mutating func null() throws {
        lua_pushlightuserdata(L, nil)
        store()
    }

    mutating func bool(_ value: Bool) throws {
        lua_pushboolean(L, value ? 1 : 0)
        store()
    }

    mutating func int(_ value: Int64) throws {
        lua_pushinteger(L, value)
        store()
    }

    mutating func double(_ value: Double) throws {
        lua_pushnumber(L, value)
        store()
    }

    mutating func string(_ bytes: UnsafeRawBufferPointer) throws {
        lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
        store()
    }

    mutating func key(_ bytes: UnsafeRawBufferPointer) throws {
        lua_pushlstring(L, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), bytes.count)
    }

    mutating func beginArray() throws {
        try begin()
        open.append(1)
    }

    mutating func beginObject() throws {
        try begin()
        open.append(-1)
    }

    private mutating func begin() throws {
        // A container holds its table and, in an object, a pending key and value.
        guard lua_checkstack(L, 4) != 0 else { throw LuaRaise.message("json.decode: nested too deep") }
        lua_createtable(L, 0, 0)
    }

    mutating func endArray(count: Int) throws {
        if count == 0 { mark(arrayMeta) }
        open.removeLast()
        store()
    }

    mutating func endObject(count: Int) throws {
        if count == 0 { mark(objectMeta) }
        open.removeLast()
        store()
    }

    private func mark(_ meta: Int32) {
        lua_pushvalue(L, meta)
        lua_setmetatable(L, -2)
    }
}
