import Foundation

#if canImport(FoundationEssentials)
    import FoundationEssentials
#endif

/// Runs the system's `curl` as an independent HTTP client: no project code on the client side.
public enum HTTPCurl {
    /// What one `curl` run brought back.
    public struct Reply: Sendable {
        /// curl's exit status: 0 on a reply, 7 connection refused, 28 timeout, 52 empty reply (closed), 18 partial body.
        public var exitCode: Int32
        /// The HTTP status, 0 when none came.
        public var status: Int
        /// The reply's headers, names lowercased; the last value wins.
        public var headers: [String: String]
        /// The reply's body.
        public var body: [UInt8]

        /// Creates a reply, e.g. to compare another client's result in the same shape.
        public init(exitCode: Int32, status: Int, headers: [String: String], body: [UInt8]) {
            self.exitCode = exitCode
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// Sends one request with `curl` and waits for it to exit.
    /// - Parameters:
    ///   - url: The URL.
    ///   - method: The method; `POST` by default.
    ///   - body: The request body, sent as is from a file (`--data-binary @file`); none by default.
    ///   - maxTime: curl's `--max-time` in seconds; 300 by default, only a watchdog (tests about timeouts pass theirs).
    /// - Returns: The reply.
    /// - Throws: When `curl` cannot be started.
    public static func send(_ url: String, method: String = "POST", body: [UInt8]? = nil, maxTime: Double = 300) async throws -> Reply {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("empsh-curl-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let bodyFile = directory.appendingPathComponent("body")
        let headerFile = directory.appendingPathComponent("headers")
        let replyFile = directory.appendingPathComponent("reply")
        var arguments = [
            "-sS", "-X", method, "--max-time", String(maxTime), "-D", headerFile.path, "-o", replyFile.path,
            "-H", "Expect:",
        ]
        if let body {
            try Data(body).write(to: bodyFile)
            arguments += ["-H", "Content-Type: application/json; charset=UTF-8", "--data-binary", "@\(bodyFile.path)"]
        }
        arguments.append(url)

        let process = processOnPath(["curl"] + arguments)
        process.standardError = FileHandle.nullDevice
        let exitCode: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }

        var status = 0
        var headers: [String: String] = [:]
        let headerText = (try? String(contentsOf: headerFile, encoding: .utf8)) ?? ""
        for line in headerText.split(whereSeparator: \.isNewline) {
            if line.hasPrefix("HTTP/") {
                status = line.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
                headers = [:]
            } else if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        let reply = (try? Data(contentsOf: replyFile)).map { Array($0) } ?? []
        return Reply(exitCode: exitCode, status: status, headers: headers, body: reply)
    }
}
