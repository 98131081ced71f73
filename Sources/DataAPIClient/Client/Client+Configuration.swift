import DataAPIContract
import EmployeeQuery
import Logging

extension Client {
    /// How a `Client` calls the API: timeouts, retries, pacing, paging, caching and logging.
    ///
    /// Every member has a default, so `Configuration()` is a careful setup: 60 s per request, up to
    /// 4 attempts for idempotent calls, pacing on, pages of the method's largest `limit` (10 000 rows), 4 pages at a time, no cache,
    /// no logging.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The deadline of one request (connect, send, whole reply); 60 seconds by default.
        public var timeout: Duration
        /// Which failures are retried, and how often; `.exponential()` by default.
        public var retry: RetryPolicy
        /// Whether requests are paced to the minute budget; `.pace` by default.
        public var rateLimit: RateLimitPolicy
        /// Rows per page when fetching everything; 10 000 (the API's maximum) by default, clamped to 1…10 000.
        public var pageSize: Int
        /// How many pages may be in flight at once after the first; 4 by default, at least 1.
        public var concurrency: Int
        /// Whether replies of `get.*` calls are kept; `.off` by default.
        public var cache: CachePolicy
        /// How long before a session key's `expire_at` it is renewed; 60 seconds by default.
        public var sessionRenewalMargin: Duration
        /// Where the client logs requests (bodies with credentials masked), retries and waits; none by default.
        public var logger: Logger?
        /// Told of every rate-limit wait before it starts (the shell prints it on stderr); none by default.
        public var onWait: (@Sendable (RateLimitWait) -> Void)?
        /// Told of every retry before its wait starts (the shell prints it on stderr); none by default.
        public var onRetry: (@Sendable (RetryNotice) -> Void)?

        /// Creates a configuration; see the members for the defaults.
        public init(
            timeout: Duration = .seconds(60), retry: RetryPolicy = .exponential(), rateLimit: RateLimitPolicy = .pace,
            pageSize: Int = MethodDescription.employees.paging.maxLimit, concurrency: Int = 4, cache: CachePolicy = .off,
            sessionRenewalMargin: Duration = .seconds(60),
            logger: Logger? = nil, onWait: (@Sendable (RateLimitWait) -> Void)? = nil
        ) {
            self.timeout = timeout
            self.retry = retry
            self.rateLimit = rateLimit
            self.pageSize = pageSize
            self.concurrency = concurrency
            self.cache = cache
            self.sessionRenewalMargin = sessionRenewalMargin
            self.logger = logger
            self.onWait = onWait
        }

        /// The page size clamped to 1…10 000.
        var effectivePageSize: Int { Paging.pageSize(pageSize) }

        /// A one-line summary; holds no credential (the configuration has none).
        public var description: String {
            "Configuration(timeout: \(timeout), retry: \(retry), rateLimit: \(rateLimit), pageSize: \(pageSize), "
                + "concurrency: \(concurrency), cache: \(cache), logger: \(logger == nil ? "none" : "set"))"
        }
    }

    /// Which failures are retried. Only idempotent calls (`get.*`) are retried on timeouts, dropped
    /// connections, 5xx and malformed replies; `login.user`/`logout.user` only when the connection
    /// could not be made (nothing was sent). Parameter errors (-32602) and auth errors never are.
    public struct RetryPolicy: Sendable, Hashable, CustomStringConvertible {
        /// Attempts in all, the first included; 1 means no retry.
        public var maxAttempts: Int
        /// The first backoff ceiling.
        public var baseDelay: Duration
        /// The highest backoff ceiling.
        public var maxDelay: Duration
        /// The longest a call may spend retrying, from its first attempt: no retry starts whose wait
        /// would end past it, so a failure is reported within this time (plus one attempt's own).
        public var maxElapsed: Duration = .seconds(10)

        /// No retries.
        public static let none = RetryPolicy(maxAttempts: 1, baseDelay: .zero, maxDelay: .zero)

        /// Exponential backoff with full jitter (see `Backoff`).
        /// - Parameters:
        ///   - maxAttempts: Attempts in all; 4 by default, at least 1.
        ///   - baseDelay: The first ceiling; 250 ms by default.
        ///   - maxDelay: The highest ceiling; 8 s by default.
        ///   - maxElapsed: The longest a call may spend retrying; 10 s by default.
        public static func exponential(
            maxAttempts: Int = 4, baseDelay: Duration = .milliseconds(250), maxDelay: Duration = .seconds(8),
            maxElapsed: Duration = .seconds(10)
        ) -> RetryPolicy {
            var policy = RetryPolicy(maxAttempts: max(1, maxAttempts), baseDelay: baseDelay, maxDelay: maxDelay)
            policy.maxElapsed = maxElapsed
            return policy
        }

        public var description: String {
            maxAttempts <= 1 ? ".none" : ".exponential(maxAttempts: \(maxAttempts), baseDelay: \(baseDelay), maxDelay: \(maxDelay))"
        }

        /// Whether a failure of `method` is worth another attempt (regardless of attempts left).
        /// - Parameters:
        ///   - error: The failure.
        ///   - method: The API method.
        /// - Returns: `true` for a retryable transport failure or malformed reply of a `get.*` call,
        ///   or `internal_error`; for other methods only `connection_failed`.
        public static func isRetryable(_ error: any Error, method: String) -> Bool {
            let idempotent = method.hasPrefix("get.")
            switch error {
            case let error as TransportError:
                return idempotent ? error.isRetryable : error.kind == .connectionFailed
            case let error as ClientError:
                return idempotent && error.kind == .malformedReply
            case let error as DataAPIError:
                return idempotent && error.mnemonic == .internalError && error.code == -32603
            default:
                return false
            }
        }
    }

    /// Whether requests are paced to stay inside the minute budget.
    public struct RateLimitPolicy: Sendable, Hashable, CustomStringConvertible {
        /// Whether pacing is on.
        public var isEnabled: Bool
        /// Pace: before a request, wait for the minute reset when the budget is spent; on a minute
        /// `limit_exceeded`, wait for the reset and go on.
        public static let pace = RateLimitPolicy(isEnabled: true)
        /// No pacing: a `limit_exceeded` is an error at once.
        public static let off = RateLimitPolicy(isEnabled: false)
        public var description: String { isEnabled ? ".pace" : ".off" }
    }

    /// Whether `get.*` replies are cached.
    public struct CachePolicy: Sendable, Hashable, CustomStringConvertible {
        /// How long a reply stays fresh; `nil` when the cache is off.
        public var ttl: Duration?
        /// No cache.
        public static let off = CachePolicy(ttl: nil)
        /// Keep replies for `ttl`, keyed by the exact request parameters (without the token).
        /// - Parameter ttl: How long a reply stays fresh.
        public static func ttl(_ ttl: Duration) -> CachePolicy { CachePolicy(ttl: ttl) }
        /// Keep replies for 5 minutes: what the REPL uses unless `--no-cache` is given.
        public static let interactive = CachePolicy.ttl(.seconds(300))
        public var description: String { ttl.map { ".ttl(\($0))" } ?? ".off" }
    }
}
