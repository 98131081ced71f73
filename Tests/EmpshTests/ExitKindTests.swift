import Foundation
import TestSupport
import Testing

/// Exit codes come from where an error came from, never from its text or shape: whatever a
/// script raises is 1; only an API error object empsh raised is 3; only a real Ctrl-C is 130.
/// Error objects print as `lua.c` prints them (`__tostring` honoured).
@Suite struct ExitKindTests {
    /// Errors the script raises itself, dressed up as other kinds; each must exit 1.
    @Test(arguments: [
        "error('the job was interrupted!')",
        "error('interrupted!', 0)",
        "error({mnemonic = 'access_denied', code = -32001, message = 'x', text = 'y'})",
        "error(setmetatable({mnemonic = 'limit_exceeded'}, {__tostring = function() return 'limit' end}))",
        "error('time limit exceeded', 0)",
        "error(nil)",
        "error(42)",
        "error(true)",
        "error(function() end)",
        "error(coroutine.create(print))",
        // The API's error metatable cannot be taken to dress a script error up as an API one.
        "local ok, e = pcall(api.call, 'no.such.method', {}); error(setmetatable({}, getmetatable(e)))",
        "local ok, e = pcall(api.call, 'no.such.method', {}); local t = {}; for k, v in pairs(e) do t[k] = v end; error(t)",
    ])
    func scriptRaisedErrorsExitOne(code: String) throws {
        let result = try runEmpsh(["-e", code])
        #expect(result.status == 1, "\(code): \(result.status) \(result.stderr)")
    }

    /// API errors empsh raised exit 3, however the script passes them on.
    @Test(arguments: [
        "api.call('no.such.method', {})",
        "local ok, e = pcall(api.call, 'no.such.method', {}); error(e)",
        "local ok, e = pcall(api.call, 'no.such.method', {}); error(e, 0)",
        "coroutine.wrap(function() api.call('no.such.method', {}) end)()",
        "employees.all{limit = 2}:map(function() api.call('no.such.method', {}) end)",
        "local ok, e = pcall(api.call, 'get.employees', {limit = -1}); error(e)",
    ])
    func apiErrorsExitThree(code: String) throws {
        let result = try runEmpsh(["-e", code])
        #expect(result.status == 3, "\(code): \(result.status) \(result.stderr)")
    }

    /// A mistake the shell finds in the script's own arguments is the script's error.
    @Test func aBadArgumentFoundLocallyIsOne() throws {
        let result = try runEmpsh(["-e", "local ok, e = pcall(employees.page, {fields = {'nope'}}); error(e)"])
        #expect(result.status == 1, "\(result.stderr)")
    }

    /// Error objects print through `__tostring`, else as lua.c names them.
    @Test(arguments: [
        ("error(setmetatable({}, {__tostring = function() return 'custom text' end}))", "custom text"),
        ("error({message = 'not this'})", "(error object is a table value)"),
        ("error(setmetatable({}, {__tostring = function() error('x') end}))", "(error object is a table value)"),
        ("error(setmetatable({}, {__tostring = function() return {} end}))", "(error object is a table value)"),
        ("error(setmetatable({}, {__tostring = function() return 7 end}))", "7"),
        ("error(1.5)", "1.5"),
        ("error(nil)", "(error object is a nil value)"),
        ("error(12)", "12"),
        ("error(true)", "(error object is a boolean value)"),
    ])
    func errorObjectsPrintAsLuaDoes(code: String, text: String) throws {
        let result = try runEmpsh(["-e", code])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(text), "\(code): \(result.stderr)")
    }

    @Test func aTimeLimitIsAScriptFailureNotAnInterrupt() throws {
        let result = try runEmpsh(["--timeout", "0.3", "-e", "while true do end"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("time limit exceeded"))
    }
}
