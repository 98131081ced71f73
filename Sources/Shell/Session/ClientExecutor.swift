import Dispatch

/// The executor the client's tasks run on: threads of its own, so that a Lua thread waiting
/// for a fetch never starves it, even when the waiting thread is one of the few threads of
/// Swift's global pool (a test, or an async command on a one-core machine).
final class ClientExecutor: TaskExecutor, Sendable {
    static let shared = ClientExecutor()

    private let queue = DispatchQueue(label: "empsh.client", qos: .userInitiated, attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
