import DataAPIContract
import EmployeeQuery

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads the `--data FILE` of `empsh serve`: a JSON array of employee records as `get.employees` returns them.
public enum EmployeeFile {
    /// The most records a file may hold: 200 000, as for a generated company.
    public static let maxRecords = 200_000

    /// Loads and decodes a file.
    /// - Parameter path: The file's path.
    /// - Returns: The employees, sorted by `id`.
    /// - Throws: `ServeConfigurationError` of kind `.badDataFile` whose message names the file and the problem:
    ///   missing or unreadable, not JSON (with the parser's position), not an array, a record of the wrong shape (with its
    ///   path, e.g. `[3].phone_numbers[0].dial_time`), a record without a positive `id`, a repeated `id`, too many records.
    public static func load(path: String) throws(ServeConfigurationError) -> [Employee] {
        guard FileManager.default.fileExists(atPath: path) else { throw bad(path, "no such file") }
        guard let data = FileManager.default.contents(atPath: path) else { throw bad(path, "cannot be read (a directory, or no permission)") }
        return try decode(Array(data), name: path)
    }

    /// Decodes a file's contents; see `load(path:)`.
    /// - Parameters:
    ///   - bytes: The contents.
    ///   - name: The file's name for messages.
    /// - Returns: The employees, sorted by `id`.
    /// - Throws: `ServeConfigurationError` as for `load(path:)`.
    public static func decode(_ bytes: [UInt8], name: String) throws(ServeConfigurationError) -> [Employee] {
        let json: JSON
        do { json = try JSON(parsing: bytes) } catch { throw bad(name, "is not valid JSON: \(error)") }
        guard case .array(let records) = json else { throw bad(name, "must hold a JSON array of employee records, not \(json.typeName)") }
        guard records.count <= maxRecords else { throw bad(name, "holds \(records.count) records; at most \(maxRecords) are allowed") }
        var employees: [Employee] = []
        employees.reserveCapacity(records.count)
        var seen = Set<Int64>()
        for (index, record) in records.enumerated() {
            let employee: Employee
            do { employee = try Employee(json: record, path: "[\(index)]") } catch { throw bad(name, "record [\(index)]: \(Self.reason(error))") }
            guard employee.id > 0 else { throw bad(name, "record [\(index)] needs a positive integer id") }
            guard seen.insert(employee.id).inserted else { throw bad(name, "record [\(index)] repeats id \(employee.id)") }
            employees.append(employee)
        }
        employees.sort { $0.id < $1.id }
        return employees
    }

    private static func bad(_ name: String, _ problem: String) -> ServeConfigurationError {
        ServeConfigurationError(.badDataFile, option: "--data", message: "--data \(name): \(problem)")
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DataAPIError { return error.message }
        return "\(error)"
    }
}
