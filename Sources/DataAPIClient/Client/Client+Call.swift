import DataAPIContract
import Logging

extension Client {
    /// A reply as the scanner read it.
    struct Scanned: Sendable {
        var metadata: Metadata
        /// `result.data`, recorded; `nil` when absent.
        var tape: JSONTape?
        /// The ids of an array `result.data`'s rows; `nil` when it is not an array.
        var rowIDs: [Int64?]?
        var error: DataAPIError?

        /// `result.data` as a tree.
        var data: JSON? { tape?.json() }
    }

    /// Sends one call with everything around it: token, `user_id`, cache, pacing, retries, session renewal.
    /// - Parameter expectRows: Whether `result.data` must be an array (a broken reply otherwise, retried as one).
    /// - Returns: What the scanner read (never an error reply: that is thrown).
    func perform(method: String, params: JSONObject, authenticated: Bool, expectRows: Bool = false) async throws -> Scanned {
        if authenticated, session.isClosed { throw ClientError(.closed, method: method, message: "the client is closed; \(method) was not sent") }
        var params = params
        if authenticated, let userID, params["user_id"] == nil {
            params = JSONObject([("user_id", JSON.int(userID))] + params.entries.map { ($0.key, $0.value) })
        }
        let idempotent = method.hasPrefix("get.")
        let cacheKey = idempotent && cache != nil ? ResponseCache.key(method: method, params: params) : nil
        if let cacheKey, let hit = cache?.lookup(cacheKey, at: clock.now()) {
            configuration.logger?.debug("cache hit", metadata: ["method": "\(method)", "bytes": "\(hit.count)"])
            return try await Self.scan(hit, method: method, expectedID: nil, expectRows: expectRows)
        }
        var attempts = Attempts(first: clock.now())
        while true {
            let token = authenticated ? try await accessToken() : nil
            do {
                return try await attempt(
                    method: method, params: params, token: token, authenticated: authenticated, expectRows: expectRows, cacheKey: cacheKey)
            } catch {
                try await recover(from: scrubbed(error), method: method, token: token, authenticated: authenticated, attempts: &attempts)
            }
        }
    }

    /// How far the calls of one `perform` went: attempts made, waits for the minute's points, when it began.
    private struct Attempts {
        var count = 1
        var minuteWaits = 0
        /// When the first attempt began, in the client's clock's seconds.
        let first: Double
    }

    /// One attempt: paced, numbered, sent, scanned; an error reply thrown, a good one cached.
    private func attempt(
        method: String, params: JSONObject, token: Secret?, authenticated: Bool, expectRows: Bool, cacheKey: String?
    ) async throws -> Scanned {
        try await pace(method: method)
        let id = takeRequestID()
        var sent = params
        if let token { sent = JSONObject([("access_token", JSON.string(token.value))] + params.entries.map { ($0.key, $0.value) }) }
        let body = RPCRequest(id: .int(id), method: method, params: sent).encoded()
        logRequest(id: id, method: method, params: sent)
        var recorded = false
        defer { if !recorded { limiter.finished(limits: nil, at: clock.now()) } }
        let bytes = try await send(body)
        let scanned = try await Self.scan(bytes, method: method, expectedID: id, expectRows: expectRows)
        limiter.finished(limits: scanned.metadata.limits, at: clock.now())
        recorded = true
        if let error = scanned.error { throw error }
        spent.add()
        if authenticated { session.succeeded() }
        if let cacheKey { cache?.store(bytes, for: cacheKey, at: clock.now()) }
        configuration.logger?.debug(
            "reply",
            metadata: [
                "method": "\(method)", "id": "\(id)", "bytes": "\(bytes.count)",
                "total_items": "\(scanned.metadata.totalItems.map(String.init) ?? "-")",
            ]
        )
        return scanned
    }

    /// After a failed attempt: returns when the call should be tried again (after the wait it needs),
    /// throws when it should not.
    private func recover(
        from error: any Error, method: String, token: Secret?, authenticated: Bool, attempts: inout Attempts
    ) async throws {
        if let api = error as? DataAPIError {
            if api.mnemonic == .limitExceeded {
                try await waitForPoints(after: api, method: method, attempts: &attempts)
                return
            }
            if authenticated, api.mnemonic == .accessTokenInvalid || api.mnemonic == .accessTokenExpired,
                session.rejected(token) == .retry
            {
                configuration.logger?.notice("session key rejected; logging in again", metadata: ["method": "\(method)"])
                return
            }
        }
        guard RetryPolicy.isRetryable(error, method: method), configuration.retry.maxAttempts > 1, !Task.isCancelled else { throw error }
        let retry = configuration.retry
        let delay = Backoff.delay(attempt: attempts.count, baseDelay: retry.baseDelay, maxDelay: retry.maxDelay)
        let withinTime = clock.now() - attempts.first + delay.seconds <= retry.maxElapsed.seconds
        guard attempts.count < retry.maxAttempts, withinTime else {
            let count = attempts.count
            throw ClientError(
                .retriesExhausted, method: method,
                message: "\(method) failed after \(count) attempt\(count == 1 ? "" : "s") at \(transport.endpointDescription): \(error)",
                underlying: error)
        }
        let notice = RetryNotice(
            method: method, delay: delay, attempt: attempts.count + 1, maxAttempts: retry.maxAttempts, reason: Self.reason(error))
        configuration.logger?.notice("\(notice)")
        configuration.onRetry?(notice)
        try await clock.sleep(for: delay)
        attempts.count += 1
    }

    /// A `limitExceeded` reply: waits for the minute's points (at most three times), or throws when the
    /// day's are spent or the limiter says to fail; returns to try again.
    private func waitForPoints(after api: DataAPIError, method: String, attempts: inout Attempts) async throws {
        switch limiter.afterLimitExceeded(api, at: clock.now()) {
        case .wait(let wait):
            attempts.minuteWaits += 1
            guard attempts.minuteWaits <= 3 else {
                throw ClientError(.minuteLimit, method: method, message: "minute point limit still spent after 3 waits", underlying: api)
            }
            try await waitForBudget(wait)
        case .fail(let message):
            if RateLimiter.isDayLimit(api) { throw ClientError(.dailyLimit, method: method, message: message, underlying: api) }
            throw api
        case .proceed:
            return
        }
    }

    /// A failure in words for a retry notice: a transport failure's detail, else the error's own text.
    static func reason(_ error: any Error) -> String {
        if let error = error as? TransportError { return error.kind == .httpStatus ? "\(error)" : error.detail }
        return "\(error)"
    }

    /// The transport's send, with a recording that cannot be written made a `ClientError` (never retried) and
    /// any other foreign error a `TransportError`.
    private func send(_ body: [UInt8]) async throws -> [UInt8] {
        do {
            return try await transport.send(body, timeout: configuration.timeout)
        } catch let error as TransportError {
            throw error
        } catch let error as RecordingError {
            throw ClientError(.recordingFailed, message: error.message)
        } catch is CancellationError {
            throw TransportError(.cancelled, detail: "the request was cancelled")
        } catch {
            throw TransportError(.connectionDropped, detail: String(describing: error))
        }
    }

    /// Waits, before sending, until the minute budget allows another request.
    private func pace(method: String) async throws {
        while true {
            switch limiter.beforeSend(at: clock.now()) {
            case .proceed: return
            case .wait(let wait): try await waitForBudget(wait)
            case .fail(let message): throw ClientError(.dailyLimit, method: method, message: message)
            }
        }
    }

    private func waitForBudget(_ wait: RateLimitWait) async throws {
        configuration.logger?.notice("\(wait)")
        configuration.onWait?(wait)
        try await clock.sleep(for: wait.duration)
    }

    /// Logs a request at debug level with `access_token` and `password` masked.
    private func logRequest(id: Int64, method: String, params: JSONObject) {
        guard let logger = configuration.logger, logger.logLevel <= .debug else { return }
        let masked = JSONObject(
            params.entries.map { entry in
                (entry.key, entry.key == "access_token" || entry.key == "password" ? JSON.string("***") : entry.value)
            })
        let body = scrubber.scrub(RPCRequest(id: .int(id), method: method, params: masked).encoded().utf8String)
        logger.debug("request", metadata: ["method": "\(method)", "id": "\(id)", "body": "\(body)"])
    }

    /// The error with every known secret replaced by `***` in every string it holds: message, mnemonic,
    /// field, value, params and metadata (an echoing server may put a token anywhere).
    func scrubbed(_ error: any Error) -> any Error {
        switch error {
        case let e as DataAPIError:
            return Self.scrubbed(e, with: scrubber)
        case var e as TransportError:
            e.detail = scrubber.scrub(e.detail)
            return e
        case var e as ClientError:
            e.message = scrubber.scrub(e.message)
            if let underlying = e.underlying { e.underlying = scrubbed(underlying) }
            return e
        default:
            return error
        }
    }

    /// A server's error with every secret replaced by `***` in each of its strings.
    static func scrubbed(_ error: DataAPIError, with scrubber: Scrubber) -> DataAPIError {
        var e = error
        e.message = scrubber.scrub(e.message)
        e.mnemonic = DataAPIError.Mnemonic(rawValue: scrubber.scrub(e.mnemonic.rawValue))
        e.field = e.field.map { scrubber.scrub($0) }
        e.value = e.value.map { scrubber.scrub($0) }
        e.params = e.params.map { scrubber.scrub($0) }
        if var metadata = e.metadata {
            metadata.version = scrubber.scrub(metadata.version)
            if var version = metadata.apiVersion {
                version.currentVersion = version.currentVersion.map { scrubber.scrub($0) }
                version.latestVersion = version.latestVersion.map { scrubber.scrub($0) }
                metadata.apiVersion = version
            }
            e.metadata = metadata
        }
        return e
    }

    /// Parses a reply off the actor, recording `result.data` as a tape on the way.
    /// - Throws: `ClientError.malformedReply` naming the method.
    @concurrent
    nonisolated static func scan(_ bytes: [UInt8], method: String, expectedID: Int64?, expectRows: Bool) async throws -> Scanned {
        var scanner = ReplyScanner(expectedBytes: bytes.count)
        do {
            try JSONParser.parse(bytes, into: &scanner)
        } catch {
            throw ClientError.malformedReply(method: method, "\(error) in a body of \(bytes.count) bytes")
        }
        guard scanner.topIsObject else { throw ClientError.malformedReply(method: method, "the body is not a JSON object") }
        if let errorJSON = scanner.error {
            do {
                let error = try DataAPIError(errorObject: errorJSON)
                return Scanned(metadata: error.metadata ?? Metadata(), error: error)
            } catch {
                throw ClientError.malformedReply(method: method, "bad error object: \(error)")
            }
        }
        if let expectedID, scanner.id != .int(expectedID) {
            throw ClientError.malformedReply(
                method: method, "id \(scanner.id?.encodedString() ?? "missing") does not match the request's \(expectedID)")
        }
        guard scanner.hasResult, !scanner.resultIsNotObject else {
            throw ClientError.malformedReply(method: method, "it has neither an object result nor an error")
        }
        let metadata: Metadata
        do { metadata = try scanner.metadata.map { try Metadata(json: $0) } ?? Metadata() } catch {
            throw ClientError.malformedReply(method: method, "bad metadata: \(error)")
        }
        if expectRows, scanner.rowIDs == nil { throw ClientError.malformedReply(method: method, "result.data is not an array") }
        return Scanned(metadata: metadata, tape: scanner.data, rowIDs: scanner.rowIDs)
    }
}

extension [UInt8] {
    var utf8String: String { String(decoding: self, as: UTF8.self) }
}
