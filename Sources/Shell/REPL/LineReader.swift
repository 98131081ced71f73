import Foundation
import LineEditing

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
            fputs(prompt, StandardStreams.output)
        }
        fflush(StandardStreams.output)
        Interrupts.armForPrompt()
        guard let line = Swift.readLine(strippingNewline: true) else {
            return Interrupts.takePending() ? .interrupted(lineWasEmpty: true) : .end
        }
        return .line(line)
    }

    public func addHistory(_ entry: String) {}

    /// False: lines from standard input are not remembered.
    public var keepsHistory: Bool { false }
}
