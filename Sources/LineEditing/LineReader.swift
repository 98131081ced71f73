/// What reading a line produced.
public enum LineInput: Equatable, Sendable {
    /// A line, without its newline.
    case line(String)
    /// Ctrl-C while reading: the line typed so far is dropped. `lineWasEmpty` when nothing
    /// had been typed (twice in a row on an empty line exits the REPL).
    case interrupted(lineWasEmpty: Bool)
    /// End of input (Ctrl-D on an empty line, or the end of a file).
    case end
}

/// Where the REPL reads lines from: a terminal with line editing, or plain standard input.
/// Terminal details (modes, history files, completion) stay behind this protocol.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    /// - Parameter prompt: the text before the cursor (`_PROMPT` or `_PROMPT2`).
    /// - Returns: the line, `.interrupted` for Ctrl-C, or `.end`.
    func readLine(prompt: String) -> LineInput

    /// Remembers a chunk that compiled, for recall and for the next session.
    /// - Parameter entry: the chunk's text; multiline chunks are one entry.
    func addHistory(_ entry: String)

    /// Whether `addHistory` keeps entries anywhere (a terminal's reader does; plain standard input does not).
    var keepsHistory: Bool { get }
}

extension LineReader {
    /// True: a reader keeps its history unless it says otherwise.
    public var keepsHistory: Bool { true }
}

/// How a reader learns of Ctrl-C while it waits for input. The shell owns the signal handling; a
/// reader only watches a descriptor that becomes readable when Ctrl-C is pending.
public struct InterruptSignal: Sendable {
    /// A descriptor that becomes readable when Ctrl-C is pending; -1 when there is none.
    public var descriptor: @Sendable () -> Int32
    /// Called before each read: Ctrl-C from now on ends the read.
    public var arm: @Sendable () -> Void
    /// Whether Ctrl-C came since `arm`, clearing it.
    public var takePending: @Sendable () -> Bool

    /// Creates the hooks.
    /// - Parameters:
    ///   - descriptor: Returns a descriptor that becomes readable when Ctrl-C is pending.
    ///   - arm: Called before each read.
    ///   - takePending: Whether Ctrl-C came since `arm`, clearing it.
    public init(
        descriptor: @escaping @Sendable () -> Int32, arm: @escaping @Sendable () -> Void,
        takePending: @escaping @Sendable () -> Bool
    ) {
        self.descriptor = descriptor
        self.arm = arm
        self.takePending = takePending
    }
}
