import Foundation

/// A Lua chunk to run and the name Lua reports it under.
public struct ScriptSource: Sendable {
    /// The source bytes, without a byte-order mark and with a `#!` first line blanked (the newline kept, so line numbers hold).
    public var code: [UInt8]
    /// The chunk name: `@path` for files (messages read `path:line:`), `=name` otherwise.
    public var chunkName: String

    /// A chunk given on the command line.
    public static func commandLine(_ code: String) -> ScriptSource {
        ScriptSource(code: Array(code.utf8), chunkName: "=(command line)")
    }

    /// `-l MODULE` (or `-l NAME=MODULE`): `require` the module into a global, as `lua -l` does.
    /// - Parameter spec: `MODULE` (the global is its name) or `NAME=MODULE`.
    public static func require(_ spec: String) -> ScriptSource {
        let parts = spec.split(separator: "=", maxSplits: 1).map(String.init)
        let global = parts.count == 2 ? parts[0] : spec
        let module = parts.count == 2 ? parts[1] : spec
        let code = "rawset(_G, \(luaQuoted(global)), require(\(luaQuoted(module))))"
        return ScriptSource(code: Array(code.utf8), chunkName: "=(-l \(spec))")
    }

    private static func luaQuoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// `LUA_INIT_5_4`, else `LUA_INIT`, as `lua5.4` runs it before anything else: `@FILE` runs
    /// the file, other text runs as a chunk named after the variable; `nil` when neither is set.
    /// - Throws: `ShellError.usage` when `@FILE` cannot be read.
    public static func luaInit(environment: [String: String]) throws -> ScriptSource? {
        guard let name = ["LUA_INIT_5_4", "LUA_INIT"].first(where: { environment[$0] != nil }), let value = environment[name] else {
            return nil
        }
        if value.hasPrefix("@") { return try file(String(value.dropFirst())) }
        return ScriptSource(code: Array(value.utf8), chunkName: "=" + name)
    }

    /// Text read from standard input.
    /// - Throws: `ShellError.usage` when standard input cannot be read (a directory, a read error).
    public static func standardInput() throws -> ScriptSource {
        var code: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if n == 0 { break }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = errno == EISDIR ? "it is a directory" : String(cString: strerror(errno))
                throw ShellError.usage("cannot read the script from standard input: \(reason)")
            }
            code += buffer[0..<n]
        }
        return ScriptSource(code: skippingShebang(code), chunkName: "=stdin")
    }

    /// A script file.
    /// - Throws: `ShellError.usage` when the file does not exist or cannot be read.
    public static func file(_ path: String) throws -> ScriptSource {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ShellError.usage("cannot open \(path): no such file")
        }
        guard !isDirectory.boolValue, let data = FileManager.default.contents(atPath: path) else {
            throw ShellError.usage("cannot read \(path)")
        }
        return ScriptSource(code: skippingShebang(Array(data)), chunkName: "@" + path)
    }

    /// Drops a UTF-8 byte-order mark and blanks a first line that starts with `#`, keeping its
    /// newline, as `lua` does (lauxlib's `skipcomment`).
    static func skippingShebang(_ input: [UInt8]) -> [UInt8] {
        let bytes = input.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(input.dropFirst(3)) : input
        guard bytes.first == UInt8(ascii: "#") else { return bytes }
        guard let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) else { return [] }
        return Array(bytes[newline...])
    }
}
