import Foundation
import TestSupport
import Testing

/// Finalizers that call the API while the state closes (or while it runs) never crash empsh:
/// at close their calls are refused with a Lua error, and the run exits as it would have.
@Suite struct FinalizerCrashTests {
    @Test(arguments: [
        "g = setmetatable({}, {__gc = function() api.call('get.employees', {limit = 1}) end})",
        "g = setmetatable({}, {__gc = function() print(employees.count{}) end})",
        "g = setmetatable({}, {__gc = function() for e in employees.each{limit = 3} do print(e.id) end end})",
        "for i = 1, 20 do setmetatable({}, {__gc = function() employees.all{limit = 1}:show() end}) end",
        "g = setmetatable({}, {__gc = function() json.encode({1, 2}); F.id:eq(1) end}); h = employees.all{limit = 2}",
        "co = coroutine.create(function() local x = setmetatable({}, {__gc = function() api.call('get.employees', {}) end}); coroutine.yield() end); coroutine.resume(co)",
        "g = setmetatable({}, {__gc = function() error(setmetatable({}, {__gc = function() api.call('x', {}) end})) end})",
    ])
    func finalizersCallingTheAPIAtCloseDoNotCrash(code: String) throws {
        for _ in 0..<5 {
            let result = try runEmpsh(["-e", code], environment: ["EMPSH_DEMO_EMPLOYEES": "20"])
            #expect(result.signal == nil && result.status == 0, "\(code): \(result.status) \(result.stderr)")
        }
    }

    @Test func finalizersDuringTheRunMayCallTheAPI() throws {
        let code = """
            local n = 0
            for i = 1, 30 do setmetatable({}, {__gc = function() n = n + employees.count{limit = 1} end}) end
            collectgarbage(); collectgarbage()
            print(n > 0)
            """
        let result = try runEmpsh(["-e", code], environment: ["EMPSH_DEMO_EMPLOYEES": "20"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "true\n")
    }
}
