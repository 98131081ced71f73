import Foundation
import TestSupport
import Testing

/// Random programs from the whole user API (``RandomProgram``) run on the binary: none may end
/// by a signal, print an internal error, exit with a code outside empsh's, or outlive its
/// `--timeout` by more than a second (124: the watchdog ended one that a C call held up). `EMPSH_FUZZ_PROGRAMS` sets how many (default 200;
/// `scripts/fuzz-nightly` runs thousands) and `EMPSH_FUZZ_SEED` the first seed.
@Suite struct RandomProgramTests {
    static let environment = ProcessInfo.processInfo.environment
    static let count = environment["EMPSH_FUZZ_PROGRAMS"].flatMap(Int.init) ?? 200
    static let firstSeed = environment["EMPSH_FUZZ_SEED"].flatMap(UInt64.init) ?? 9_000

    @Test func randomProgramsNeverCrashEscapeOrOutliveTheirLimit() throws {
        let failures = Failures()
        let workers = 3
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in stride(from: worker, to: Self.count, by: workers) {
                let seed = Self.firstSeed + UInt64(index)
                var generator = RandomProgram(seed: seed)
                let program = generator.make()
                let safe = index % 2 == 0
                let arguments = (safe ? ["--safe"] : []) + ["--timeout", "2", "-e", program]
                let started = Date()
                guard let result = try? runEmpsh(arguments, environment: ["EMPSH_DEMO_EMPLOYEES": "40"], timeout: 40) else {
                    failures.add("seed \(seed): could not start empsh")
                    continue
                }
                let elapsed = Date().timeIntervalSince(started)
                if let problem = Self.problem(result, elapsed: elapsed) {
                    failures.add("seed \(seed)\(safe ? " --safe" : ""): \(problem)\n\(program)\n--- stderr:\n\(result.stderr.suffix(800))")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.count) of \(Self.count) programs failed:\n\(failures.all.prefix(3).joined(separator: "\n\n"))")
    }

    /// What is wrong with a run, or `nil`.
    static func problem(_ result: EmpshResult, elapsed: Double) -> String? {
        if let signal = result.signal { return "ended by signal \(signal)" }
        if ![0, 1, 2, 3, 124].contains(result.status) { return "exit status \(result.status)" }
        for marker in ["internal error", "Fatal error", "panic", "Simultaneous accesses"] where result.stderr.contains(marker) {
            return "stderr says \"\(marker)\""
        }
        // --timeout 2 bounds each top-level run (a program is one -e chunk); the bound is a watchdog.
        if elapsed > Watchdog.seconds(expecting: 2.5) { return "took \(Int(elapsed)) s with --timeout 2" }
        return nil
    }
}

/// Failures collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}
