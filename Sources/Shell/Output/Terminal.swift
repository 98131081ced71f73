import Foundation

/// What the shell asks of the terminal its output goes to.
public enum Terminal {
    /// The width of the terminal on `descriptor`, in columns, read at the time of the call; nil when
    /// the descriptor is not a terminal (piped or redirected output).
    ///
    /// `TIOCGWINSZ` first, so a resized window is followed; then `COLUMNS`; then 80.
    /// - Parameters:
    ///   - descriptor: The file descriptor; standard output by default.
    ///   - environment: Where `COLUMNS` is read; the process's environment by default.
    /// - Returns: The width (at least 20), or nil.
    public static func width(
        of descriptor: Int32 = STDOUT_FILENO, environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> Int? {
        guard isatty(descriptor) != 0 else { return nil }
        var size = winsize()
        if ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return max(20, Int(size.ws_col)) }
        if let columns = environment["COLUMNS"].flatMap({ Int($0) }), columns > 0 { return max(20, columns) }
        return 80
    }
}
