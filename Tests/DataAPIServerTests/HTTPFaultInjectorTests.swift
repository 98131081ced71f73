import DataAPIClient
import DataAPIContract
import DataAPIServer
import Testing

@Suite("Fault injector (pure)")
struct HTTPFaultInjectorTests {
    static func draw(_ configuration: FaultInjector.Configuration, seed: UInt64, count: Int = 1000) -> [FaultAction] {
        var injector = FaultInjector(configuration, seed: seed)
        return (0..<count).map { _ in injector.next() }
    }

    @Test("P = 0 never faults; P = 1 always does, and every kind comes up")
    func extremes() {
        #expect(Self.draw(.init(probability: 0), seed: 1).allSatisfy { $0 == .none })
        let always = Self.draw(.init(probability: 1), seed: 1)
        #expect(always.allSatisfy { $0 != .none })
        #expect(Set(always.compactMap(\.kind)) == Set(FaultInjector.Kind.allCases))
    }

    @Test("The rate follows P", arguments: [0.05, 0.25, 0.5])
    func rate(probability: Double) {
        let actions = Self.draw(.init(probability: probability), seed: 77, count: 8000)
        let rate = Double(actions.filter { $0 != .none }.count) / 8000
        #expect(abs(rate - probability) < 0.03, "rate \(rate)")
    }

    @Test("Same seed, same sequence; another seed, another one")
    func reproducible() {
        let configuration = FaultInjector.Configuration(probability: 0.3)
        #expect(Self.draw(configuration, seed: 5) == Self.draw(configuration, seed: 5))
        #expect(Self.draw(configuration, seed: 5) != Self.draw(configuration, seed: 6))
    }

    @Test("Which requests fail does not depend on the kinds or the delay range")
    func positionsIndependentOfKinds() {
        let all = Self.draw(.init(probability: 0.2), seed: 11)
        let onlyFiveHundreds = Self.draw(.init(probability: 0.2, kinds: [.serverError], delay: .zero ... .zero), seed: 11)
        #expect(all.map { $0 == .none } == onlyFiveHundreds.map { $0 == .none })
        #expect(onlyFiveHundreds.allSatisfy { $0 == .none || $0 == .serverError })
    }

    @Test("Delays stay in the configured range; the default range is 3 to 10 seconds")
    func delays() {
        let short = Self.draw(.init(probability: 1, kinds: [.delay], delay: .milliseconds(20) ... .milliseconds(30)), seed: 3)
        for action in short {
            guard case .delay(let duration) = action else {
                Issue.record("\(action)")
                return
            }
            #expect(duration >= .milliseconds(20) && duration <= .milliseconds(30))
        }
        let defaults = Self.draw(.init(probability: 1, kinds: [.delay]), seed: 3)
        #expect(defaults.allSatisfy { if case .delay(let d) = $0 { d >= .seconds(3) && d <= .seconds(10) } else { false } })
    }

    @Test("No kinds, or a probability out of range, are handled")
    func edges() {
        #expect(Self.draw(.init(probability: 1, kinds: []), seed: 1).allSatisfy { $0 == .none })
        #expect(FaultInjector.Configuration(probability: 7).probability == 1)
        #expect(FaultInjector.Configuration(probability: -1).probability == 0)
        #expect(FaultInjector.Configuration(probability: .nan).probability == 0)
    }

    @Test("A truncated reply is a proper, non-empty prefix", arguments: [1, 100, 500, 999, 1000])
    func truncation(permille: Int) {
        let reply = Array("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}".utf8)
        let cut = FaultReplies.truncated(reply, keepPermille: permille)
        #expect(!cut.isEmpty && cut.count < reply.count)
        #expect(reply.starts(with: cut))
    }

    @Test("The limit_exceeded reply echoes the id, or null when the request is unreadable")
    func limitExceededReply() throws {
        let request = Array("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"get.employees\",\"params\":{}}".utf8)
        let reply = try RPCReply(bytes: FaultReplies.limitExceeded(request: request, dayLimit: 10, minuteLimit: 5, minuteReset: 17))
        #expect(reply.id == .string("abc"))
        guard case .error(let error) = reply.outcome else {
            Issue.record("not an error")
            return
        }
        #expect(error.mnemonic == .limitExceeded)
        #expect(
            error.metadata?.limits == .init(dayLimit: 10, dayRemaining: 10, dayReset: 86_383, minuteLimit: 5, minuteRemaining: 0, minuteReset: 17))
        let garbled = try RPCReply(bytes: FaultReplies.limitExceeded(request: Array("{".utf8), dayLimit: 1, minuteLimit: 1, minuteReset: 1))
        #expect(garbled.id == nil)
    }
}
