import Foundation
import TestSupport
import Testing

/// The REPL's history as a user lives with it: kept across restarts with Russian intact, recalled with the
/// arrows and Ctrl-R, shared by two REPLs at once, never holding the secret in use, and a full disk said.
@Suite(.serialized) struct REPLHistoryTests {
    let fixture: REPLFixture

    init() throws { fixture = try REPLFixture() }

    @Test func cyrillicIsRecalledAfterARestartWithArrowsAndSearch() throws {
        let first = try fixture.start()
        try first.converse(
            """
            print("история " .. 1) ⇒ история 1\r\n
            print("другое") ⇒ другое\r\n
            """)
        #expect(try first.quit() == 0)
        let file = try String(contentsOf: fixture.historyFile, encoding: .utf8)
        #expect(file.contains("print(\"история\\040\"\\040..\\0401)"))

        let second = try fixture.start()
        // Up past ".quit" and "другое" to the first line, then Backspace on its last character.
        second.send(Key.up + Key.up + Key.up + Key.left + Key.backspace + "2\r")
        try second.expect("история 2\r\n")
        second.send(Key.search + "другое")
        second.send("\r")
        try second.expect("другое\r\n")
        #expect(try second.quit() == 0)
    }

    @Test func twoREPLsAtOnceKeepBothTheirLines() throws {
        let a = try fixture.start()
        let b = try fixture.start()
        a.send("print(\"из А\")\r")
        try a.expect("из А\r\n")
        b.send("print(\"из Б\")\r")
        try b.expect("из Б\r\n")
        a.send("print(\"снова А\")\r")
        try a.expect("снова А\r\n")
        #expect(try b.quit() == 0)
        #expect(try a.quit() == 0)
        let file = try String(contentsOf: fixture.historyFile, encoding: .utf8)
        for line in ["print(\"из\\040А\")", "print(\"из\\040Б\")", "print(\"снова\\040А\")"] {
            #expect(file.components(separatedBy: "\n").contains(line), "\(line) missing from \(file)")
        }
        #expect(file.hasPrefix("_HiStOrY_V2_\n"))
        #expect(file.components(separatedBy: "_HiStOrY_V2_").count == 2)
        // A third one starts with all of them: above the two ".quit"s, "снова А".
        let c = try fixture.start()
        c.send(Key.up + Key.up + Key.up + "\r")
        try c.expect("снова А\r\n")
        #expect(try c.quit() == 0)
    }

    @Test func aLineHoldingTheTokenInUseIsNotSaved() throws {
        let token = "tok-\(UUID().uuidString)"
        let session = try fixture.start(["--url", "http://127.0.0.1:9/v2.0"], environment: ["EMPSH_TOKEN": token])
        try session.converse(
            """
            t = "\(token)" ⇒ it is not saved to the history
            print("сохранено") ⇒ сохранено\r\n
            """)
        #expect(try session.quit() == 0)
        let file = try String(contentsOf: fixture.historyFile, encoding: .utf8)
        #expect(!file.contains(token))
        #expect(file.contains("сохранено"))
    }

    @Test func aFullDiskIsSaidOnce() throws {
        guard let disk = try SmallDisk(kilobytes: 64) else { return }  // no permission to mount: nothing to test
        defer { disk.unmount() }
        let session = try REPLFixture(state: disk.folder).start()
        try disk.fill()
        try session.converse(
            """
            print("один") ⇒ один\r\n
            print("два") ⇒ два\r\n
            """)
        try session.expect("empsh> ")
        #expect(session.transcript.components(separatedBy: "cannot save the history").count == 2)
        #expect(session.transcript.contains("No space left on device"))
        #expect(try session.quit() == 0)
    }
}

/// A small tmpfs, to run out of space on; nil where the test may not mount one.
struct SmallDisk {
    let folder: URL

    init?(kilobytes: Int) throws {
        folder = try makeTemporaryDirectory()
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", folder.path]
        mount.standardError = FileHandle.nullDevice
        guard (try? mount.run()) != nil else { return nil }
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { return nil }
    }

    /// Writes a file until the disk is full.
    func fill() throws {
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: folder.path + "/filler").creatingFile())
        defer { try? handle.close() }
        let block = Data(repeating: 0x78, count: 4096)
        while (try? handle.write(contentsOf: block)) != nil {}
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [folder.path]
        try? umount.run()
        umount.waitUntilExit()
    }
}

extension URL {
    fileprivate func creatingFile() -> URL {
        FileManager.default.createFile(atPath: path, contents: nil)
        return self
    }
}
