import Foundation

/// The file a recording is written to (`--record FILE`): one `RecordedCall` line per call, written
/// as the replies arrive, from any task.
///
/// The file is created (or emptied) with mode 0600, since it holds the account's data.
public final class RecordingLog: @unchecked Sendable {
    /// The file.
    public let path: String
    private let lock = NSLock()
    private let handle: FileHandle

    /// Creates or empties the file.
    /// - Parameter path: The file to write.
    /// - Throws: `RecordingError` when it cannot be created.
    public init(path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw RecordingError("cannot write the recording \(path)") }
        self.path = path
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// Appends a call as one line.
    /// - Parameter call: The call and its reply.
    public func write(_ call: RecordedCall) {
        let line = Data((call.line + "\n").utf8)
        lock.withLock { handle.write(line) }
    }
}
