import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a measured run of the `empsh` binary produced: its result and its peak resident memory.
public struct MeasuredRun: Sendable {
    /// Exit status and output, as ``runEmpsh(_:stdin:environment:directory:timeout:redirections:)`` reports them.
    public var result: EmpshResult
    /// The child's peak resident set size in bytes: the highest `VmHWM` read while it ran.
    public var peakResidentBytes: Int
}

/// Runs the `empsh` binary to completion and reads its peak resident memory.
///
/// The peak is the child's own `VmHWM` (`/proc/PID/status`), read every 5 ms while it runs: `wait4`'s
/// `ru_maxrss` will not do, as a child spawned with `vfork` semantics records the high-water mark of
/// the memory it shared with this (large) test process until its `exec`. Growth in the last few
/// milliseconds before the child exits can go unseen, which a bound with a margin absorbs. Output goes
/// to temporary files (no pipe can fill up and hold the child).
/// - Parameters:
///   - arguments: Its command line.
///   - environment: Variables added to the test's environment.
///   - watchdogSeconds: Seconds before it is killed with SIGKILL (the result then carries the signal); a
///     generous bound, not a time assertion.
/// - Returns: The result and the peak.
/// - Throws: `MeasuredRunError` when the process cannot be started.
public func runEmpshMeasured(_ arguments: [String], environment: [String: String] = [:], watchdogSeconds: Int = 600) throws -> MeasuredRun {
    let directory = try makeTemporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let outPath = directory.appendingPathComponent("stdout").path
    let errPath = directory.appendingPathComponent("stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    var env = ProcessInfo.processInfo.environment
    for key in ["EMPSH_TOKEN", "EMPSH_LOGIN", "EMPSH_PASSWORD", "EMPSH_URL", "EMPSH_PROFILE", "LUA_INIT", "LUA_INIT_5_4"] { env[key] = nil }
    for (key, value) in environment { env[key] = value }
    let argv = [empshBinaryPath()] + arguments
    let envp = env.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let spawned = withCStrings(argv) { cArgv in
        withCStrings(envp) { cEnvp in posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnvp) }
    }
    guard spawned == 0 else { throw MeasuredRunError(message: "posix_spawn \(argv[0]): error \(spawned)") }
    let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(watchdogSeconds), execute: watchdog)
    var status: Int32 = 0
    var peak = 0
    while true {
        let reaped = waitpid(pid, &status, WNOHANG)
        if reaped == pid || (reaped < 0 && errno != EINTR) { break }
        if let highWater = procStatusBytes(of: pid, field: "VmHWM:") { peak = max(peak, highWater) }
        usleep(5000)
    }
    watchdog.cancel()
    let signaled = (status & 0x7f) != 0 && (status & 0x7f) != 0x7f
    let result = EmpshResult(
        status: signaled ? status & 0x7f : (status >> 8) & 0xff, signal: signaled ? status & 0x7f : nil,
        stdout: (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "")
    return MeasuredRun(result: result, peakResidentBytes: peak)
}

/// Why a measured run could not start.
public struct MeasuredRunError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// The resident memory of a running process in bytes, from `/proc/PID/status` (`VmRSS`); `nil` when unreadable.
/// - Parameter pid: The process.
public func residentBytes(of pid: Int32) -> Int? { procStatusBytes(of: pid, field: "VmRSS:") }

/// A size field of `/proc/PID/status` (`VmRSS:`, `VmHWM:`) in bytes; `nil` when unreadable.
func procStatusBytes(of pid: Int32, field: String) -> Int? {
    // /proc files report size 0, so read until the end rather than trust the size.
    let fd = open("/proc/\(pid)/status", O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = read(fd, &buffer, buffer.count)
        if count <= 0 { break }
        bytes += buffer[0..<count]
    }
    let status = String(decoding: bytes, as: UTF8.self)
    for line in status.split(separator: "\n") where line.hasPrefix(field) {
        let digits = line.dropFirst(field.count).split(whereSeparator: { $0 == " " || $0 == "\t" }).first.flatMap { Int($0) }
        return digits.map { $0 * 1024 }
    }
    return nil
}

private func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafeMutablePointer<CChar>?>) -> R) -> R {
    var pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    pointers.append(nil)
    defer { for pointer in pointers { free(pointer) } }
    return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
