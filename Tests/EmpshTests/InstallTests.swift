import Foundation
import TestSupport
import Testing

/// `scripts/install` into a temporary prefix, with the binary the tests run (no release build in
/// the suite): the installed tree holds a stripped binary that runs, the man page and the bash,
/// zsh and fish completions.
@Suite struct InstallTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func installIntoATemporaryPrefix() throws {
        let prefix = try makeTemporaryDirectory().appendingPathComponent("пре фикс")
        defer { try? FileManager.default.removeItem(at: prefix.deletingLastPathComponent()) }
        let install = Process()
        install.executableURL = Self.root.appendingPathComponent("scripts/install")
        install.arguments = ["--prefix", prefix.path, "--binary", empshBinaryPath()]
        let out = Pipe()
        install.standardOutput = out
        try install.run()
        let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        install.waitUntilExit()
        #expect(install.terminationStatus == 0, "\(said)")
        let binary = prefix.appendingPathComponent("bin/empsh").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["-e", "print(#employees.all{limit = 3})"]
        let printed = Pipe()
        process.standardOutput = printed
        try process.run()
        let text = String(decoding: printed.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text == "3\n")
        let installed = try #require(try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int)
        let built = try #require(try FileManager.default.attributesOfItem(atPath: empshBinaryPath())[.size] as? Int)
        #expect(installed < built, "the installed binary is stripped")
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/empsh.1"), encoding: .utf8)
        #expect(manual == (try String(contentsOf: Self.root.appendingPathComponent("docs/empsh.1"), encoding: .utf8)))
        for (path, mark) in [
            ("share/bash-completion/completions/empsh", "complete"), ("share/zsh/site-functions/_empsh", "#compdef empsh"),
            ("share/fish/vendor_completions.d/empsh.fish", "complete -c 'empsh'"),
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(mark) && text.contains("timeout"), "\(path)")
        }
    }
}
