import Foundation
import TestSupport
import Testing

/// `--memory MB` bounds the process's resident memory, not only Lua's live objects: the allocator's
/// chunks (freed blocks included) and the fetched pages held for the script count against it, and
/// chunks a collection empties go back to the system. The figure asserted is the child's own peak
/// resident memory (its `VmHWM`), never a time.
@Suite struct MemoryCapResidentTests {
    static let capMB = 64
    /// What the process may hold past the cap: the binary, the Swift runtime, stacks. Generous: the
    /// cap's bytes plus 150 MB.
    static var residentBound: Int { (capMB + 150) << 20 }

    /// Fills ~20 MB with strings of one size, drops them, collects, and goes on with the next size:
    /// sixty size classes. Each class's freed blocks used to stay reserved for that size only, so the
    /// process grew to gigabytes under `--memory 64` while the live heap stayed at 20 MB.
    static let churn = """
        for step = 1, 60 do
          local size = math.max(9, step * 16 - 24)
          local t = {}
          for i = 1, math.floor(20 * 1024 * 1024 / (size + 40)) do
            t[i] = string.rep("x", size - 8) .. string.format("%08d", i)
          end
          t = nil
          collectgarbage()
        end
        print("churned")
        """

    @Test func churningThroughEverySizeStaysNearTheCap() throws {
        let run = try runEmpshMeasured(["--memory", "\(Self.capMB)", "-e", Self.churn])
        #expect(run.result.signal == nil && run.result.status == 0, "\(run.result.status) \(run.result.stderr)")
        #expect(run.result.stdout == "churned\n")
        #expect(run.peakResidentBytes < Self.residentBound, "peak resident \(run.peakResidentBytes >> 20) MB under --memory \(Self.capMB)")
    }

    @Test(arguments: [
        // Many sizes live at once until the cap is reached.
        "local t = {} for i = 1, 1e9 do t[i] = string.rep('z', i % 900 + 1) .. i end",
        // Large blocks (over the pool's 1 KB) and small ones mixed.
        "local t = {} for i = 1, 1e9 do t[i] = {string.rep('w', 3000 + i % 5000), {i}} end",
    ])
    func aScriptPastTheCapFailsWithTheLimitsMessage(code: String) throws {
        let run = try runEmpshMeasured(["--memory", "\(Self.capMB)", "-e", code])
        #expect(run.result.signal == nil && run.result.status == 1, "\(run.result.status) \(run.result.stderr)")
        #expect(run.result.stderr.contains("not enough memory"), "\(run.result.stderr)")
        #expect(run.peakResidentBytes < Self.residentBound, "peak resident \(run.peakResidentBytes >> 20) MB under --memory \(Self.capMB)")
    }

    /// The pages of a fetch count against the cap of the whole state, not of the thread that started
    /// the fetch: a coroutine abandoned mid-`each` is collected in the same cycle as the fetch, whose
    /// pages are then given back to an account that must still be there (it was the coroutine's, and
    /// the process died by SIGSEGV).
    @Test(arguments: [[], ["--memory", "64"]])
    func aFetchOutlivesTheCoroutineThatStartedIt(options: [String]) throws {
        let code = """
            local co = coroutine.wrap(function() for e in employees.each({}) do coroutine.yield(e.id) end end)
            print(co())
            co = nil
            collectgarbage(); collectgarbage()
            print("survived")
            """
        let run = try runEmpsh(options + ["-e", code], environment: ["EMPSH_DEMO_EMPLOYEES": "40"])
        #expect(run.signal == nil && run.status == 0, "\(run.status) \(run.stderr)")
        #expect(run.stdout.hasSuffix("survived\n"), "\(run.stdout)")
    }
}
