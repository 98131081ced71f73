import ArgumentParser
import DataAPIServer
import Foundation
import LineEditing
import Shell

/// `empsh serve`: the reference implementation of get.employees over HTTP on 127.0.0.1.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serves the reference implementation of get.employees on 127.0.0.1.",
        discussion: """
            Prints `listening on http://127.0.0.1:PORT/v2.0` once it accepts requests and, when neither \
            --token nor --token-file is given, the generated demo key. Ctrl-C or SIGTERM stops it.

            The account opens three ways, all acting for customer user 1 and drawing on the same point \
            budgets: the customer key (--token T, or the generated one), the agent key `agent-T` (every call \
            names `"user_id": 1`), and `login.user` with login `demo` and password `demo`, whose session key \
            lives an hour. For example: empsh --url http://127.0.0.1:PORT/v2.0 --login demo --password demo.

            Any other path or HTTP method gets a JSON-RPC error body (status 404 or 405).
            """,
        helpNames: [.short, .long])

    @Option(help: ArgumentHelp("The port to listen on; 0 picks a free one.", valueName: "N"))
    var port = ServeConfiguration.defaultPort

    @Option(help: ArgumentHelp("How many employees the generated company has (10 to 200000; 250 by default).", valueName: "N"))
    var employees: Int?

    @Option(help: ArgumentHelp("The seed of the generated company and of the fault sequence.", valueName: "N"))
    var seed: UInt64 = DemoCompany.defaultSeed

    @Option(
        help: ArgumentHelp(
            "The access key clients must send; a generated one when absent. Other users can see it in ps: prefer --token-file.",
            valueName: "T"))
    var token: String?

    @Option(name: .customLong("token-file"), help: .readsSecret("the access key", note: "; a pipe or FIFO is read once"))
    var tokenFile: String?

    @Option(name: .customLong("data"), help: ArgumentHelp("Serves the employee records of a JSON array in FILE.", valueName: "FILE"))
    var dataFile: String?

    @Option(name: .customLong("minute-limit"), help: ArgumentHelp("Points per minute for the account (all its keys together).", valueName: "N"))
    var minuteLimit = ServeConfiguration.defaultMinuteLimit

    @Option(name: .customLong("day-limit"), help: ArgumentHelp("Points per UTC day for the account (all its keys together).", valueName: "N"))
    var dayLimit = ServeConfiguration.defaultDayLimit

    @Option(help: ArgumentHelp("The fraction of requests (0 to 1) that fail in varied ways.", valueName: "P"))
    var faults = 0.0

    @Option(
        help: ArgumentHelp(
            "How many employees change status each second, the same way for the same seed; 0 means none.", valueName: "N"))
    var churn = 0

    func validate() throws {
        if token != nil, tokenFile != nil { throw ValidationError("Give --token or --token-file, not both.") }
    }

    func run() async throws {
        if token != nil || tokenFile != nil { CoreDumps.disable() }
        if token != nil { SecretInput.warnVisible("--token", instead: "--token-file", command: "empsh serve") }
        let token: String?
        do {
            token = try self.token ?? tokenFile.map { try SecretInput.read(file: $0, option: "--token-file") }
        } catch let error as ShellError {
            throw ValidationError(error.description)
        }
        var configuration = ServeConfiguration(
            port: port, employees: employees, seed: seed, token: token, dataFile: dataFile,
            minuteLimit: minuteLimit, dayLimit: dayLimit, faultProbability: faults)
        configuration.churn = churn
        do {
            try await runServe(configuration, afterFlood: MemoryTuning.returnFreedSoon) { line in
                print(line)
                fflush(nil)  // every stream: standard output, the one `print` wrote to
            }
        } catch let error as ServeConfigurationError {
            throw ValidationError(error.message)
        } catch {
            StandardStreams.writeError("empsh serve: \(error)\n")
            throw ExitCode(3)
        }
    }
}
