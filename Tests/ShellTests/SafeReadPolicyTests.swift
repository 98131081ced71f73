import Foundation
import Shell
import Testing

/// What a `--safe` script may read is decided on resolved paths: `..` and links cannot leave
/// the allowed directories, and the denied ones stay denied inside them.
@Suite struct SafeReadPolicyTests {
    @Test func resolvedPathsDecide() throws {
        let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("empsh-policy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        for folder in ["work/sub", "outside", "config/empsh/lua", "script"] {
            try manager.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        for file in [
            "work/a.txt", "work/sub/b.txt", "outside/c.txt", "config/empsh/config.toml", "config/empsh/lua/m.lua", "work/token", "script/s.lua",
        ] {
            try "x".write(to: root.appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("work/out").path, withDestinationPath: "../outside/c.txt")
        try manager.createSymbolicLink(
            atPath: root.appendingPathComponent("work/config").path, withDestinationPath: root.appendingPathComponent("config").path)
        let work = root.appendingPathComponent("work").path
        let modules = ModulePaths(
            environment: ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "HOME": "/nonexistent"], scriptDirectory: nil)
        let policy = SafeReadPolicy(
            currentDirectory: work, scriptDirectory: root.appendingPathComponent("script").path, modulePaths: modules,
            configDirectory: root.appendingPathComponent("config/empsh").path, secretFiles: [work + "/token"])
        func readable(_ path: String) -> Bool {
            if case .success = policy.resolve(path.hasPrefix("/") ? path : work + "/" + path) { return true }
            return false
        }
        #expect(readable("a.txt") && readable("sub/b.txt") && readable("sub/../a.txt") && readable(root.path + "/script/s.lua"))
        #expect(readable("config/empsh/lua/m.lua"))
        #expect(!readable("../outside/c.txt") && !readable("out") && !readable("sub/../../outside/c.txt"))
        #expect(!readable("config/empsh/config.toml") && !readable("token") && !readable("sub/../token"))
        #expect(!readable("/proc/self/environ") && !readable("/dev/null") && !readable("/sys/kernel") && !readable("/etc/hostname"))
        #expect(policy.resolve(work + "/missing") == .failure(.missing("No such file or directory")))
    }

    @Test func aRootOfSlashStillDeniesTheSystemDirectories() {
        let policy = SafeReadPolicy(
            currentDirectory: "/", scriptDirectory: nil, modulePaths: ModulePaths(environment: [:], scriptDirectory: nil),
            configDirectory: "/nonexistent")
        #expect(policy.resolve("/proc/self/environ") == .failure(.denied))
        #expect(policy.resolve("/proc/../proc/self/cmdline") == .failure(.denied))
        #expect(policy.resolve("/dev/null") == .failure(.denied))
    }
}
