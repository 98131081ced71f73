import ArgumentParser

/// `empsh serve`: the reference implementation of get.employees over HTTP on 127.0.0.1.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serves the reference implementation of get.employees on 127.0.0.1.")

    func run() async throws {
        throw ValidationError("serve is not built yet.")
    }
}
