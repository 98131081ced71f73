// For C's `stdout` (see `output`), a global the C library sets before `main` and nothing here assigns.
#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Standard input, output and error as they may be found: closed, full, a directory. Nothing here traps
/// (Foundation's `FileHandle.write` does on a failed write), so a run in bad surroundings still ends with
/// its exit code and never by a signal.
public enum StandardStreams {
    /// Opens `/dev/null` on each of descriptors 0, 1 and 2 that is closed, as `sshd` and `su` do: otherwise
    /// the next file opened would become standard input or error, and messages would land in it.
    /// Call first thing in `main`.
    public static func reopenClosed() {
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let null = open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY)
            if null >= 0, null != fd {
                dup2(null, fd)
                close(null)
            }
        }
    }

    /// C's standard output stream, for `fputs` and `fflush` (stdio locks the stream around each call). The C
    /// library sets the pointer before `main` and nothing in empsh assigns it, so any thread may read it.
    public static var output: UnsafeMutablePointer<FILE> { stdout }

    /// Writes text to standard error, the whole of it unless a write fails; a failure (closed, full,
    /// a broken pipe) is ignored: there is nowhere left to report it.
    /// - Parameter text: The text.
    public static func writeError(_ text: String) {
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = write(STDERR_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return }
                offset += n
            }
        }
    }
}
