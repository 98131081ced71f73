import ArgumentParser
import DataAPIServer
import Foundation

/// `empsh serve`: the reference implementation of get.employees over HTTP on 127.0.0.1.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serves the reference implementation of get.employees on 127.0.0.1.",
        discussion: """
            Prints `listening on http://127.0.0.1:PORT/v2.0` once it accepts requests and, when --token \
            is not given, the generated demo key. Ctrl-C stops it.
            """)

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "N"))
    var port = ServeConfiguration.defaultPort

    @Option(help: ArgumentHelp("How many employees the generated company has (10 to 200000; 250 by default).", valueName: "N"))
    var employees: Int?

    @Option(help: ArgumentHelp("The seed of the generated company and of the fault sequence.", valueName: "N"))
    var seed: UInt64 = DemoCompany.defaultSeed

    @Option(help: ArgumentHelp("The access key clients must send; a generated one when absent.", valueName: "T"))
    var token: String?

    @Option(name: .customLong("data"), help: ArgumentHelp("Serves the employee records of a JSON array in FILE.", valueName: "FILE"))
    var dataFile: String?

    @Option(name: .customLong("minute-limit"), help: ArgumentHelp("Points per key and minute.", valueName: "N"))
    var minuteLimit = 120

    @Option(name: .customLong("day-limit"), help: ArgumentHelp("Points per key and day.", valueName: "N"))
    var dayLimit = 3000

    @Option(help: ArgumentHelp("The fraction of requests (0 to 1) that fail in varied ways.", valueName: "P"))
    var faults = 0.0

    func run() async throws {
        let configuration = ServeConfiguration(
            port: port, employees: employees, seed: seed, token: token, dataFile: dataFile,
            minuteLimit: minuteLimit, dayLimit: dayLimit, faultProbability: faults)
        do {
            try await runServe(configuration) { line in
                print(line)
                fflush(stdout)
            }
        } catch let error as ServeConfigurationError {
            throw ValidationError(error.message)
        } catch {
            FileHandle.standardError.write(Data("empsh serve: \(error)\n".utf8))
            throw ExitCode(3)
        }
    }
}
