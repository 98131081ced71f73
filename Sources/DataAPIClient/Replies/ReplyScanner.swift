import DataAPIContract

/// Reads a JSON-RPC reply in one pass without building a tree for the rows of `result.data`.
///
/// Everything but the rows (`id`, `error`, `result.metadata`, a non-array `data`) is built as `JSON`;
/// for an array `data` it only counts the elements and notes each object element's integer `id`. The
/// whole body is still parsed, so a truncated or malformed reply is caught here.
struct ReplyScanner: JSONVisitor {
    enum Role { case top, result, rows, row, other }
    enum Slot { case id, error, metadata, data, result }

    /// Whether an array `data` is skimmed (ids only) rather than built.
    let skimRows: Bool
    private var roles: [Role] = []
    private var pendingKey: Slot?
    private var rowKeyIsID = false
    private var capture: JSONTreeBuilder?
    private var captureSlot: Slot = .id
    private var captureDepth = 0

    private(set) var id: JSON?
    private(set) var error: JSON?
    private(set) var metadata: JSON?
    private(set) var data: JSON?
    private(set) var rowIDs: [Int64?]?
    private(set) var hasResult = false
    private(set) var topIsObject = false
    /// `result` was there but was not an object.
    private(set) var resultIsNotObject = false

    init(skimRows: Bool) { self.skimRows = skimRows }

    // MARK: routing

    /// Where a value that starts now belongs, and whether it is a container.
    private mutating func place(container: Bool, array: Bool) -> Role? {
        guard let parent = roles.last else {
            topIsObject = container && !array
            return container ? (array ? .other : .top) : nil
        }
        let key = pendingKey
        pendingKey = nil
        switch parent {
        case .top:
            switch key {
            case .id?, .error?: startCapture(key!)
            case .result? where container && !array: hasResult = true; return .result
            case .result?: hasResult = true; startCapture(.result)
            default: break
            }
        case .result:
            switch key {
            case .metadata?: startCapture(.metadata)
            case .data? where array && skimRows: rowIDs = []; return .rows
            case .data?: startCapture(.data)
            default: break
            }
        case .rows:
            rowIDs!.append(nil)
            if container && !array { return .row }
        case .row:
            if rowKeyIsID && !container {
                rowKeyIsID = false
                return nil  // the scalar handler notes the id
            }
        case .other: break
        }
        rowKeyIsID = false
        return container ? .other : nil
    }

    private mutating func startCapture(_ slot: Slot) {
        capture = JSONTreeBuilder()
        captureSlot = slot
        captureDepth = 0
    }

    private mutating func finishCaptureIfDone() {
        guard captureDepth == 0, let value = capture?.result else { return }
        switch captureSlot {
        case .id: id = value
        case .error: error = value
        case .metadata: metadata = value
        case .data: data = value
        case .result: resultIsNotObject = true
        }
        capture = nil
    }

    private mutating func scalar(_ feed: (inout JSONTreeBuilder) throws -> Void, id rowID: Int64? = nil) rethrows {
        if capture != nil {
            try feed(&capture!)
            finishCaptureIfDone()
            return
        }
        let wasIDKey = rowKeyIsID && roles.last == .row
        _ = place(container: false, array: false)
        if capture != nil {
            try feed(&capture!)
            finishCaptureIfDone()
        } else if wasIDKey, let rowID {
            rowIDs![rowIDs!.count - 1] = rowID
        }
    }

    private mutating func begin(array: Bool) {
        if capture != nil {
            captureDepth += 1
            array ? capture!.beginArray() : capture!.beginObject()
            return
        }
        let role = place(container: true, array: array)
        if capture != nil {
            captureDepth = 1
            array ? capture!.beginArray() : capture!.beginObject()
        } else {
            roles.append(role ?? .other)
        }
    }

    private mutating func end(array: Bool, count: Int) {
        if capture != nil {
            captureDepth -= 1
            array ? capture!.endArray(count: count) : capture!.endObject(count: count)
            finishCaptureIfDone()
            return
        }
        roles.removeLast()
    }

    // MARK: JSONVisitor

    mutating func null() { scalar { $0.null() } }
    mutating func bool(_ value: Bool) { scalar { $0.bool(value) } }
    mutating func int(_ value: Int64) { scalar({ $0.int(value) }, id: value) }
    mutating func double(_ value: Double) { scalar { $0.double(value) } }
    mutating func string(_ bytes: UnsafeRawBufferPointer) { scalar { $0.string(bytes) } }
    mutating func beginArray() { begin(array: true) }
    mutating func endArray(count: Int) { end(array: true, count: count) }
    mutating func beginObject() { begin(array: false) }
    mutating func endObject(count: Int) { end(array: false, count: count) }

    mutating func key(_ bytes: UnsafeRawBufferPointer) {
        if capture != nil {
            capture!.key(bytes)
            return
        }
        switch roles.last {
        case .top?: pendingKey = Self.match(bytes, [("id", .id), ("error", .error), ("result", .result)])
        case .result?: pendingKey = Self.match(bytes, [("metadata", .metadata), ("data", .data)])
        case .row?: rowKeyIsID = bytes.count == 2 && bytes[0] == UInt8(ascii: "i") && bytes[1] == UInt8(ascii: "d")
        default: break
        }
    }

    private static func match(_ bytes: UnsafeRawBufferPointer, _ table: [(StaticString, Slot)]) -> Slot? {
        for (name, slot) in table where name.utf8CodeUnitCount == bytes.count {
            let expected = UnsafeRawBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
            if expected.elementsEqual(bytes) { return slot }
        }
        return nil
    }
}
