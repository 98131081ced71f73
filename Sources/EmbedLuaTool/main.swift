// EmbedLuaTool OUTPUT FILE.lua...
//
// Writes OUTPUT, a Swift file declaring `enum EmbeddedLua` with an `EmbeddedChunk` per FILE, named
// after the file (`lua/filter.lua` → `EmbeddedLua.filter`, so file names must differ): the chunk
// name the file's first line gives (`-- =empsh/F: what it is`), its text as a raw string literal,
// and its bytecode, compiled here by the Lua the build links (debug information kept), so that a
// start does not compile it; and `EmbeddedLua.files`, every file's name with its chunk. Run by the
// `EmbedLua` build-tool plugin; the C library and Lua's are enough, so the tool builds without Foundation.
import CLua

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Stops the build with a message naming the tool.
func fail(_ message: String) -> Never {
    let line = Array("EmbedLuaTool: \(message)\n".utf8)
    _ = write(2, line, line.count)
    exit(1)
}

/// The bytes of a file, read whole.
func contents(of path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else { fail("cannot open \(path)") }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
        let count = fread(&buffer, 1, buffer.count, file)
        bytes += buffer[0..<count]
        if count < buffer.count { break }
    }
    if ferror(file) != 0 { fail("cannot read \(path)") }
    return bytes
}

/// The file's name without its folder.
func fileName(of path: String) -> String { String(path.split(separator: "/").last ?? "") }

/// The file's name without its folder and `.lua`, checked to be a Swift identifier (the generated
/// code quotes it in backticks, so even a keyword works).
func identifier(for path: String) -> String {
    let name = fileName(of: path).dropLast(".lua".count)
    let valid = name.first.map { $0 == "_" || $0.isLetter } == true && name.allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
    guard path.hasSuffix(".lua"), valid, name.allSatisfy(\.isASCII) else {
        fail("\(path): name the file <identifier>.lua, e.g. filter.lua")
    }
    return String(name)
}

/// The chunk name a file's first line gives: `=empsh/F` from `-- =empsh/F: conditions in ...`.
func chunkName(of text: String, path: String) -> String {
    let first = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
    let name = first.dropFirst(3).prefix { $0 != ":" }
    guard first.hasPrefix("-- ="), name.count > 1, first.dropFirst(3 + name.count).hasPrefix(":"), name.allSatisfy({ $0 != "\"" && $0 != "\\" })
    else {
        fail("\(path): the first line names the chunk, e.g. -- =empsh/F: what the file holds")
    }
    return String(name)
}

/// The bytes `lua_dump` writes, gathered by its writer in `bytecode(of:name:path:)`.
nonisolated(unsafe) var dumped: [UInt8] = []

/// `text` compiled as the chunk `name`, dumped with its debug information (lines, names).
func bytecode(of text: String, name: String, path: String) -> [UInt8] {
    guard let state = luaL_newstate() else { fail("cannot create a Lua state") }
    defer { lua_close(state) }
    let bytes = Array(text.utf8)
    let status = bytes.withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { luaL_loadbufferx(state, $0.baseAddress, $0.count, name, "t") }
    }
    guard status == LUA_OK else { fail("\(path): \(String(cString: lua_tolstring(state, -1, nil)))") }
    dumped = []
    let written = lua_dump(
        state,
        { _, piece, size, _ in
            if let piece, size > 0 { dumped += UnsafeRawBufferPointer(start: piece, count: size) }
            return 0
        }, nil, 0)
    guard written == 0 else { fail("\(path): cannot dump the chunk") }
    return dumped
}

/// `bytes` as a Swift array literal, 32 a line.
func arrayLiteral(_ bytes: [UInt8]) -> String {
    var lines: [String] = []
    var index = 0
    while index < bytes.count {
        let end = min(index + 32, bytes.count)
        lines.append("            " + bytes[index..<end].map(String.init).joined(separator: ",") + ",")
        index = end
    }
    return "[\n" + lines.joined(separator: "\n") + "\n        ]"
}

/// `text` as a multi-line raw string literal whose `#` count exceeds any run of `#` in it, so
/// neither `"""` nor `\` in the text can end the literal or start an interpolation.
func rawLiteral(_ text: String) -> String {
    var longest = 0
    var run = 0
    for character in text.unicodeScalars {
        run = character == "#" ? run + 1 : 0
        longest = max(longest, run)
    }
    let hashes = String(repeating: "#", count: longest + 1)
    return "\(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes)"
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else { fail("usage: EmbedLuaTool OUTPUT FILE.lua...") }
let output = arguments[1]
let paths = arguments.dropFirst(2).sorted { fileName(of: $0) < fileName(of: $1) }

var seen: [String: String] = [:]
var declarations = ""
var table: [String] = []
for path in paths {
    let name = identifier(for: path)
    if let other = seen[name] { fail("\(path) and \(other) would both be EmbeddedLua.\(name); rename one") }
    seen[name] = path
    guard let text = String(validating: contents(of: path), as: UTF8.self) else { fail("\(path) is not UTF-8") }
    if text.utf8.contains(UInt8(ascii: "\r")) { fail("\(path) has a carriage return; Swift string literals would not keep it") }
    let chunk = chunkName(of: text, path: path)
    declarations += """
            /// `\(fileName(of: path))`, the chunk `\(chunk)`.
            static let `\(name)` = EmbeddedChunk(
                name: "\(chunk)",
                source: \(rawLiteral(text)),
                bytecode: \(arrayLiteral(bytecode(of: text, name: chunk, path: path))))


        """
    table.append("        (\"\(fileName(of: path))\", `\(name)`),")
}

let swift = """
    // Generated by EmbedLuaTool (the EmbedLua build-tool plugin) from the target's .lua files. Do not edit.

    /// The target's Lua sources, embedded at build time: one chunk per `.lua` file, named after it.
    enum EmbeddedLua {
    \(declarations)    /// Every embedded file, by name: its name (`filter.lua`) and its chunk.
        static let files: [(name: String, chunk: EmbeddedChunk)] = [
    \(table.joined(separator: "\n"))
        ]
    }

    """
guard let file = fopen(output, "wb") else { fail("cannot write \(output)") }
let bytes = Array(swift.utf8)
guard fwrite(bytes, 1, bytes.count, file) == bytes.count, fclose(file) == 0 else { fail("cannot write \(output)") }
