import DataAPIContract
import Foundation

/// A credential (API token, session key, password) that never prints itself.
///
/// `description`, `debugDescription`, string interpolation, `dump` and the mirror all show `***`.
/// Only the client reads the value, to put it into a request.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The value; internal so that nothing outside the module can print it by accident.
    let value: String

    /// Wraps a secret value.
    /// - Parameter value: The token, key or password.
    public init(_ value: String) { self.value = value }

    /// Always `***`.
    public var description: String { "***" }
    /// Always `***`.
    public var debugDescription: String { "***" }
    /// A mirror with no children, so `dump` shows `***` only.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
    /// Whether the secret is empty.
    public var isEmpty: Bool { value.isEmpty }
}

/// Replaces every occurrence of known secrets in a text with `***`, for error messages and log lines
/// that may quote a request or a server's echo of it — as written, and as a JSON string holds it
/// (a token with `"`, `\`, `/` or control characters is escaped there).
struct Scrubber: Sendable {
    private var secrets: [String]

    /// - Parameter secrets: The secrets to hide; empty ones and ones shorter than 4 characters are ignored
    ///   (too short to be a real key, and hiding them would mangle ordinary words).
    init(_ secrets: [Secret]) {
        self.secrets = []
        for secret in secrets { add(secret) }
    }

    /// Adds a secret (a new session key).
    mutating func add(_ secret: Secret) {
        guard secret.value.count >= 4 else { return }
        for form in Self.forms(of: secret.value) where !secrets.contains(form) { secrets.append(form) }
        secrets.sort { $0.count > $1.count }
    }

    /// A secret as it may appear in text: raw, JSON-escaped, and JSON-escaped with `/` as `\/`.
    static func forms(of value: String) -> [String] {
        var bytes: [UInt8] = []
        JSONWriter.appendEscaped(value, to: &bytes)
        let escaped = String(decoding: bytes.dropFirst().dropLast(), as: UTF8.self)
        let slashes = String(escaped.flatMap { $0 == "/" ? ["\\", "/"] : [$0] })
        var forms = [value]
        for form in [escaped, slashes] where !forms.contains(form) { forms.append(form) }
        return forms
    }

    /// The text with every secret replaced by `***`.
    func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) {
            text = text.replacing(secret, with: "***")
        }
        return text
    }

    /// The value with every secret replaced by `***` in every string, object keys included.
    func scrub(_ json: JSON) -> JSON {
        guard !secrets.isEmpty else { return json }
        switch json {
        case .string(let text): return .string(scrub(text))
        case .array(let items): return .array(items.map { scrub($0) })
        case .object(let object): return .object(scrub(object))
        default: return json
        }
    }

    /// The object with every secret replaced by `***` in its keys and in every string of its values.
    func scrub(_ object: JSONObject) -> JSONObject {
        JSONObject(object.entries.map { (scrub($0.key), scrub($0.value)) })
    }
}
