import Foundation

/// Runs `luac5.4 -p FILE` (installed by `scripts/bootstrap`): whether Lua's own compiler accepts a file.
/// - Parameter path: The Lua file.
/// - Returns: luac's exit status and what it wrote on standard error.
/// - Throws: What `Process.run` throws.
public func luacParse(_ path: String) throws -> (status: Int32, message: String) {
    let process = processOnPath(["luac5.4", "-p", path])
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, message)
}
