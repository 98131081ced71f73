import DataAPIContract
import Synchronization
import Testing

@testable import DataAPIClient

final class WaitLog: Sendable {
    private let waits = Mutex<[RateLimitWait]>([])
    var all: [RateLimitWait] { waits.withLock { $0 } }
    func add(_ wait: RateLimitWait) { waits.withLock { $0.append(wait) } }
}

@Suite struct ClientRateLimitTests {
    static func limits(dayRemaining: Int = 2900, dayReset: Int = 40_000, minuteRemaining: Int, minuteReset: Int) -> Metadata.Limits {
        Metadata.Limits(
            dayLimit: 3000, dayRemaining: dayRemaining, dayReset: dayReset, minuteLimit: 60, minuteRemaining: minuteRemaining,
            minuteReset: minuteReset)
    }

    @Test func limiterPacesWhenTheMinuteBudgetIsSpent() {
        var limiter = RateLimiter(isEnabled: true)
        #expect(limiter.beforeSend(at: 0) == .proceed)
        limiter.finished(limits: Self.limits(minuteRemaining: 1, minuteReset: 20), at: 0)
        #expect(limiter.beforeSend(at: 1) == .proceed)  // one point left
        guard case .wait(let wait) = limiter.beforeSend(at: 2) else {
            Issue.record("expected a wait")
            return
        }
        #expect(wait.duration == .seconds(18))
        #expect(wait.reason == .pacing)
        #expect(wait.description == "minute limit of 60 points spent; waiting 18 s for it to refill")
        limiter.finished(limits: nil, at: 3)
        #expect(limiter.beforeSend(at: 20) == .proceed)  // refilled
    }

    @Test func limiterOffOnlyFailsOnTheDay() {
        var limiter = RateLimiter(isEnabled: false)
        _ = limiter.beforeSend(at: 0)
        limiter.finished(limits: Self.limits(minuteRemaining: 0, minuteReset: 20), at: 0)
        #expect(limiter.beforeSend(at: 1) == .proceed)
        limiter.finished(limits: Self.limits(dayRemaining: 0, dayReset: 18_720, minuteRemaining: 5, minuteReset: 20), at: 1)
        #expect(limiter.beforeSend(at: 1) == .fail(message: "daily limit of 3000 points spent; it refills in 5 h 12 min"))
    }

    @Test func humanDurations() {
        #expect(humanDuration(seconds: 40) == "40 s")
        #expect(humanDuration(seconds: 60) == "1 min")
        #expect(humanDuration(seconds: 720) == "12 min")
        #expect(humanDuration(seconds: 18_720) == "5 h 12 min")
        #expect(humanDuration(seconds: 7_200) == "2 h")
    }

    @Test func minuteLimitExceededWaitsAndGoesOn() async throws {
        let minuteError = DataAPIError(
            .limitExceeded, message: "Minute limit exceeded", metadata: Metadata(limits: Self.limits(minuteRemaining: 0, minuteReset: 42))
        )
        let transport = ScriptedTransport { request, index in
            index == 0 ? Fake.error(request, minuteError) : Fake.page(request, total: 7)
        }
        let clock = TestClock()
        let waits = WaitLog()
        var configuration = Fake.quiet
        configuration.onWait = { waits.add($0) }
        let client = Client(transport: transport, configuration: configuration, clock: clock)
        let start = clock.now()
        #expect(try await client.count(query: Query()) == 7)
        #expect(transport.requests.count == 2)
        #expect(clock.now() - start >= 42)
        #expect(waits.all.map(\.duration) == [.seconds(42)])
        #expect(waits.all.first?.reason == .limitExceeded)
    }

    @Test func minuteLimitWithoutMetadataWaitsSixtySeconds() async throws {
        let transport = ScriptedTransport { request, index in
            index == 0
                ? Fake.error(request, DataAPIError(.limitExceeded, message: "Minute limit of 60 points exceeded")) : Fake.page(request, total: 1)
        }
        let clock = TestClock()
        let client = Client(transport: transport, configuration: Fake.quiet, clock: clock)
        _ = try await client.count(query: Query())
        #expect(clock.sleeps == [.seconds(60)])
    }

    @Test func pacingWaitsBeforeSendingWhenTheBudgetIsLow() async throws {
        let transport = ScriptedTransport { request, index in
            Fake.page(request, total: 3, limits: Self.limits(minuteRemaining: index == 0 ? 0 : 59, minuteReset: 25))
        }
        let clock = TestClock()
        let waits = WaitLog()
        var configuration = Fake.quiet
        configuration.onWait = { waits.add($0) }
        let client = Client(transport: transport, configuration: configuration, clock: clock)
        _ = try await client.count(query: Query())
        _ = try await client.count(query: Query())
        #expect(transport.requests.count == 2)
        #expect(waits.all.map(\.reason) == [.pacing])
        #expect(clock.sleeps == [.seconds(25)])
    }

    @Test func dayLimitFailsNamingTheRefill() async throws {
        let dayError = DataAPIError(
            .limitExceeded, message: "Day limit exceeded",
            metadata: Metadata(limits: Self.limits(dayRemaining: 0, dayReset: 18_720, minuteRemaining: 40, minuteReset: 10))
        )
        let transport = ScriptedTransport { request, _ in Fake.error(request, dayError) }
        let clock = TestClock()
        let client = Client(transport: transport, configuration: Fake.quiet, clock: clock)
        let error = await #expect(throws: ClientError.self) { try await client.count(query: Query()) }
        #expect(error?.kind == .dailyLimit)
        #expect(error?.message == "daily limit of 3000 points spent; it refills in 5 h 12 min")
        #expect(transport.requests.count == 1)
        #expect(clock.sleeps.isEmpty)
    }

    @Test func dayLimitByMessageAlone() {
        #expect(RateLimiter.isDayLimit(DataAPIError(.limitExceeded, message: "Daily limit exceeded")))
        #expect(!RateLimiter.isDayLimit(DataAPIError(.limitExceeded, message: "Minute limit exceeded")))
        #expect(!RateLimiter.isDayLimit(DataAPIError(.limitExceeded, message: "Limit exceeded")))
        // The documented params decide over the words.
        #expect(RateLimiter.isDayLimit(.limitExceeded(per: .day, limitMaxValue: 3000)))
        #expect(!RateLimiter.isDayLimit(.limitExceeded(per: .minute, limitMaxValue: 60)))
    }
}
