import Foundation
import SteleAlign
import SteleReports
import SteleStore
import Testing

/// The reading commands on a store damaged by hand: they never show damage as if it were the
/// stored versions, and never mistake it for something that does not exist.
@Suite("Reading a damaged store")
struct DamagedStoreTests {
    /// Two releases in English and French, aligned 1-1; `news_1`'s files are then damaged by the tests.
    final class SmallStore {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-damaged-\(UUID().uuidString)").path
        let damaged = ReleaseRef(source: "nato", externalID: "news_1")
        let intact = ReleaseRef(source: "nato", externalID: "news_2")

        init() throws {
            let writer = try StoreWriter(at: root)
            defer { writer.close() }
            for release in [damaged, intact] {
                _ = try writer.record(FetchedText(paragraphs: ["The Council met today.", "It agreed on the plan."], url: "https://example.org/en"), release: release, language: "en")
                _ = try writer.record(FetchedText(paragraphs: ["Le Conseil s'est réuni aujourd'hui.", "Il a adopté le plan."], url: "https://example.org/fr"), release: release, language: "fr")
                try writer.saveAlignment(AlignmentRecord(source: .init(language: "en", version: 1), target: .init(language: "fr", version: 1), computedAt: Date(),
                                                         beads: [AlignmentBead(source: [0], target: [0], confidence: 0.9), AlignmentBead(source: [1], target: [1], confidence: 0.9)]), release: release)
            }
        }

        deinit { try? FileManager.default.removeItem(atPath: root) }

        var store: Store { get throws { try Store(at: root) } }
        func path(_ relative: String) -> String { root + "/sources/nato/releases/news_1/" + relative }
        func reader() throws -> ReleaseReader { try ReleaseReader(store: try store, release: damaged) }
    }

    @Test("a version of more paragraphs than the aligner takes is an error for diff, not an alignment without bound")
    func tooManyParagraphsToCompare() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("stele-long-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        let release = ReleaseRef(source: "nato", externalID: "news_9")
        let writer = try StoreWriter(at: root)
        _ = try writer.record(FetchedText(paragraphs: ["The Council met today."], url: "https://example.org/en"), release: release, language: "en")
        let long = (0...ParagraphAligner.maximumParagraphs).map { "Paragraphe \($0)." }
        _ = try writer.record(FetchedText(paragraphs: long, url: "https://example.org/fr"), release: release, language: "fr")
        writer.close()
        let reader = try ReleaseReader(store: try Store(at: root), release: release)
        #expect(throws: ReportError.tooManyParagraphs(count: ParagraphAligner.maximumParagraphs + 1, limit: ParagraphAligner.maximumParagraphs)) {
            try LanguageComparison(reader, source: try reader.resolve(VersionSpec(language: "en")), target: try reader.resolve(VersionSpec(language: "fr")))
        }
    }

    @Test("a text replaced after it was stored (other words, random bytes) is an error naming the file, for show, diff and export",
          arguments: ["The Council did not meet.\nIt agreed on the plan.\n", "\u{1}\u{FFFD}\u{7F}garbage"])
    func alteredText(_ replacement: String) throws {
        let small = try SmallStore()
        try Data(replacement.utf8).write(to: URL(fileURLWithPath: small.path("en/0001.txt")))
        let reader = try small.reader()
        let english = try reader.resolve(VersionSpec(language: "en"))
        let expected = ReportError.store(.altered(path: small.path("en/0001.txt"), metadata: small.path("en/0001.json")))
        #expect(throws: expected) { try reader.text(english) }
        #expect(expected.description.contains("\(small.path("en/0001.txt")) changed after it was stored") && expected.description.contains("stele check lists such damage"))
        #expect(!expected.isUsageError)
        let french = try reader.resolve(VersionSpec(language: "fr"))
        #expect(throws: expected) { try LanguageComparison(reader, source: english, target: french) }

        var pairs: [AlignedPair] = []
        let count = try PairExporter(store: try small.store, options: ExportOptions()).run { pairs.append($0) }
        #expect(count.unreadable.count == 1 && count.unreadable[0].contains("nato/news_1: \(expected)"))
        #expect(count.releases == 1 && pairs.count == 2 && pairs.allSatisfy { $0.release == small.intact })
    }

    @Test("a stored alignment with impossible confidences or crossing beads is not used: the versions are aligned again", arguments: [
        #"[{"source":[0],"target":[0],"confidence":7},{"source":[1],"target":[1],"confidence":-3}]"#,
        #"[{"source":[1],"target":[0],"confidence":1},{"source":[0],"target":[1],"confidence":1}]"#,
    ])
    func invalidAlignment(_ beads: String) throws {
        let small = try SmallStore()
        let path = small.path("align/en-fr.json")
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
        object["beads"] = try JSONSerialization.jsonObject(with: Data(beads.utf8))
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        let reader = try small.reader()
        let comparison = try LanguageComparison(reader, source: try reader.resolve(VersionSpec(language: "en")), target: try reader.resolve(VersionSpec(language: "fr")))
        #expect(comparison.origin == .computed)
        #expect(comparison.rows.allSatisfy { (0...1).contains($0.confidence) })
        #expect(comparison.rows.flatMap(\.source) == [0, 1])
    }

    @Test("a release folder replaced by a file resolves to that release and reads as damaged, not unknown")
    func releaseReplacedByFile() throws {
        let small = try SmallStore()
        let folder = small.root + "/sources/nato/releases/news_1"
        try FileManager.default.removeItem(atPath: folder)
        try Data("not a release\n".utf8).write(to: URL(fileURLWithPath: folder))
        let release = try ReleaseResolver(store: try small.store).resolve("news_1")
        #expect(release == small.damaged)
        let expected = ReportError.store(.corrupt(path: folder, reason: "it is not a folder, where a release is a folder holding release.json"))
        #expect(throws: expected) { try ReleaseReader(store: try small.store, release: release) }
        #expect(expected.description.hasPrefix("\(folder) is damaged: it is not a folder") && !expected.isUsageError)

        let count = try PairExporter(store: try small.store, options: ExportOptions(pairs: [LanguagePair(parsing: "en-fr")])).run { _ in }
        #expect(count.unreadable == ["nato/news_1: \(expected)"] && count.written == 2)
    }
}
