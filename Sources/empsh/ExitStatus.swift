import Foundation
import Shell

/// Runs the body of a command and turns an escaping `ShellError` into its report and exit code.
enum ExitStatus {
    static func run(_ body: () throws -> Int32) -> Int32 {
        do {
            return try body()
        } catch let error as ShellError {
            FileHandle.standardError.write(Data("empsh: \(error)\n".utf8))
            return error.exitCode
        } catch {
            FileHandle.standardError.write(Data("empsh: \(error)\n".utf8))
            return 1
        }
    }
}
