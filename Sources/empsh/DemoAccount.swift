import DataAPIClient
import DataAPIServer
import Shell

extension Backend {
    /// The embedded demo account: a generated company served in-process by the reference engine,
    /// through the same JSON bytes an HTTP server would receive.
    /// - Parameters:
    ///   - employees: how many employees the company has (default 250), within `DemoCompany.employeeCountRange`.
    ///   - seed: the generator's seed (the default company by default).
    ///   - churn: how many employees change status each second (`EMPSH_DEMO_CHURN`); 0 by default: none.
    ///   - configuration: the client configuration.
    ///   - recordTo: a file to record every call and reply in (`--record`); none by default.
    /// - Returns: A backend whose client talks to the engine in this process.
    static func demo(
        employees: Int = DemoCompany.defaultEmployeeCount, seed: UInt64 = DemoCompany.defaultSeed, churn: Int = 0,
        configuration: Client.Configuration = Client.Configuration(), recordTo: RecordingLog? = nil
    ) -> Backend {
        let token = "demo-key"
        let count = min(max(employees, DemoCompany.employeeCountRange.lowerBound), DemoCompany.employeeCountRange.upperBound)
        // The company is generated on the first call: `-e 'return 1'` never pays for it.
        let transport = InProcessTransport {
            var engineConfiguration = EngineConfiguration.demo(
                employees: DemoCompany.generate(employees: count, seed: seed), token: token, dayLimit: 1_000_000, minuteLimit: 100_000)
            engineConfiguration.churn = Churn(perSecond: churn, seed: seed)
            return Engine(engineConfiguration)
        }
        let client = Client(transport: recording(transport, to: recordTo), credentials: .token(token), configuration: configuration)
        return .using(client, accountDescription: "demo account (\(count) employees)", isDemo: true)
    }
}
