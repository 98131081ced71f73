import Synchronization

/// The background tasks a ``Backend`` has in flight, so that `cancel()` (Ctrl-C) reaches them all.
///
/// A task is tracked from its start until it ends; an id is reserved before the task starts, so a
/// task that ends before it is tracked is not tracked at all.
final class TaskRegistry: Sendable {
    private struct State {
        var inflight: [Int: Task<Void, Never>] = [:]
        var nextID = 0
        var finishedIDs = Set<Int>()
    }

    private let state = Mutex(State())

    /// A new id for a task about to start.
    func reserve() -> Int {
        state.withLock { state in
            state.nextID += 1
            return state.nextID
        }
    }

    /// Records a task for `cancelAll()`, unless it already finished (its id was released first).
    func track(_ task: Task<Void, Never>, id: Int) {
        state.withLock { state in
            if state.finishedIDs.remove(id) == nil { state.inflight[id] = task }
        }
    }

    /// Forgets the task with `id`: it finished.
    func release(_ id: Int) {
        state.withLock { state in
            if state.inflight.removeValue(forKey: id) == nil { state.finishedIDs.insert(id) }
        }
    }

    /// Cancels every task in flight. Safe from any thread.
    func cancelAll() {
        let tasks = state.withLock { Array($0.inflight.values) }
        for task in tasks { task.cancel() }
    }
}
