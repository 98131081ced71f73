import DataAPIClient
import DataAPIContract
import DataAPIServer
import Foundation
import Lua
import Shell
import Synchronization
import TestSupport

/// A transport that hands requests to the engine and keeps every request body it carried.
final class CapturingTransport: Transport, Sendable {
    private let inner: InProcessTransport
    private let bodies = Mutex<[[UInt8]]>([])

    init(engine: Engine) { inner = InProcessTransport(engine: engine) }

    func send(_ body: [UInt8], timeout: Duration?) async throws -> [UInt8] {
        bodies.withLock { $0.append(body) }
        return try await inner.send(body, timeout: timeout)
    }

    var endpointDescription: String { "recording demo" }

    /// The `params` of each `get.employees` request, without the token, in the order sent.
    var employeeParams: [JSONObject] {
        bodies.withLock { $0 }.compactMap { body in
            guard let request = try? JSON(parsing: body), request["method"]?.stringValue == "get.employees",
                var params = request["params"]?.objectValue
            else { return nil }
            params["access_token"] = nil
            return params
        }
    }
}

/// A shell on the demo company (250 employees unless told), recording what the engine receives.
struct ShellFixture {
    let shell: Shell
    let transport: CapturingTransport
    let company: [Employee]

    init(employees: Int = 250, pageSize: Int? = nil, dayLimit: Int = 1_000_000) throws {
        company = DemoCompany.generate(employees: employees, seed: DemoCompany.defaultSeed)
        transport = CapturingTransport(engine: makeEngine(company, dayLimit: dayLimit))
        var configuration = Client.Configuration()
        if let pageSize { configuration.pageSize = pageSize }
        let client = Client(transport: transport, credentials: .token(testToken), configuration: configuration)
        shell = try Shell(options: Shell.Options(), backend: .using(client, accountDescription: "test"))
    }

    /// Runs Lua and returns its results.
    @discardableResult
    func run(_ code: String) throws -> [LuaValue] {
        try shell.lua.run(code, name: "=test")
    }
}
