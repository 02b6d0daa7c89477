import Foundation
import SteleAlign
import SteleStore
import Testing

@Suite("stele check and --repair")
struct CheckTests {
    let release = ReleaseRef(source: nato, externalID: "news_7")
    let folder = "sources/nato/releases/news_7/en/"

    /// A store with three English versions and one French, aligned.
    func sample() throws -> TemporaryStore {
        let store = TemporaryStore("check")
        let writer = try store.writer()
        defer { writer.close() }
        for round in 1...3 { _ = try writer.record(fetched(["Lead.", "Body \(round)."], at: Double(round)), release: release, language: "en") }
        _ = try writer.record(fetched(["Chapeau.", "Corps."]), release: release, language: "fr")
        try writer.saveAlignment(AlignmentRecord(source: .init(language: "en", version: 3), target: .init(language: "fr", version: 1), computedAt: date0,
                                                 beads: [AlignmentBead(source: [0], target: [0], confidence: 1), AlignmentBead(source: [1], target: [1], confidence: 1)]), release: release)
        try writer.append(StoreEvent(kind: "version"))
        return store
    }

    @Test("a store written normally is clean")
    func clean() throws {
        let store = try sample()
        let report = StoreChecker(store: try store.reader()).run()
        #expect(report.isClean, "\(report.problems)")
        #expect(report.releases == 1 && report.versions == 4 && report.alignments == 1)
    }

    @Test("leftovers of interrupted writes are found, repaired, and committed versions kept")
    func leftovers() throws {
        let store = try sample()
        try store.write("half", to: folder + ".tmp-0004.txt-123-456")
        try store.write("Lead.\n", to: folder + "0004.txt")
        try store.write("--- 0003.txt\n", to: folder + "0004.diff")
        try store.write("{", to: "sources/nato/releases/news_7/.tmp-release.json-1-2")
        let report = StoreChecker(store: try store.reader()).run()
        #expect(report.problems.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.leftover, .leftover, .uncommittedVersion, .uncommittedVersion])
        #expect(report.isRepairable)

        let writer = try store.writer()
        let repaired = StoreChecker(store: writer.store).run(repairingWith: writer)
        writer.close()
        #expect(repaired.isClean && repaired.repaired.count == 4)
        #expect(!store.exists(folder + "0004.txt") && store.exists(folder + "0003.txt"))
        #expect(StoreChecker(store: try store.reader()).run().isClean)
    }

    @Test("a missing or wrong diff is rebuilt from the two texts")
    func diffsRebuilt() throws {
        let store = try sample()
        try FileManager.default.removeItem(atPath: store.file(folder + "0002.diff"))
        try store.write("--- 0002.txt\n+++ 0003.txt\n@@ -1 +1 @@\n-Lead.\n+Lede.\n", to: folder + "0003.diff")
        let report = StoreChecker(store: try store.reader()).run()
        #expect(Set(report.problems.map(\.kind)) == [.missingDiff, .wrongDiff])
        let writer = try store.writer()
        #expect(StoreChecker(store: writer.store).run(repairingWith: writer).isClean)
        writer.close()
        #expect(store.contents(folder + "0003.diff") == "--- 0002.txt\n+++ 0003.txt\n@@ -1,2 +1,2 @@\n Lead.\n-Body 2.\n+Body 3.\n")
    }

    @Test("an altered text is reported, not repairable, and never deleted")
    func alteredText() throws {
        let store = try sample()
        try store.write("Lead.\nBody 9.\n", to: folder + "0002.txt")
        let writer = try store.writer()
        let report = StoreChecker(store: writer.store).run(repairingWith: writer)
        writer.close()
        #expect(report.problems.map(\.kind) == [.wrongHash])
        #expect(!report.isRepairable)
        #expect(store.contents(folder + "0002.txt") == "Lead.\nBody 9.\n")
    }

    @Test("unparsable metadata and a hole in the version numbers are reported")
    func brokenMetadata() throws {
        let store = try sample()
        try store.write("{\"version\": 2", to: folder + "0002.json")
        var report = StoreChecker(store: try store.reader()).run()
        var unreadable = try #require(report.problems.first { $0.kind == .unreadable && $0.path.hasSuffix("0002.json") })
        // check's own report does not send the reader to run check.
        #expect(unreadable.message.contains("is damaged: ") && !unreadable.message.contains("run stele check"))
        // A metadata file larger than any Stele writes is damage too, refused before it is read.
        try store.write("{\"pad\": \"" + String(repeating: "x", count: 33 << 20) + "\"}", to: folder + "0002.json")
        report = StoreChecker(store: try store.reader()).run()
        unreadable = try #require(report.problems.first { $0.kind == .unreadable && $0.path.hasSuffix("0002.json") })
        #expect(unreadable.message.contains("more than the 33554432 of any such file Stele writes"))
        try FileManager.default.removeItem(atPath: store.file(folder + "0002.json"))
        report = StoreChecker(store: try store.reader()).run()
        #expect(report.problems.contains { $0.kind == .missingVersion })
        #expect(!report.isRepairable)
    }

    @Test("an alignment pointing to a version that is not there is reported and removed by --repair")
    func danglingAlignment() throws {
        let store = try sample()
        let path = "sources/nato/releases/news_7/align/en-fr.json"
        let text = try #require(store.contents(path))
        try store.write(text.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 9"), to: path)
        #expect(StoreChecker(store: try store.reader()).run().problems.map(\.kind) == [.danglingAlignment])
        let writer = try store.writer()
        #expect(StoreChecker(store: writer.store).run(repairingWith: writer).isClean)
        writer.close()
        #expect(!store.exists(path))
    }

    @Test("a stale index is reported and rebuilt")
    func staleIndex() throws {
        let store = try sample()
        try store.write("", to: "index.tsv")
        #expect(StoreChecker(store: try store.reader()).run().problems.map(\.kind) == [.staleIndex])
        let writer = try store.writer()
        #expect(StoreChecker(store: writer.store).run(repairingWith: writer).isClean)
        writer.close()
        #expect(try store.reader().summaries().count == 1)
    }
}
