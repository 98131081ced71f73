#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads a small file that comes from outside — a profile file, a token or password file — so that no
/// such file can hang or exhaust the process: a size cap, a file-type check, and `read(2)` retried on `EINTR`.
///
/// A profile file must be a regular file, opened without blocking (a FIFO there is refused at once, not waited
/// on). A secret file may also be a pipe or FIFO (`--token-file <(pass show uis)`), read once to its end, or a
/// device; whatever it is, more than `limit` bytes is refused.
public enum BoundedFile {
    /// What kinds of file are accepted.
    public enum Kinds: Sendable {
        /// Regular files only (profile files).
        case regular
        /// Regular files, pipes, FIFOs, sockets and character devices (secrets); not directories.
        case readable
    }

    /// Why a file could not be read: a sentence without the path (the caller names it) or the contents.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// What went wrong.
        public var message: String
        public var description: String { message }
    }

    /// Reads a whole file.
    /// - Parameters:
    ///   - path: The file.
    ///   - kinds: Which file types are accepted.
    ///   - limit: The most bytes accepted.
    /// - Returns: The bytes, or `nil` when the file does not exist.
    /// - Throws: `Failure`: cannot be opened (other than not existing), the wrong type, larger than `limit`, a
    ///   read error.
    public static func read(_ path: String, kinds: Kinds, limit: Int) throws(Failure) -> [UInt8]? {
        let flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | (kinds == .regular ? O_NONBLOCK : 0)
        var fd: Int32
        repeat { fd = open(path, flags) } while fd < 0 && errno == EINTR
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw Failure(message: "cannot open it: \(reason(errno))")
        }
        defer { close(fd) }
        return try read(descriptor: fd, kinds: kinds, limit: limit)
    }

    /// Reads an open descriptor to its end (standard input for `--token-file -`).
    /// - Parameters:
    ///   - fd: The descriptor; left open.
    ///   - kinds: Which file types are accepted.
    ///   - limit: The most bytes accepted.
    /// - Returns: The bytes.
    /// - Throws: `Failure`, as `read(_:kinds:limit:)`.
    public static func read(descriptor fd: Int32, kinds: Kinds, limit: Int) throws(Failure) -> [UInt8] {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw Failure(message: "cannot read it: \(reason(errno))") }
        let type = info.st_mode & S_IFMT
        switch type {
        case S_IFREG: break
        case S_IFDIR: throw Failure(message: "it is a directory")
        case S_IFIFO, S_IFSOCK, S_IFCHR: guard kinds == .readable else { throw Failure(message: "it is not a regular file (\(typeName(type)))") }
        default: throw Failure(message: "it is not a regular file (\(typeName(type)))")
        }
        if type == S_IFREG, info.st_size > limit { throw Failure(message: "it is larger than \(limit) bytes") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(message: "cannot read it: \(reason(errno))")
            }
            guard bytes.count + n <= limit else { throw Failure(message: "it is larger than \(limit) bytes") }
            bytes += buffer[0..<n]
        }
        return bytes
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
            Glibc.read(fd, buffer, count)
        #else
            Darwin.read(fd, buffer, count)
        #endif
    }

    private static func typeName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "a special file"
        }
    }

    /// `strerror` in words.
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
