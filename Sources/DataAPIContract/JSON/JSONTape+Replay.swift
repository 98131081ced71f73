extension JSONTape {
    /// Feeds the recorded value to a visitor, event by event, as a parse of its text would.
    /// - Parameter visitor: Receives the events; `endArray`/`endObject` get the recorded counts.
    /// - Throws: What `visitor` throws.
    @inlinable
    public func replay<V: JSONVisitor>(into visitor: inout V) throws {
        try withCursor { cursor in
            while !cursor.isAtEnd { try Self.replayValue(&cursor, into: &visitor) }
        }
    }

    /// The recorded value as a tree.
    /// - Returns: The value; `nil` for an empty tape.
    public func json() -> JSON? {
        var builder = JSONTreeBuilder()
        try? replay(into: &builder)  // the tree builder never throws
        return builder.result
    }

    /// Replays the value at the cursor: a scalar, or a container with everything in it.
    @inlinable
    static func replayValue<V: JSONVisitor>(_ cursor: inout Cursor, into visitor: inout V) throws {
        var open: [(remaining: Int, count: Int, isObject: Bool)] = []
        repeat {
            switch cursor.next() {
            case .null: try visitor.null()
            case .bool(let value): try visitor.bool(value)
            case .int(let value): try visitor.int(value)
            case .double(let value): try visitor.double(value)
            case .string(let bytes): try visitor.string(bytes)
            case .key(let bytes):
                try visitor.key(bytes)
                continue  // the member's value follows
            case .array(let count):
                try visitor.beginArray()
                if count > 0 {
                    open.append((count, count, false))
                    continue
                }
                try visitor.endArray(count: 0)
            case .object(let count):
                try visitor.beginObject()
                if count > 0 {
                    open.append((count, count, true))
                    continue
                }
                try visitor.endObject(count: 0)
            }
            // A value is complete: count it in its container, closing each container it completes.
            while let last = open.indices.last {
                open[last].remaining -= 1
                if open[last].remaining > 0 { break }
                let closed = open.removeLast()
                if closed.isObject { try visitor.endObject(count: closed.count) } else { try visitor.endArray(count: closed.count) }
            }
        } while !open.isEmpty
    }
}
