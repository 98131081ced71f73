import Foundation

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
}

/// Lines from standard input without editing: for tests and for `-i` when standard input is
/// not a terminal. Prompts go to standard output, as lua.c writes them.
public final class PlainLineReader: LineReader {
    private let showPrompt: Bool

    /// Creates a reader.
    /// - Parameter showPrompt: whether to write the prompt; `true` by default.
    public init(showPrompt: Bool = true) {
        self.showPrompt = showPrompt
    }

    public func readLine(prompt: String) -> LineInput {
        if showPrompt {
            fputs(prompt, stdout)
        }
        fflush(stdout)
        Interrupts.armForPrompt()
        guard let line = Swift.readLine(strippingNewline: true) else {
            return Interrupts.takePending() ? .interrupted(lineWasEmpty: true) : .end
        }
        return .line(line)
    }

    public func addHistory(_ entry: String) {}
}
