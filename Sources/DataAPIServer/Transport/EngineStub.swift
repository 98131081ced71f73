// THROWAWAY: stands in for branch `engine` until it lands; deleted at the merge.
import DataAPI

public protocol EngineClock: Sendable { func now() -> Double }
public struct SystemEngineClock: EngineClock { public init() {}; public func now() -> Double { 0 } }
public struct APIKey: Sendable {}
public struct UserAccount: Sendable {}

public struct EngineConfiguration: Sendable {
    public var employees: [Employee]; public var keys: [APIKey]; public var users: [UserAccount]
    public var dayLimit: Int; public var minuteLimit: Int; public var sessionLifetime: Duration; public var clock: any EngineClock
    public static func demo(employees: [Employee], token: String, dayLimit: Int = 3000, minuteLimit: Int = 120) -> EngineConfiguration {
        EngineConfiguration(employees: employees, keys: [], users: [], dayLimit: dayLimit, minuteLimit: minuteLimit,
                            sessionLifetime: .seconds(3600), clock: SystemEngineClock())
    }
}

public final class Engine: Sendable {
    let configuration: EngineConfiguration
    public init(_ configuration: EngineConfiguration) { self.configuration = configuration }
    public func handle(_ request: [UInt8]) -> [UInt8] {
        let id: RPCID?
        do { id = try RPCRequest(bytes: request).id } catch { id = error.id }
        let metadata = Metadata(totalItems: 0, limits: .init(dayLimit: configuration.dayLimit, dayRemaining: configuration.dayLimit, dayReset: 0,
                                                              minuteLimit: configuration.minuteLimit, minuteRemaining: configuration.minuteLimit, minuteReset: 0))
        return RPCReply(id: id, outcome: .result(metadata: metadata, data: .array([]))).encoded()
    }
}
