import DataAPIContract
import Foundation

/// A transport that answers from a recording (`--replay FILE`) with no network: a request gets the
/// reply recorded for the same method and parameters (credentials and key order aside).
///
/// When one request was recorded several times, the replies come back in the recorded order and
/// the last one repeats. A request that is not in the recording fails with
/// `TransportError.Kind.notRecorded`, naming the call; it is never retried.
public final class ReplayTransport: Transport, @unchecked Sendable {
    /// The recording.
    public let path: String
    private let lock = NSLock()
    private var replies: [String: [RecordedCall]] = [:]
    private var served: [String: Int] = [:]

    /// Reads a recording.
    /// - Parameter path: The file `--record` wrote.
    /// - Throws: `RecordingError` naming the file (and the line) when it cannot be read or a line is not a call.
    public init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else { throw RecordingError("cannot read the recording \(path)") }
        self.path = path
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            do {
                let call = try RecordedCall(line: String(line))
                replies[call.key, default: []].append(call)
            } catch let error as RecordingError {
                throw RecordingError("\(path):\(number + 1): the line \(error.message)")
            }
        }
    }

    /// How many calls the recording holds.
    public var callCount: Int { lock.withLock { replies.values.reduce(0) { $0 + $1.count } } }

    /// Answers from the recording.
    /// - Throws: `TransportError` `.notRecorded` naming the call when the recording has no reply for it;
    ///   `.cancelled` when the task is cancelled.
    public func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        if Task.isCancelled { throw TransportError(.cancelled, detail: "request cancelled") }
        guard let request = try? JSON(parsing: body), let method = request["method"]?.stringValue else {
            throw TransportError(.notRecorded, detail: "the request is not a JSON-RPC call")
        }
        let params = request["params"]?.objectValue ?? JSONObject()
        let key = RecordedCall.key(method: method, params: params)
        let call: RecordedCall? = lock.withLock {
            guard let calls = replies[key], !calls.isEmpty else { return nil }
            let index = served[key, default: 0]
            served[key] = index + 1
            return calls[min(index, calls.count - 1)]
        }
        guard let call else {
            let shown = JSON.object(RecordedCall.withoutCredentials(params)).encodedString()
            throw TransportError(.notRecorded, detail: "\(method) \(shown) is not in the recording \(path)")
        }
        return call.replyBody(id: request["id"] ?? .null)
    }

    /// `recording PATH`.
    public var endpointDescription: String { "recording \(path)" }
}

extension TransportError.Kind {
    /// A replayed request that the recording does not hold (not retryable: it never will).
    public static let notRecorded = TransportError.Kind(rawValue: "not_recorded")
}
