/// Decides, request by request, whether the HTTP server misbehaves and how.
///
/// A pure value: it holds only a `SplitMix64` and its configuration, does no I/O and reads no
/// clock, so the sequence of actions depends only on the seed and the order of the requests.
/// Each request takes exactly one draw from the main stream and makes its own choices from a
/// generator seeded with it, so changing the enabled kinds or the delay range never shifts the
/// decisions for later requests.
///
/// ```swift
/// var faults = FaultInjector(.init(probability: 0.1), seed: 42)
/// switch faults.next() { case .none: …; case .delay(let d): … }
/// ```
public struct FaultInjector: Sendable {
    /// The ways a request can fail.
    public enum Kind: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
        /// The reply comes, but only after a delay meant to exceed a client's timeout.
        case delay
        /// The connection is closed without a single byte of reply.
        case dropConnection = "drop_connection"
        /// HTTP 500 with a plain-text body.
        case serverError = "server_error"
        /// HTTP 200 whose body is the start of the real reply, cut short.
        case truncatedBody = "truncated_body"
        /// HTTP 200 whose body is not JSON (an HTML error page, as a proxy would send).
        case malformedBody = "malformed_body"
        /// A well-formed JSON-RPC `limit_exceeded` error for the minute budget.
        case limitExceeded = "limit_exceeded"

        public var description: String { rawValue }
    }

    /// How often and how requests fail.
    public struct Configuration: Sendable, Hashable {
        /// The chance that one request fails, from 0 (never; the default) to 1 (always).
        public var probability: Double
        /// The kinds to choose from, uniformly; all of them by default. Empty means no faults.
        public var kinds: [Kind]
        /// The range of a `.delay` fault; 3 to 10 seconds by default.
        public var delay: ClosedRange<Duration>

        /// Creates a configuration.
        /// - Parameters:
        ///   - probability: The chance that a request fails; clamped to 0…1 (NaN counts as 0).
        ///   - kinds: The kinds to choose from; all by default.
        ///   - delay: The range of a delay; 3…10 s by default.
        public init(probability: Double = 0, kinds: [Kind] = Kind.allCases, delay: ClosedRange<Duration> = .seconds(3) ... .seconds(10)) {
            self.probability = probability.isNaN ? 0 : min(max(probability, 0), 1)
            self.kinds = kinds
            self.delay = delay
        }

        /// No faults at all.
        public static let none = Configuration()
    }

    /// The configuration.
    public let configuration: Configuration
    private var random: SplitMix64

    /// Creates an injector.
    /// - Parameters:
    ///   - configuration: What to inject.
    ///   - seed: The seed; the same seed and request order give the same actions.
    public init(_ configuration: Configuration, seed: UInt64) {
        self.configuration = configuration
        self.random = SplitMix64(seed: seed)
    }

    /// Decides the fate of the next request.
    /// - Returns: `.none`, or the fault to apply.
    public mutating func next() -> FaultAction {
        var draw = SplitMix64(seed: random.next())
        guard !configuration.kinds.isEmpty, draw.chance(configuration.probability) else { return .none }
        switch draw.pick(configuration.kinds) {
        case .delay:
            let low = configuration.delay.lowerBound.milliseconds
            let high = configuration.delay.upperBound.milliseconds
            return .delay(.milliseconds(draw.int(in: low...max(low, high))))
        case .dropConnection: return .dropConnection
        case .serverError: return .serverError
        case .truncatedBody: return .truncatedBody(keepPermille: draw.int(in: 100...900))
        case .malformedBody: return .malformedBody
        case .limitExceeded: return .limitExceeded(minuteReset: draw.int(in: 1...59))
        }
    }
}

/// What the HTTP server does with one request.
public enum FaultAction: Sendable, Hashable {
    /// Answer normally.
    case none
    /// Answer normally after this long.
    case delay(Duration)
    /// Close the connection without replying.
    case dropConnection
    /// Reply HTTP 500 with a text body.
    case serverError
    /// Reply HTTP 200 with the first `keepPermille`‰ of the real reply (at least 1 byte, never all of it).
    case truncatedBody(keepPermille: Int)
    /// Reply HTTP 200 with a body that is not JSON.
    case malformedBody
    /// Reply a JSON-RPC `limit_exceeded` error whose minute budget refills in `minuteReset` seconds.
    case limitExceeded(minuteReset: Int)

    /// The kind of fault, `nil` for `.none`.
    public var kind: FaultInjector.Kind? {
        switch self {
        case .none: nil
        case .delay: .delay
        case .dropConnection: .dropConnection
        case .serverError: .serverError
        case .truncatedBody: .truncatedBody
        case .malformedBody: .malformedBody
        case .limitExceeded: .limitExceeded
        }
    }
}

extension Duration {
    /// Whole milliseconds, clamped to `Int`'s range.
    var milliseconds: Int {
        let (seconds, attoseconds) = components
        let ms = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return Int(min(max(ms, 0), Double(Int.max / 2)))
    }
}
