import Foundation

/// What a run of the `empsh` binary produced.
public struct EmpshResult: Sendable {
    /// The exit status, or the signal number when ``signal`` is set.
    public var status: Int32
    /// The signal that ended the process (SIGTERM when the test's timeout killed it), or `nil`
    /// when it exited.
    public var signal: Int32?
    public var stdout: String
    public var stderr: String
}

/// The built `empsh` binary: `$EMPSH_BINARY`, else `.build/debug/empsh` above the test bundle.
public func empshBinaryPath() -> String {
    if let path = ProcessInfo.processInfo.environment["EMPSH_BINARY"], !path.isEmpty { return path }
    var url = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()
    for _ in 0..<6 {
        let candidate = url.appendingPathComponent("empsh").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        url.deleteLastPathComponent()
    }
    return FileManager.default.currentDirectoryPath + "/.build/debug/empsh"
}

/// Runs the `empsh` binary to completion.
/// - Parameters:
///   - arguments: its command line.
///   - stdin: bytes fed to its standard input (closed after them); empty by default.
///   - environment: variables added to (or, when `nil` values... ) the test's environment.
///   - directory: the working directory; the current one by default.
///   - timeout: seconds before it is killed (the run then fails with status 137): a watchdog, 5 minutes by default.
///   - redirections: `sh` redirections applied to the binary, e.g. `2>/dev/full` or `0<&-` (closed standard
///     input); the binary is `exec`ed by `/bin/sh`, so its exit status or signal is reported as its own.
public func runEmpsh(
    _ arguments: [String], stdin: String = "", environment: [String: String] = [:], directory: String? = nil,
    timeout: Double = 300, redirections: String? = nil
) throws -> EmpshResult {
    let process = Process()
    if let redirections {
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" \"$@\" \(redirections)", empshBinaryPath()] + arguments
    } else {
        process.executableURL = URL(fileURLWithPath: empshBinaryPath())
        process.arguments = arguments
    }
    var env = ProcessInfo.processInfo.environment
    for key in [
        "EMPSH_TOKEN", "EMPSH_LOGIN", "EMPSH_PASSWORD", "EMPSH_URL", "EMPSH_PROFILE", "EMPSH_PATH",
        "LUA_INIT", "LUA_INIT_5_4", "LUA_PATH", "LUA_PATH_5_4", "LUA_CPATH", "LUA_CPATH_5_4",
    ] {
        env[key] = nil
    }
    // A watchdog, not the product's 10 s: a debug server amid the parallel suite on busy cores can take
    // longer than that to send its first byte. Tests about stalls pass `--stall-timeout`, which wins.
    env["EMPSH_STALL_TIMEOUT"] = "300"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let outPipe = Pipe()
    let errPipe = Pipe()
    let inPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    process.standardInput = inPipe
    try process.run()
    inPipe.fileHandleForWriting.write(Data(stdin.utf8))
    try? inPipe.fileHandleForWriting.close()
    let killer = DispatchWorkItem { if process.isRunning { process.terminate() } }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: killer)
    // Read both pipes concurrently so that neither fills up and blocks the child.
    let group = DispatchGroup()
    nonisolated(unsafe) var out = Data()
    nonisolated(unsafe) var err = Data()
    group.enter()
    DispatchQueue.global().async {
        out = outPipe.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    err = errPipe.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    killer.cancel()
    return EmpshResult(
        status: process.terminationStatus,
        signal: process.terminationReason == .uncaughtSignal ? process.terminationStatus : nil, stdout: String(decoding: out, as: UTF8.self),
        stderr: String(decoding: err, as: UTF8.self))
}

/// A fresh temporary directory, removed by the caller when done.
public func makeTemporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("empsh-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A process that runs a program found on `PATH` (through `/usr/bin/env`: `python3`, `luac5.4`,
/// `curl`), not started yet.
/// - Parameter arguments: The program's name, then its arguments.
/// - Returns: The process, for the caller to connect and run.
public func processOnPath(_ arguments: [String]) -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    return process
}
