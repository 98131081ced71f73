import Foundation
import Lua
import TestSupport
import Testing

@testable import Shell

/// `empsh --types`: every global, function and list method present at run time is annotated, and
/// nothing is annotated that is not there, except the few names that are on their way.
@Suite struct LuaTypesTests {
    /// Annotated names that need not exist at run time yet: bindings another branch adds.
    static let upcoming: Set<String> = ["jsquery", "jsquery.match"]

    /// What the runtime has: non-standard globals and the keys of the tables they hold
    /// (`employees.page`), list methods (`List:where`, `List:group_by`), and each field's
    /// builders (`F.status:eq`).
    static let introspection = #"""
        local std = {}
        for name in ("assert collectgarbage dofile error getmetatable ipairs load loadfile next pairs pcall print rawequal "
          .. "rawget rawlen rawset require select setmetatable tonumber tostring type warn xpcall _G _VERSION coroutine "
          .. "debug io math os package string table utf8 arg"):gmatch("%S+") do std[name] = true end
        local names = {}
        for name, value in pairs(_G) do
          if not std[name] then
            names[#names + 1] = name
            if type(value) == "table" then
              for key in next, value do
                if type(key) == "string" then names[#names + 1] = name .. "." .. key end
              end
            end
          end
        end
        for name in pairs(List.methods) do names[#names + 1] = "List:" .. name end
        for _, field in ipairs(empsh.fields.order) do
          names[#names + 1] = "F." .. field
          for _, builder in ipairs(empsh.fields.fields[field].builders) do names[#names + 1] = "F." .. field .. ":" .. builder end
        end
        return table.concat(names, "\n")
        """#

    static func runtimeNames() throws -> Set<String> {
        let fixture = try ShellFixture(employees: 10)
        let text = try #require(try fixture.run(introspection).first?.text)
        return Set(text.split(separator: "\n").map(String.init))
    }

    /// The names the definitions declare: `function a.b(`, `function A:m(` and `a.b = ` at the start of a line.
    static func annotatedNames() -> Set<String> {
        var names = Set<String>()
        for line in LuaTypes.definitions.split(separator: "\n") {
            if line.hasPrefix("function "), let open = line.firstIndex(of: "(") {
                names.insert(String(line[line.index(line.startIndex, offsetBy: 9)..<open]))
            } else if let assignment = line.range(of: " = "), !line.hasPrefix("-"), !line.hasPrefix("local ") {
                names.insert(String(line[..<assignment.lowerBound]))
            }
        }
        return names
    }

    @Test func everythingPresentAtRunTimeIsAnnotated() throws {
        let runtime = try Self.runtimeNames()
        let annotated = Self.annotatedNames()
        #expect(runtime.contains("employees.all") && runtime.contains("List:unnest") && runtime.contains("F.groups:has"))
        let missing = runtime.subtracting(annotated).sorted()
        #expect(missing.isEmpty, "present at run time but not in empsh --types: \(missing)")
        let absent = annotated.subtracting(runtime).subtracting(Self.upcoming).sorted()
        #expect(absent.isEmpty, "annotated but not present at run time: \(absent)")
    }

    @Test func optionsAndEmployeesFunctionsHaveTheirOwnSignatures() {
        for name in QueryOptions.names { #expect(LuaTypes.optionTypes[name] != nil, "option \(name)") }
        for function in EmployeesModule.functions { #expect(LuaTypes.employeeFunctions[function.name] != nil, "employees.\(function.name)") }
    }

    /// Nullability and kinds come from the catalog: `id` is never null, scalars and objects may be,
    /// arrays are `[]` instead; each field class has exactly its kind's builders.
    @Test func recordsAndBuildersFollowTheCatalog() {
        let text = LuaTypes.definitions
        for line in [
            "---@field id integer\n", "---@field first_name string|JSONNull\n", "---@field groups Group[]\n",
            "---@field coach Coach\n", "---@field operator_sites? OperatorSite[]\n", "---@class PhoneNumber\n",
            "---@field status (\"active\"|\"inactive\")|JSONNull\n", "---@field coach_id? integer|JSONNull\n",
            "function F.status:ilike(pattern) end", "function F.groups:has(value) end",
            "---@param value {group_id?: integer, group_name?: string}", "function jsquery.match(value, expression) end",
            "---@field offset? integer",
        ] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(!text.contains("function F.status:has("))
        #expect(!text.contains("function F.id:like("))
    }

    @Test func theDefinitionsAreLua() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("empsh-types-\(UUID().uuidString).lua")
        defer { try? FileManager.default.removeItem(at: file) }
        try LuaTypes.definitions.write(to: file, atomically: true, encoding: .utf8)
        let (status, message) = try luacParse(file.path)
        #expect(status == 0, "\(message)")
        #expect(LuaTypes.definitions.hasPrefix("---@meta"))
    }
}
