import Foundation
import TestSupport
import Testing

/// `--safe` is a sandbox no script can leave: each attack below first changes whatever a guard
/// written in Lua would consult (globals, `string`, metatables, `package`), then tries to write,
/// to read outside the allowed directories, or to reach a secret. No file may appear or change,
/// and nothing outside may be read.
@Suite struct SafeSandboxTests {
    /// Redefinitions a script makes before attacking.
    static let tampering = [
        "",
        "tostring = function() return 'r' end; type = function() return 'string' end",
        "string.match = function() return 'r' end; string.find = function() return 1 end; string.sub = function() return 'r' end",
        "getmetatable('').__index = setmetatable({}, {__index = function() return function() return 'r' end end})",
        "io.type = function() return 'file' end; rawequal = function() return true end; select = function() return 1 end",
        "package.path = '/proc/self/?;/etc/?;' .. package.path; package.searchers[1] = nil",
        "error = function() end; assert = function(...) return ... end; pcall = function(f, ...) return true, f(...) end",
    ]

    /// Ways to create, write, truncate, append, remove or rename a file.
    static let writes = [
        "io.open('victim.txt', 'w')", "io.open('victim.txt', 'a')", "io.open('victim.txt', 'r+')", "io.open('victim.txt', 'w+b')",
        "io.open('new.txt', 'wb')", "io.open('victim.txt', setmetatable({}, {__tostring = function() return 'r' end}))",
        "io.output('victim.txt'); io.write('x')", "io.output('new.txt')", "io.output(io.stdin); io.write('x')",
        "io.tmpfile():write('x')", "os.remove('victim.txt')", "os.rename('victim.txt', 'new.txt')", "os.tmpname()",
        "os.execute('touch new.txt')", "io.popen('touch new.txt')", "package.loadlib('libc.so.6', 'system')",
        "io.lines('victim.txt', 'w')", "local f = io.open('victim.txt'); f:write('x'); f:close()",
        "io.stdin:write('x')", "debug.sethook()", "require('debug').getregistry()",
        "load(string.dump(function() end))", "load('x', 'n', 'b')",
    ]

    @Test func noWayToWriteAFile() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let victim = dir.appendingPathComponent("victim.txt")
        for tamper in Self.tampering {
            try "original".write(to: victim, atomically: true, encoding: .utf8)
            let attacks = Self.writes.map { "print(try(function() \($0) end))" }.joined(separator: "\n")
            let result = try runEmpsh(["--safe", "-e", "local try = pcall\n" + tamper + "\n" + attacks], directory: dir.path)
            let contents = try String(contentsOf: victim, encoding: .utf8)
            let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(contents == "original" && files == ["victim.txt"], "\(tamper): \(files) \(result.stdout)")
            #expect(result.signal == nil)
            #expect(result.stdout.components(separatedBy: "disabled by --safe").count > Self.writes.count / 2, "\(tamper): \(result.stdout)")
        }
    }

    /// Ways to read a file; each is tried on paths outside what --safe reads.
    static let reads = [
        "print(io.open(P):read('a'))", "for l in io.lines(P) do print(l) end", "io.input(P); print(io.read('a'))",
        "print(loadfile(P))", "dofile(P)", "print(package.searchpath('x', P))", "print(require(P))",
    ]

    @Test func nothingOutsideTheAllowedDirectoriesIsRead() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        let outside = root.appendingPathComponent("outside")
        let config = root.appendingPathComponent("config/empsh")
        for folder in [work, outside, config] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let marker = "SECRET-MARKER-41"
        try "return '\(marker)'".write(to: outside.appendingPathComponent("x"), atomically: true, encoding: .utf8)
        try "token = '\(marker)'".write(to: config.appendingPathComponent("config.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("link").path, withDestinationPath: outside.appendingPathComponent("x").path)
        try FileManager.default.createSymbolicLink(atPath: work.appendingPathComponent("proc").path, withDestinationPath: "/proc/self")
        let paths = [
            outside.appendingPathComponent("x").path, "../outside/x", "link", "./link", "proc/environ", "/proc/self/environ",
            "/proc/self/cmdline", "/sys/kernel/hostname", "/dev/zero", "/etc/hostname", config.appendingPathComponent("config.toml").path,
        ]
        let environment = ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path, "EMPSH_TOKEN_HINT": marker]
        let pathList = paths.map { "'\($0)'" }.joined(separator: ", ")
        let attempts = Self.reads.map { "for _, P in ipairs({\(pathList)}) do print(try(function() \($0) end)) end" }
        for tamper in Self.tampering {
            let code = "local try = pcall\n" + tamper + "\n" + attempts.joined(separator: "\n")
            let result = try runEmpsh(["--safe", "--timeout", "10", "-e", code], environment: environment, directory: work.path)
            #expect(!result.stdout.contains(marker) && !result.stderr.contains(marker), "\(tamper): \(result.stdout)")
            #expect(result.signal == nil && result.status == 0, "\(tamper): \(result.stderr)")
        }
    }

    @Test func readingInsideTheAllowedDirectoriesWorks() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lua"), withIntermediateDirectories: true)
        try "hello\nworld\n".write(to: dir.appendingPathComponent("data.txt"), atomically: true, encoding: .utf8)
        try "#!/usr/bin/env empsh\nreturn {name = 'team'}\n".write(to: dir.appendingPathComponent("lua/team.lua"), atomically: true, encoding: .utf8)
        let code = """
            local n = 0; for l in io.lines('data.txt') do n = n + 1 end
            local f = assert(io.open('./data.txt', 'rb')); local text = f:read('a'); f:close()
            print(n, #text, require('team').name, loadfile('lua/team.lua')().name, io.open('missing.txt'))
            io.output(io.stderr); io.write('to stderr\\n'); io.output(io.stdout)
            print(os.getenv('EMPSH_TOKEN'), os.getenv('HOME') ~= nil, load('return 1 + 1')(), load('return x', 'c', 't', {x = 5})())
            io.input(io.stdin); local k = 0; for l in io.lines() do k = k + 1 end; print(k)
            """
        let result = try runEmpsh(
            ["--safe", "-e", code], stdin: "a\nb\n", environment: ["EMPSH_TOKEN": "tok-secret-1"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "2\t12\tteam\tteam\tnil\tmissing.txt: No such file or directory\t2\nnil\ttrue\t2\t5\n2\n")
        #expect(result.stderr == "to stderr\n")
    }

    @Test(arguments: ["EMPSH_TOKEN", "EMPSH_PASSWORD_FILE", "GITHUB_TOKEN", "DB_PASSWORD", "API_KEY", "MY_SECRET"])
    func secretVariablesAreHidden(name: String) throws {
        let result = try runEmpsh(["--safe", "-e", "print(os.getenv('\(name)'))"], environment: [name: "value-123"])
        #expect(result.stdout == "nil\n", "\(result.stderr)")
    }

    /// Values that carry a credential are hidden whatever their variable's name.
    @Test func credentialsInValuesAreHidden() throws {
        let environment = [
            "DATABASE_URL": "postgres://ops:pa55@db.example/hr", "https_proxy": "http://u:p@proxy:3128",
            "PLAIN_URL": "https://example.com/a@b", "USER_ONLY": "ssh://git@example.com/repo",
        ]
        let code = "for _, n in ipairs{'DATABASE_URL', 'https_proxy', 'PLAIN_URL', 'USER_ONLY'} do print(n, os.getenv(n)) end"
        let result = try runEmpsh(["--safe", "-e", code], environment: environment)
        #expect(
            result.stdout == "DATABASE_URL\tnil\nhttps_proxy\tnil\nPLAIN_URL\thttps://example.com/a@b\nUSER_ONLY\tssh://git@example.com/repo\n",
            "\(result.stderr)")
    }

    /// Every way a name reaches a file goes through the policy, whatever the value's type (Lua
    /// opens a number as its text), and secrets are denied by their real file wherever they lie:
    /// a link named `123` to the profile, the profile linked from the config folder to a file in
    /// the working directory, a `--token-file` inside the module folder.
    @Test func secretsAreDeniedByTheirRealFileWhateverTheName() throws {
        let root = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: root) }
        let work = root.appendingPathComponent("work")
        let config = root.appendingPathComponent("config/empsh")
        let modules = config.appendingPathComponent("lua")
        for folder in [work, modules] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let marker = "SECRET-MARKER-77"
        // The profile lives in the working directory; the config folder links to it.
        try "token = '\(marker)'\n".write(to: work.appendingPathComponent("profile.toml"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: config.appendingPathComponent("config.toml").path, withDestinationPath: work.appendingPathComponent("profile.toml").path)
        try FileManager.default.createSymbolicLink(
            atPath: work.appendingPathComponent("123").path, withDestinationPath: config.appendingPathComponent("config.toml").path)
        try "\(marker)\n".write(to: modules.appendingPathComponent("token.txt"), atomically: true, encoding: .utf8)
        try "plain data\n".write(to: work.appendingPathComponent("456"), atomically: true, encoding: .utf8)
        let token = modules.appendingPathComponent("token.txt").path
        let tostring = "setmetatable({}, {__tostring = function() return 'profile.toml' end})"
        let attempts = [
            "io.lines(123)()", "io.input(123) return io.read('a')", "io.open(123):read('a')", "io.open('profile.toml'):read('a')",
            "io.open(\(tostring)):read('a')", "io.lines(\(tostring))()", "io.input(\(tostring)) return io.read('a')",
            "return loadfile(123)", "dofile(123)", "io.open('\(token)'):read('a')", "return require('token.txt')",
        ]
        let code = attempts.map { "print(pcall(function() \($0) end))" }.joined(separator: "\n") + "\nprint(io.lines(456)())"
        let result = try runEmpsh(
            ["--safe", "--token-file", token, "--url", "http://127.0.0.1:9/v2.0", "-e", code],
            environment: ["XDG_CONFIG_HOME": root.appendingPathComponent("config").path], directory: work.path)
        #expect(result.status == 0 && result.signal == nil, "\(result.stderr)")
        #expect(!result.stdout.contains(marker) && !result.stderr.contains(marker), "\(result.stdout)")
        #expect(result.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("false") }.count == attempts.count, "\(result.stdout)")
        // A number names an ordinary file as in Lua.
        #expect(result.stdout.hasSuffix("plain data\n"), "\(result.stdout)")
    }
}
