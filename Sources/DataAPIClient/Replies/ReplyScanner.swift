import DataAPIContract

/// Reads a JSON-RPC reply in one pass: the only parse a reply gets.
///
/// `id`, `error` and `result.metadata` are built as `JSON`; `result.data`, whatever its shape, is recorded
/// as a `JSONTape` (which the Lua layer and `Page.rows()` read without parsing again), and when it is an
/// array, each object element's integer `id` is noted on the way. The whole body is parsed, so a truncated
/// or malformed reply is caught here.
struct ReplyScanner: JSONVisitor {
    private enum Role { case top, result, other }
    private enum Slot { case id, error, metadata, data, result }

    private var roles: [Role] = []
    private var pendingKey: Slot?
    private var capture: JSONTreeBuilder?
    private var captureSlot: Slot = .id
    private var captureDepth = 0

    /// Records `result.data` while `recording`; `dataDepth` counts its open containers (1: `data` itself).
    private var recorder = JSONTape.Builder()
    private var recording = false
    private var sawData = false
    private var dataDepth = 0
    private var rowKeyIsID = false
    private let expectedBytes: Int

    private(set) var id: JSON?
    private(set) var error: JSON?
    private(set) var metadata: JSON?
    /// The `id` of each element of an array `result.data` (`nil` where an element has no integer `id`);
    /// `nil` when `data` is absent or not an array.
    private(set) var rowIDs: [Int64?]?
    private(set) var hasResult = false
    private(set) var topIsObject = false
    /// `result` was there but was not an object.
    private(set) var resultIsNotObject = false

    /// - Parameter expectedBytes: The size of the body, to size the tape's buffers; 0 by default.
    init(expectedBytes: Int = 0) { self.expectedBytes = expectedBytes }

    /// `result.data` as recorded; `nil` when the reply has none.
    var data: JSONTape? { sawData ? recorder.tape : nil }

    // MARK: routing

    /// Where a value that starts now belongs: a role for a container that stays with the scanner, or
    /// `nil` (a scalar, or a value handed to a capture or the recorder, which `place` starts).
    private mutating func place(container: Bool, array: Bool) -> Role? {
        guard let parent = roles.last else {
            topIsObject = container && !array
            return container ? (array ? .other : .top) : nil
        }
        let key = pendingKey
        pendingKey = nil
        switch (parent, key) {
        case (.top, .id?), (.top, .error?): startCapture(key!)
        case (.top, .result?):
            hasResult = true
            if container && !array { return .result }
            startCapture(.result)
        case (.result, .metadata?): startCapture(.metadata)
        case (.result, .data?): startRecording(array: array)
        default: break
        }
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
        case .data: break
        case .result: resultIsNotObject = true
        }
        capture = nil
    }

    /// Starts recording `result.data` (a later duplicate key replaces an earlier value, as in `JSONObject`).
    private mutating func startRecording(array: Bool) {
        // Measured on full records: a word per 12 bytes of body, string bytes (keys stored once) a third of it.
        recorder = JSONTape.Builder(words: expectedBytes / 12, textBytes: expectedBytes / 3)
        recording = true
        sawData = true
        dataDepth = 0
        rowIDs = array ? [] : nil
    }

    // MARK: inside result.data

    /// Notes a value inside `data` before the recorder gets it: a new row, or a row's `id`.
    @inline(__always)
    private mutating func noteInData(int value: Int64? = nil) {
        guard rowIDs != nil else { return }
        if dataDepth == 1 {
            rowIDs!.append(nil)
        } else if dataDepth == 2 && rowKeyIsID {
            if let value { rowIDs![rowIDs!.count - 1] = value }
            rowKeyIsID = false
        }
    }

    // MARK: JSONVisitor

    private enum Scalar {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case string(UnsafeRawBufferPointer)
    }

    private mutating func scalar(_ value: Scalar) throws {
        if !recording, capture == nil {
            _ = place(container: false, array: false)
        }
        if recording {
            if case .int(let id) = value { noteInData(int: id) } else { noteInData() }
            try Self.feed(value, to: &recorder)
            if dataDepth == 0 { recording = false }
        } else if capture != nil {
            try Self.feed(value, to: &capture!)
            finishCaptureIfDone()
        }
    }

    @inline(__always)
    private static func feed<V: JSONVisitor>(_ value: Scalar, to visitor: inout V) throws {
        switch value {
        case .null: try visitor.null()
        case .bool(let value): try visitor.bool(value)
        case .int(let value): try visitor.int(value)
        case .double(let value): try visitor.double(value)
        case .string(let bytes): try visitor.string(bytes)
        }
    }

    private mutating func begin(array: Bool) {
        var role: Role? = nil
        if !recording, capture == nil {
            role = place(container: true, array: array)
        }
        if recording {
            noteInData()
            dataDepth += 1
            array ? recorder.beginArray() : recorder.beginObject()
        } else if capture != nil {
            captureDepth += 1
            array ? capture!.beginArray() : capture!.beginObject()
        } else {
            roles.append(role ?? .other)
        }
    }

    private mutating func end(array: Bool, count: Int) throws {
        if recording {
            dataDepth -= 1
            if dataDepth == 0 { recording = false }
            try array ? recorder.endArray(count: count) : recorder.endObject(count: count)
        } else if capture != nil {
            captureDepth -= 1
            array ? capture!.endArray(count: count) : capture!.endObject(count: count)
            finishCaptureIfDone()
        } else {
            roles.removeLast()
        }
    }

    mutating func null() throws { try scalar(.null) }
    mutating func bool(_ value: Bool) throws { try scalar(.bool(value)) }
    mutating func int(_ value: Int64) throws { try scalar(.int(value)) }
    mutating func double(_ value: Double) throws { try scalar(.double(value)) }
    mutating func string(_ bytes: UnsafeRawBufferPointer) throws { try scalar(.string(bytes)) }
    mutating func beginArray() { begin(array: true) }
    mutating func endArray(count: Int) throws { try end(array: true, count: count) }
    mutating func beginObject() { begin(array: false) }
    mutating func endObject(count: Int) throws { try end(array: false, count: count) }

    mutating func key(_ bytes: UnsafeRawBufferPointer) throws {
        if recording {
            if dataDepth == 2 { rowKeyIsID = bytes.count == 2 && bytes[0] == UInt8(ascii: "i") && bytes[1] == UInt8(ascii: "d") }
            return try recorder.key(bytes)
        }
        if capture != nil {
            capture!.key(bytes)
            return
        }
        switch roles.last {
        case .top?: pendingKey = Self.match(bytes, [("id", .id), ("error", .error), ("result", .result)])
        case .result?: pendingKey = Self.match(bytes, [("metadata", .metadata), ("data", .data)])
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
