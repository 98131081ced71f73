import Foundation

/// `text` without its ANSI escape sequences (colours, cursor moves, screen clears), as a person
/// reads it.
public func strippingANSI(_ text: String) -> String {
    text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
}
