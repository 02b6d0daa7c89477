import Foundation
import SteleAlign
import SteleStore
import Testing

/// Damage a person (or a bug, or an attacker with write access) does to a store by hand: the
/// checker must name it, and --repair must neither look through it nor call it clean.
@Suite("stele check on stores damaged by hand")
struct CheckDamageTests {
    let releaseFolder = "sources/nato/releases/news_7"

    func repair(_ store: TemporaryStore) throws -> CheckReport {
        let writer = try store.writer()
        defer { writer.close() }
        return StoreChecker(store: writer.store).run(repairingWith: writer)
    }

    /// A folder outside the store holding what --repair would delete inside it: a leftover and the
    /// files of an uncommitted version.
    func outsideFolder() throws -> String {
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("stele-outside-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: outside + "/en", withIntermediateDirectories: true)
        for name in ["en/.tmp-precious", "en/0002.txt", "en/0001.txt"] { try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: outside + "/" + name)) }
        return outside
    }

    @Test("a symbolic link in place of a release, a language folder or a leftover is reported, and --repair deletes nothing through it",
          arguments: ["sources/nato/releases/news_7", "sources/nato/releases/news_7/fr", "sources/nato/releases/news_7/en/.tmp-0004.txt-1-2"])
    func symbolicLinks(_ planted: String) throws {
        let store = try CheckTests().sample()
        let outside = try outsideFolder()
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let target = planted.hasSuffix(".tmp-0004.txt-1-2") ? outside + "/en/.tmp-precious" : outside
        try? FileManager.default.removeItem(atPath: store.file(planted))
        try FileManager.default.createSymbolicLink(atPath: store.file(planted), withDestinationPath: target)

        let report = StoreChecker(store: try store.reader()).run()
        let link = try #require(report.problems.first { $0.kind == .symbolicLink }, "\(report.problems)")
        #expect(link.path == store.file(planted) && !link.repairable)
        #expect(link.message.contains("is a symbolic link; the store holds only real files and folders: move it away by hand"))

        let repaired = try repair(store)
        #expect(repaired.problems.contains { $0.kind == .symbolicLink })
        for name in ["en/.tmp-precious", "en/0002.txt", "en/0001.txt"] {
            #expect(FileManager.default.fileExists(atPath: outside + "/" + name), "--repair deleted \(name) outside the store")
        }
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: store.file(planted))) == target, "the link itself is left for a person")
    }

    @Test("a deleted language folder is lost versions: reported, not repairable, and --repair never makes the store clean")
    func deletedLanguage() throws {
        let store = try CheckTests().sample()
        try FileManager.default.removeItem(atPath: store.file(releaseFolder + "/en"))
        let index = store.contents("index.tsv")

        let report = StoreChecker(store: try store.reader()).run()
        let lost = report.problems.filter { $0.kind == .missingLanguage }
        #expect(lost.contains { $0.message.contains("release.json says en is present, but no committed version of it is stored") }, "\(report.problems)")
        #expect(lost.contains { $0.path.hasSuffix("align/en-fr.json") })
        #expect(lost.contains { $0.message.contains("the index counts 3 version(s) of en") })
        #expect(!report.isRepairable)

        let repaired = try repair(store)
        #expect(!repaired.isClean && repaired.problems.contains { $0.kind == .missingLanguage })
        #expect(store.exists(releaseFolder + "/align/en-fr.json") && store.contents("index.tsv") == index, "the traces of the lost versions are kept")
        let after = StoreChecker(store: try store.reader()).run()
        #expect(!after.isClean && !after.isRepairable)
    }

    @Test("release.json of a first version whose write never reached its commit point (a crash) is removed by --repair")
    func interruptedFirstWrite() throws {
        let store = TemporaryStore("first")
        let writer = try store.writer()
        _ = try writer.record(fetched(["Lead."]), release: ReleaseRef(source: nato, externalID: "news_7"), language: "en")
        writer.close()
        // The state a kill leaves between release.json and the commit point: the index, written after the commit, never counted it.
        try FileManager.default.removeItem(atPath: store.file(releaseFolder + "/en/0001.json"))
        try FileManager.default.removeItem(atPath: store.file("index.tsv"))

        let report = StoreChecker(store: try store.reader()).run()
        #expect(report.isRepairable && !report.isClean, "\(report.problems)")
        #expect(try repair(store).isClean)
        #expect(!store.exists(releaseFolder + "/release.json") && !store.exists(releaseFolder + "/en/0001.txt"))
    }

    @Test("an alignment whose beads do not cover the paragraphs once and in order, or whose confidence is outside 0…1, is reported and removed by --repair",
          arguments: [
              ("[]", "leave out paragraph 0 of en version 3"),
              (#"[{"source":[1],"target":[0],"confidence":1},{"source":[0],"target":[1],"confidence":1}]"#, "do not take the paragraphs of en version 3 once each and in order"),
              (#"[{"source":[0],"target":[0],"confidence":7},{"source":[1],"target":[1],"confidence":1}]"#, "bead 0 has confidence 7.0, outside 0…1"),
              (#"[{"source":[0],"target":[0],"confidence":1},{"source":[1],"target":[1],"confidence":-3}]"#, "bead 1 has confidence -3.0, outside 0…1"),
              (#"[{"source":[0,0],"target":[0],"confidence":1},{"source":[1],"target":[1],"confidence":1}]"#, "once each and in order"),
          ])
    func invalidAlignment(_ beads: String, _ message: String) throws {
        let store = try CheckTests().sample()
        let path = releaseFolder + "/align/en-fr.json"
        let text = try #require(store.contents(path))
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        object["beads"] = try JSONSerialization.jsonObject(with: Data(beads.utf8))
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: store.file(path)))

        let report = StoreChecker(store: try store.reader()).run()
        #expect(report.problems.map(\.kind) == [.invalidAlignment], "\(report.problems)")
        #expect(report.problems.first?.message.contains(message) == true, "\(report.problems)")
        #expect(report.isRepairable)
        #expect(try repair(store).isClean)
        #expect(!store.exists(path))
    }

    @Test("a release folder replaced by a regular file is reported as not a folder")
    func releaseReplacedByFile() throws {
        let store = try CheckTests().sample()
        try FileManager.default.removeItem(atPath: store.file(releaseFolder))
        try store.write("not a release\n", to: releaseFolder)

        let report = StoreChecker(store: try store.reader()).run()
        let problem = try #require(report.problems.first { $0.path == store.file(releaseFolder) }, "\(report.problems)")
        #expect(problem.kind == .unexpectedFile && problem.message.hasPrefix("is not a folder") && !problem.repairable)
        let repaired = try repair(store)
        #expect(!repaired.isClean && store.contents(releaseFolder) == "not a release\n")
    }
}

@Suite("The writer and planted symbolic links")
struct WriterLinkTests {
    @Test("the writer refuses to write through a symbolic link in place of any folder on the way to a version",
          arguments: ["sources/nato", "sources/nato/releases", "sources/nato/releases/news_7", "sources/nato/releases/news_7/en"])
    func refusesLinks(_ planted: String) throws {
        let store = try CheckTests().sample()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("stele-outside-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: outside) }
        // The folder moves out of the store with what it holds, and a link takes its place.
        try FileManager.default.moveItem(atPath: store.file(planted), toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: store.file(planted), withDestinationPath: outside)
        let before = try FileManager.default.subpathsOfDirectory(atPath: outside).sorted()

        let writer = try store.writer()
        defer { writer.close() }
        let release = ReleaseRef(source: nato, externalID: "news_7")
        #expect(throws: StoreError.symbolicLink(path: store.file(planted))) {
            try writer.record(fetched(["Lead.", "Body 4."], at: 4), release: release, language: "en")
        }
        #expect(try FileManager.default.subpathsOfDirectory(atPath: outside).sorted() == before)
    }
}
