#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A POSIX extended regular expression (`regexp` in a Data API filter), compiled once with
/// `regcomp(REG_EXTENDED | REG_NOSUB)` and matched with `regexec`; a match anywhere in the
/// subject counts, as with PostgreSQL's `~`.
///
/// **Locale.** Compilation and matching always run under the C locale, set for the calling
/// thread with `uselocale` for the duration of the call, whatever `setlocale` the process made
/// (a REPL may call it for line editing). The C locale matches bytes: a literal Cyrillic text
/// or `^Иван` works, but `.` matches one byte of a two-byte letter and a range such as
/// `[А-Я]` is a range of bytes. That is the price of behaviour that no machine's locale
/// settings can change.
///
/// **Threads.** glibc's `regexec` only reads the compiled `regex_t` (with `REG_NOSUB` it keeps
/// no match state in it), so one instance may be matched from many threads at once; hence
/// `@unchecked Sendable`. The pattern is freed with `regfree` when the instance goes away.
public final class POSIXRegex: @unchecked Sendable {
    /// The pattern as written.
    public let pattern: String
    private let compiled: UnsafeMutablePointer<regex_t>

    /// Compiles a pattern.
    /// - Parameters:
    ///   - pattern: A POSIX extended regular expression.
    ///   - caseInsensitive: Adds `REG_ICASE` (ASCII letters only, under the C locale); `false` by default.
    /// - Throws: `POSIXRegexError` with `regerror`'s text when the pattern does not compile, or
    ///   when it holds a NUL character.
    public init(_ pattern: String, caseInsensitive: Bool = false) throws(POSIXRegexError) {
        guard !pattern.utf8.contains(0) else {
            throw POSIXRegexError(pattern: pattern, code: 2 /* REG_BADPAT */, message: "pattern contains a NUL character")
        }
        let compiled = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        var flags = REG_EXTENDED | REG_NOSUB
        if caseInsensitive { flags |= REG_ICASE }
        let status = Self.inCLocale { regcomp(compiled, pattern, flags) }
        guard status == 0 else {
            var buffer = [CChar](repeating: 0, count: 256)
            regerror(status, compiled, &buffer, buffer.count)
            compiled.deallocate()
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw POSIXRegexError(pattern: pattern, code: status, message: message)
        }
        self.pattern = pattern
        self.compiled = compiled
    }

    deinit {
        regfree(compiled)
        compiled.deallocate()
    }

    /// Tests a subject.
    /// - Parameter subject: The text to search; a NUL character ends it for the C library.
    /// - Returns: Whether the expression matches somewhere in it.
    public func matches(_ subject: String) -> Bool {
        Self.inCLocale { regexec(compiled, subject, 0, nil, 0) } == 0
    }

    /// The C locale, created once; `newlocale` of "C" cannot fail for lack of locale files.
    nonisolated(unsafe) private static let cLocale: locale_t? = newlocale(
        Int32(1 << LC_CTYPE) | Int32(1 << LC_COLLATE), "C", nil)

    /// Runs `body` with the calling thread's locale switched to C, then restores it.
    @inline(__always)
    private static func inCLocale<T>(_ body: () -> T) -> T {
        guard let cLocale else { return body() }
        let previous = uselocale(cLocale)
        defer { uselocale(previous) }
        return body()
    }
}

/// A regular expression that `regcomp` rejected.
public struct POSIXRegexError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as given.
    public var pattern: String
    /// `regcomp`'s error code (`REG_EBRACK`, `REG_EPAREN`, …).
    public var code: Int32
    /// `regerror`'s text, e.g. `Unmatched [, [^, [:, [., or [=`.
    public var message: String
    public var description: String { message }
}
