import AsyncHTTPClient
import DataAPIClient
import DataAPIContract
import DataAPIServer
import NIOCore
import NIOHTTP1
import TestSupport

/// The clock every HTTP test engine reads, so two engines given the same calls give the same bytes.
struct HTTPFixedClock: WallClock {
    func now() -> Double { 1_700_000_000 }
}

enum HTTPFixtures {
    static let token = "http-test-token"
    static let staff = DemoCompany.generate()

    /// A fresh engine over the demo company; two of them answer the same calls with the same bytes.
    static func engine(minuteLimit: Int = 120) -> Engine {
        var configuration = EngineConfiguration.demo(employees: staff, token: token, minuteLimit: minuteLimit)
        configuration.clock = HTTPFixedClock()
        return Engine(configuration)
    }

    /// The documented request: a small filtered, sorted, projected page.
    static func request(id: String = "1", token: String = token, limit: Int = 5) -> [UInt8] {
        Array(
            ("""
            {"jsonrpc":"2.0","id":\(id),"method":"get.employees","params":{"access_token":"\(token)",\
            "filter":{"field":"status","operator":"=","value":"available"},"sort":[{"field":"last_name","order":"asc"}],\
            "fields":["id","full_name","status"],"limit":\(limit),"offset":0}}
            """).utf8)
    }

    /// POSTs `body` with AsyncHTTPClient. The default deadline is only a watchdog (five minutes): a test
    /// about timeouts passes its own.
    static func post(
        _ url: String, _ body: [UInt8], method: HTTPMethod = .POST, timeout: TimeAmount = .minutes(5)
    ) async throws -> (status: Int, headers: HTTPHeaders, body: [UInt8]) {
        var request = HTTPClientRequest(url: url)
        request.method = method
        request.headers.add(name: "Content-Type", value: "application/json; charset=UTF-8")
        if method == .POST { request.body = .bytes(body) }
        let response = try await HTTPClient.shared.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: 64 << 20)
        return (Int(response.status.code), response.headers, Array(bytes.readableBytesView))
    }
}
