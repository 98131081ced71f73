import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The file a recording is written to (`--record FILE`): one `RecordedCall` line per call, written
/// as the replies arrive, from any task.
///
/// The file is created (or emptied) with mode 0600, since it holds the account's data. A line that cannot
/// be written whole (a full disk, a quota) is an error for the call that brought it: a recording never
/// loses a call without a word.
public final class RecordingLog: @unchecked Sendable {
    /// The file.
    public let path: String
    private let lock = NSLock()
    private let fd: Int32

    /// Creates or empties the file.
    /// - Parameter path: The file to write.
    /// - Throws: `RecordingError` when it cannot be created.
    public init(path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOCTTY, 0o600)
        guard fd >= 0 else { throw RecordingError("cannot write the recording \(path): \(String(cString: strerror(errno)))") }
        self.path = path
        self.fd = fd
    }

    deinit { close(fd) }

    /// Appends a call as one line.
    /// - Parameter call: The call and its reply.
    /// - Throws: `RecordingError` naming the file and the reason when the line could not be written whole.
    public func write(_ call: RecordedCall) throws {
        let line = Array((call.line + "\n").utf8)
        let failure: Int32? = lock.withLock {
            line.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                    if n < 0, errno == EINTR { continue }
                    guard n > 0 else { return n < 0 ? errno : EIO }
                    offset += n
                }
                return nil
            }
        }
        if let failure { throw RecordingError("cannot write the recording \(path): \(String(cString: strerror(failure)))") }
    }

    private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.write(fd, buffer, count)
        #else
            Darwin.write(fd, buffer, count)
        #endif
    }
}
