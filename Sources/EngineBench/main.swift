// engine-bench: the reference engine serving 10 000-row pages of full records in-process,
// against plain JSON encoding of the same rows (the floor: the bytes have to be written).
// Run by scripts/bench-engine in a release build; prints one table. Not a test.
import DataAPIContract
import DataAPIServer
import Foundation

let employees = DemoCompany.generate(employees: 25_000, seed: DemoCompany.defaultSeed)
let engine = Engine(.demo(employees: employees, token: "bench", dayLimit: .max, minuteLimit: .max))
let runs = Int(ProcessInfo.processInfo.environment["BENCH_RUNS"] ?? "") ?? 30

func best(_ body: () -> Int) -> (seconds: Double, bytes: Int) {
    var fastest = Double.infinity
    var size = 0
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        size = body()
        fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return (fastest, size)
}

func request(_ params: String) -> [UInt8] {
    Array(#"{"jsonrpc":"2.0","id":1,"method":"get.employees","params":{"access_token":"bench",\#(params)}}"#.utf8)
}

let page = request(#""limit":10000,"offset":5000"#)
let filtered = request(#""limit":10000,"filter":{"field":"full_name","operator":"ilike","value":"%а%"},"sort":[{"field":"last_name","order":"asc"}]"#)
let rows = Array(employees[5000..<15000])

let served = best { engine.handle(page).count }
let servedFiltered = best { engine.handle(filtered).count }
let encoded = best {
    var writer = JSONWriter(capacity: 12 << 20)
    writer.beginArray()
    for row in rows { row.write(to: &writer, fields: nil) }
    writer.endArray()
    return writer.bytes.count
}

func line(_ name: String, _ result: (seconds: Double, bytes: Int), _ baseline: Double) {
    let rowsPerSecond = 10_000 / result.seconds
    print(
        name.padding(toLength: 52, withPad: " ", startingAt: 0)
            + String(
                format: "%9.2f ms %12.0f rows/s %8.1f MB %7.2fx", result.seconds * 1000, rowsPerSecond, Double(result.bytes) / 1e6,
                result.seconds / baseline))
}
print(
    "engine-bench (best of \(runs); 25 000 employees)".padding(toLength: 52, withPad: " ", startingAt: 0)
        + "     time         rows/s     size   ratio")
line("plain JSON encoding of 10 000 records (baseline)", encoded, encoded.seconds)
line("get.employees, 10 000 full records, in-process", served, encoded.seconds)
line("  with ilike filter and a sort", servedFiltered, encoded.seconds)

// Small filtered pages, as bench-serve sends them over HTTP: the engine's own cost per request,
// one thread, best of three 0.2 s rounds.
let smallPages: [(String, String)] = [
    (
        "status = available, 10 rows",
        #""filter":{"field":"status","operator":"=","value":"available"},"fields":["id","full_name","status"],"limit":10"#
    ),
    (
        "status in (2), offset 100, 20 rows",
        #""filter":{"field":"status","operator":"in","value":["break","do_not_disturb"]},"fields":["id","full_name","status"],"offset":100,"limit":20"#
    ),
    (
        "last_name like prefix%, 20 rows",
        #""filter":{"field":"last_name","operator":"like","value":"Ив%"},"fields":["id","full_name","email"],"limit":20"#
    ),
    (
        "status =, sort last_name, offset 50",
        #""filter":{"field":"status","operator":"=","value":"available"},"sort":[{"field":"last_name","order":"asc"}],"fields":["id","full_name"],"offset":50,"limit":10"#
    ),
    (
        "no filter, sort full_name desc, offset 1000",
        #""sort":[{"field":"full_name","order":"desc"}],"fields":["id","full_name"],"offset":1000,"limit":10"#
    ),
    (
        "full_name like %infix%, 20 rows",
        #""filter":{"field":"full_name","operator":"like","value":"%Иван%"},"fields":["id","full_name","email"],"limit":20"#
    ),
    (
        "groups jsquery, sorted, 10 rows",
        ##""filter":{"field":"groups","operator":"jsquery","value":"#.group_id = 3"},"sort":[{"field":"last_name","order":"asc"}],"fields":["id","full_name","groups"],"limit":10"##
    ),
    (
        "full_name ilike %иван%, 20 rows",
        #""filter":{"field":"full_name","operator":"ilike","value":"%иван%"},"fields":["id","full_name","email"],"limit":20"#
    ),
    (
        "email regexp, 20 rows",
        #""filter":{"field":"email","operator":"regexp","value":"^ivan\\.petrov[0-9]*@"},"fields":["id","full_name","email"],"limit":20"#
    ),
    (
        "last_name like %ова, 20 rows",
        #""filter":{"field":"last_name","operator":"like","value":"%ова"},"fields":["id","full_name","email"],"limit":20"#
    ),
]

func requestsPerSecond(_ body: [UInt8]) -> Double {
    var best = 0.0
    for _ in 0..<3 {
        let start = DispatchTime.now().uptimeNanoseconds
        var count = 0
        var elapsed = 0.0
        repeat {
            _ = engine.handle(body)
            count += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < 0.2
        best = max(best, Double(count) / elapsed)
    }
    return best
}

print("\n" + "small pages, in-process, one thread".padding(toLength: 52, withPad: " ", startingAt: 0) + "   requests/s   µs/request")
for (name, params) in smallPages {
    let rate = requestsPerSecond(request(params))
    print(name.padding(toLength: 52, withPad: " ", startingAt: 0) + String(format: "%13.0f %12.1f", rate, 1e6 / rate))
}
