import Foundation
import Lua
import TestSupport
import Testing

@testable import Shell

/// Shell's `.lua` files: each compiles with `luac5.4 -p`, and the build embeds exactly the files
/// in the tree (`EmbeddedLua`, written by the `EmbedLua` plugin).
@Suite struct EmbeddedLuaTests {
    /// `Sources/Shell`, found from this file's place in the repository.
    static let shellFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/Shell")

    static let embeddedNames = EmbeddedLua.files.map(\.name)

    /// Every `.lua` file under `Sources/Shell`, by name (the plugin requires the names to differ).
    static let luaFilesInTree: [String: URL] = {
        var files: [String: URL] = [:]
        let enumerator = FileManager.default.enumerator(atPath: shellFolder.path)
        while let path = enumerator?.nextObject() as? String {
            let url = shellFolder.appendingPathComponent(path)
            if path.hasSuffix(".lua") { files[url.lastPathComponent] = url }
        }
        return files
    }()

    @Test func everyLuaFileInTheTreeIsEmbedded() {
        #expect(Self.luaFilesInTree.keys.sorted() == Self.embeddedNames)
        #expect(Self.embeddedNames.contains("filter.lua"))
    }

    @Test(arguments: embeddedNames)
    func embeddedTextIsTheFilesBytes(name: String) throws {
        let url = try #require(Self.luaFilesInTree[name])
        let embedded = try #require(EmbeddedLua.files.first { $0.name == name }).chunk.source
        #expect(Array(embedded.utf8) == Array(try Data(contentsOf: url)), "\(url.path) differs from what the build embedded")
    }

    /// The build's bytecode loads in this Lua (a start compiles nothing) and carries the chunk name
    /// the file's first line gives, so errors and tracebacks read as if the text had been loaded.
    @Test(arguments: embeddedNames)
    func bytecodeLoadsUnderTheChunkName(name: String) throws {
        let chunk = try #require(EmbeddedLua.files.first { $0.name == name }).chunk
        #expect(chunk.source.hasPrefix("-- \(chunk.name):"))
        let lua = try LuaState()
        try lua.stack.load(bytecode: chunk.bytecode, name: chunk.name)
        lua.stack.setglobal("chunk")
        #expect(try lua.run("local info = debug.getinfo(chunk, 'S') return info.source, info.what") == [.string(chunk.name), "main"])
    }

    @Test(arguments: embeddedNames)
    func luacAcceptsTheFile(name: String) throws {
        let url = try #require(Self.luaFilesInTree[name])
        let (status, message) = try luacParse(url.path)
        #expect(status == 0, "luac5.4 -p \(url.path) (scripts/bootstrap installs luac5.4): \(message)")
        #expect(message.isEmpty)
    }
}
