import Dispatch
import NIOConcurrencyHelpers
import NIOCore

/// Where the engine answers a request: cheap requests at once, costly ones (a `regexp` or `jsquery`
/// filter, which may spend a whole evaluation budget) in a bounded pool, so that a crowd of costly
/// requests never holds up a cheap one and always leaves a core for the rest of the server.
///
/// Each costly request waits for one of `width` slots, first come first served, then runs on a
/// Dispatch worker thread; a cheap one runs on the calling task.
final class EvaluationLanes: Sendable {
    /// How many costly evaluations run at once.
    let width: Int
    private let state = NIOLockedValueBox(State())

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Void, Never>] = []
    }

    /// Creates the lanes.
    /// - Parameter width: How many costly evaluations run at once; at least 1.
    init(width: Int) { self.width = max(1, width) }

    /// The default width: one less than the processors, at least one.
    static var defaultWidth: Int { max(1, System.coreCount - 1) }

    /// Whether a request body may be costly to evaluate: it names `regexp` or `jsquery`. A cheap
    /// request that merely holds one of the words waits in the pool too, which costs it only time.
    static func isCostly(_ body: [UInt8]) -> Bool {
        contains(body, Array("regexp".utf8)) || contains(body, Array("jsquery".utf8))
    }

    /// Runs `work` in the lane `body` belongs to.
    func run(_ body: [UInt8], _ work: @escaping @Sendable () -> [UInt8]) async -> [UInt8] {
        guard Self.isCostly(body) else { return work() }
        await acquire()
        defer { release() }
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .utility).async { continuation.resume(returning: work()) }
        }
    }

    private func acquire() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let admitted = state.withLockedValue { state in
                guard state.running < width else {
                    state.waiting.append(continuation)
                    return false
                }
                state.running += 1
                return true
            }
            if admitted { continuation.resume() }
        }
    }

    private func release() {
        let next = state.withLockedValue { state -> CheckedContinuation<Void, Never>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            return state.waiting.removeFirst()
        }
        next?.resume()
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard haystack.count >= needle.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
