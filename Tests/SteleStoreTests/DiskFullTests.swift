import Foundation
import SteleFixtures
import SteleService
import SteleStore
import Testing

/// Every regular file of a store with its content, except the lock (which holds the last pid).
func snapshot(_ root: String) -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(atPath: root)
    while let relative = enumerator?.nextObject() as? String {
        var isFolder: ObjCBool = false
        let path = root + "/" + relative
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue, relative != "lock" else { continue }
        files[relative] = FileManager.default.contents(atPath: path) ?? Data()
    }
    return files
}

@Suite("A full disk fails the write cleanly")
struct DiskFullTests {
    @Test("on a nearly full 2 MB tmpfs a new version fails with 'no space' and the store stays as it was",
          .enabled(if: TmpfsMount.isPermitted, "needs the right to mount a tmpfs (root); the RLIMIT_FSIZE variant runs instead"))
    func fullTmpfs() throws {
        let point = FileManager.default.temporaryDirectory.appendingPathComponent("stele-full-\(UUID().uuidString)").path
        try #require(mkdir(point, 0o755) == 0 && mount("tmpfs", point, "tmpfs", 0, "size=2m") == 0)
        defer {
            umount2(point, Int32(MNT_DETACH))
            rmdir(point)
        }
        let root = point + "/store"
        let release = ReleaseRef(source: nato, externalID: "news_full")
        let writer = try StoreWriter(at: root)
        defer { writer.close() }
        for round in 1...3 { _ = try writer.record(fetched(["Lead.", "Body \(round)."], at: Double(round)), release: release, language: "en") }

        // Leave about 40 KB free, then try to store a 600 KB version.
        var fs = statvfs()
        statvfs(point, &fs)
        let free = Int(fs.f_bavail) * Int(fs.f_frsize)
        let filler = point + "/filler"
        try Data(count: free - 40_000).write(to: URL(fileURLWithPath: filler))
        let before = snapshot(root)
        let big = (0..<1_000).map { "Paragraphe \($0) : une phrase assez longue pour remplir le disque très vite, n'est-ce pas\u{202F}?" }
        let error = try #require(throws: StoreError.self) { try writer.record(fetched(big, at: 10), release: release, language: "en") }
        #expect(error.isNoSpace, "\(error)")
        #expect(error.description.contains("no space left"))
        #expect(snapshot(root) == before)
        #expect(try writer.store.versionNumbers(release, language: "en") == [1, 2, 3])

        // Once space is freed the same write succeeds and the store is clean.
        unlink(filler)
        #expect(try writer.record(fetched(big, at: 11), release: release, language: "en").metadata.version == 4)
        #expect(StoreChecker(store: writer.store).run().isClean)
    }

    @Test("under RLIMIT_FSIZE a writer process fails with 'no space' and the store stays as it was")
    func fileSizeLimit() throws {
        let store = TemporaryStore("fsize")
        let release = ReleaseRef(source: nato, externalID: "big")
        do {
            let writer = try store.writer()
            defer { writer.close() }
            _ = try writer.record(fetched(["Small."]), release: release, language: "en")
        }
        let before = snapshot(store.root)
        let output = store.root + "-write.out"
        defer { unlink(output) }
        let child = try ChildProcess(executable: storeWriterTool, arguments: ["write", store.root, "400000", "100000"], standardOutput: output)
        #expect(child.wait(timeout: .seconds(60)) == .exited(3))
        let message = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        #expect(message.contains("no space left on the device while writing"), "\(message)")
        #expect(snapshot(store.root) == before)
        #expect(StoreChecker(store: try store.reader()).run().isClean)
    }
}
