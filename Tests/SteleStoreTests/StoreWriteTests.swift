import Foundation
import SteleDiff
import SteleAlign
import SteleStore
import Testing

@Suite("Writing and reading versions")
struct StoreWriteTests {
    let release = ReleaseRef(source: nato, externalID: "news_231374")

    @Test("a first version writes the text one paragraph a line, the raw bytes and its metadata")
    func firstVersion() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        let outcome = try writer.record(fetched(["Allies met.", "They agreed.\nOn everything."], raw: "<p>Allies met.</p>", etag: "\"v1\""), release: release, language: "en")
        guard case .newVersion(let metadata) = outcome else { Issue.record("expected a new version"); return }
        #expect(metadata.version == 1 && metadata.paragraphs == 2 && metadata.etag == "\"v1\"" && metadata.changes == nil)
        #expect(store.contents("sources/nato/releases/news_231374/en/0001.txt") == "Allies met.\nThey agreed. On everything.\n")
        #expect(store.contents("sources/nato/releases/news_231374/en/0001.html") == "<p>Allies met.</p>")
        #expect(store.contents("store.json")?.contains("\"format\" : 1") == true)
        let reread = try store.reader().metadata(release, language: "en", version: 1)
        #expect(reread == metadata)
        #expect(reread.sha256 == "cdd9fe2dcaf1bdf15e32e3c4e2e3f8b3b95cc45a09bd1b8ba73dfd8aec1f1ae3" || reread.sha256.count == 64)
    }

    @Test("the same text again records 'seen', not a version; a changed text is version 2 with its diff")
    func seenThenChanged() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        _ = try writer.record(fetched(["One.", "Two."]), release: release, language: "en")
        let seen = try writer.record(fetched(["One.", "Two."], at: 600, etag: "\"new\""), release: release, language: "en")
        guard case .unchanged(let metadata) = seen else { Issue.record("expected no new version"); return }
        #expect(metadata.version == 1 && metadata.seenCount == 2 && metadata.lastSeenAt == date0.addingTimeInterval(600) && metadata.etag == "\"new\"")
        #expect(!store.exists("sources/nato/releases/news_231374/en/0002.json"))

        let changed = try writer.record(fetched(["One.", "Two, revised.", "Three."], at: 1200), release: release, language: "en")
        #expect(changed.metadata.version == 2)
        #expect(changed.metadata.changes == DiffStatistics(paragraphsAdded: 1, paragraphsChanged: 1, wordsAdded: 2))
        let diff = try #require(store.contents("sources/nato/releases/news_231374/en/0002.diff"))
        #expect(diff == "--- 0001.txt\n+++ 0002.txt\n@@ -1,2 +1,3 @@\n One.\n-Two.\n+Two, revised.\n+Three.\n")
        let reader = try store.reader()
        #expect(try UnifiedPatch.apply(diff, to: reader.text(release, language: "en", version: 1)) == reader.text(release, language: "en", version: 2))
        #expect(try reader.versionNumbers(release, language: "en") == [1, 2])
        #expect(try reader.latestVersion(release, language: "en") == changed.metadata)
        #expect(try reader.latestVersion(release, language: "fr") == nil)
        #expect(try reader.paragraphs(release, language: "en", version: 2) == ["One.", "Two, revised.", "Three."])
    }

    @Test("the first version of a release creates release.json with the language present and the original id")
    func releaseRecordCreated() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        let hashed = ReleaseRef(source: nato, externalID: "news 231374?selectedLocale=fr")
        _ = try writer.record(fetched(["Texte."]), release: hashed, language: "fr")
        let record = try #require(try store.reader().release(hashed))
        #expect(record.originalID == "news 231374?selectedLocale=fr")
        #expect(record.languages["fr"]?.status == .present)
        #expect(try store.reader().languages(hashed) == ["fr"])
    }

    @Test("a text with no paragraph is refused, not stored as a version", arguments: [[], [""], [" ", "\n"]] as [[String]])
    func emptyText(paragraphs: [String]) throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        #expect(throws: StoreError.emptyText(release: "nato/news_231374", language: "en")) { try writer.record(fetched(paragraphs), release: release, language: "en") }
        #expect(try writer.store.versionNumbers(release, language: "en").isEmpty)
    }

    @Test("alignments, feed state and release records read back as written")
    func records() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        _ = try writer.record(fetched(["A.", "B."]), release: release, language: "en")
        _ = try writer.record(fetched(["A fr.", "B fr."]), release: release, language: "fr")
        let alignment = AlignmentRecord(source: .init(language: "en", version: 1), target: .init(language: "fr", version: 1), computedAt: date0, method: "test",
                                        beads: [AlignmentBead(source: [0], target: [0], confidence: 0.9), AlignmentBead(source: [1], target: [1], confidence: 0.5)])
        try writer.saveAlignment(alignment, release: release)
        #expect(try store.reader().alignment(release, sourceLanguage: "en", targetLanguage: "fr") == alignment)
        #expect(store.exists("sources/nato/releases/news_231374/align/en-fr.json"))

        let state = SourceState(feeds: [FeedState(url: "https://www.nato.int/rss.xml", etag: "\"x\"", lastPoll: date0, consecutiveFailures: 2, nextDue: date0.addingTimeInterval(60))])
        try writer.saveSourceState(state, source: nato)
        #expect(try store.reader().sourceState(nato) == state)

        var record = try #require(try store.reader().release(release))
        record.languages["uk"] = LanguageEntry(url: "https://www.nato.int/x?selectedLocale=uk", status: .pending, nextCheck: date0)
        record.languages["en"]?.title = "Allies meet"
        try writer.saveRelease(record)
        #expect(try store.reader().release(release) == record)
    }

    @Test("an alignment that points to a version that does not exist is refused")
    func alignmentToMissingVersion() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        _ = try writer.record(fetched(["A."]), release: release, language: "en")
        let alignment = AlignmentRecord(source: .init(language: "en", version: 1), target: .init(language: "fr", version: 1), computedAt: date0, beads: [])
        #expect(throws: StoreError.self) { try writer.saveAlignment(alignment, release: release) }
    }

    @Test("events get increasing sequence numbers and a follower resumes from its offset")
    func events() throws {
        let store = TemporaryStore()
        do {
            let writer = try store.writer()
            try writer.append(StoreEvent(time: date0, kind: "release", source: nato, release: "news_1"))
            writer.close()
        }
        let first = try store.reader().events()
        #expect(first.events.map(\.sequence) == [1])
        // A line cut by a crash is invisible to readers and removed by the next writer.
        let handle = try #require(FileHandle(forWritingAtPath: store.file("events.jsonl")))
        handle.seekToEndOfFile()
        handle.write(Data("{\"sequence\":2,\"ki".utf8))
        try handle.close()
        #expect(try store.reader().events(after: first.nextOffset).events.isEmpty)
        let writer = try store.writer()
        defer { writer.close() }
        let appended = try writer.append(StoreEvent(time: date0, kind: "version", source: nato, release: "news_1", language: "en", version: 1))
        #expect(appended.sequence == 2)
        let next = try store.reader().events(after: first.nextOffset)
        #expect(next.events.map(\.kind) == ["version"])
    }

    @Test("the index lists every release with its version counts, as a scan of the folders does")
    func index() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        for number in 0..<5 {
            let ref = ReleaseRef(source: nato, externalID: "news_\(number)")
            for round in 0...number { _ = try writer.record(fetched(["Round \(round)."]), release: ref, language: "en") }
        }
        writer.close()
        let summaries = try store.reader().summaries()
        #expect(summaries.count == 5)
        #expect(summaries.first { $0.key.rawValue == "news_3" }?.languages["en"]?.versions == 4)
        #expect(!store.exists("index.dirty"))
        // A writer that died leaves the marker; the next writer rebuilds the index from the folders.
        try store.write("", to: "index.dirty")
        try store.write("garbage\n", to: "index.tsv")
        let next = try store.writer()
        next.close()
        #expect(try store.reader().summaries().count == 5)
    }

    @Test("a damaged release.json does not keep a writer from opening the store when the index is rebuilt")
    func rebuildPastDamage() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        for number in 1...2 { _ = try writer.record(fetched(["Text \(number)."]), release: ReleaseRef(source: nato, externalID: "news_\(number)"), language: "en") }
        writer.close()
        try store.write("{ not json", to: "sources/nato/releases/news_1/release.json")
        try store.write("", to: "index.dirty")
        let next = try store.writer()
        next.close()
        #expect(try store.reader().summaries().map(\.key.rawValue) == ["news_2"])
    }

    @Test("an index line with a date out of any calendar (written by hand, damaged) reads as no date", arguments: ["1e300", "inf", "nan", "-1e300", "99999999999999999"])
    func indexDateOutOfRange(value: String) throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        _ = try writer.record(fetched(["One."]), release: ReleaseRef(source: nato, externalID: "news_1"), language: "en")
        writer.close()
        let index = store.contents("index.tsv") ?? ""
        try store.write(index + "nato\tnews_2\tTitle\t\(value)\t\(value)\ten:present:1:\(value)\n", to: "index.tsv")
        let summary = try #require(try store.reader().summaries().first { $0.key.rawValue == "news_2" })
        #expect(summary.published == nil && summary.firstSeen == nil)
        #expect(summary.languages["en"]?.latestFetchedAt == nil)
    }

    @Test("index updates held for a batch of writes to a release land once, at its end, even when the batch fails")
    func heldIndexUpdates() throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        let ref = ReleaseRef(source: nato, externalID: "news_1")
        func lines() -> Int { (store.contents("index.tsv") ?? "").split(separator: "\n").filter { !$0.hasPrefix("#") }.count }
        let before = lines()
        try writer.holdingIndexUpdates(of: ref) { () throws(StoreError) in
            _ = try writer.record(fetched(["One."]), release: ref, language: "en")
            _ = try writer.record(fetched(["Un."]), release: ref, language: "fr")
            #expect(lines() == before)
        }
        #expect(lines() == before + 1)
        #expect(try store.reader().summaries().first?.languages.keys.sorted() == ["en", "fr"])

        #expect(throws: StoreError.self) {
            try writer.holdingIndexUpdates(of: ref) { () throws(StoreError) in
                _ = try writer.record(fetched(["Two."]), release: ref, language: "en")
                _ = try writer.record(fetched(["Deux."]), release: ref, language: "..")
            }
        }
        #expect(lines() == before + 2)
        #expect(try store.reader().summaries().first?.languages["en"]?.versions == 2)
    }

    @Test("the index gives back every date exactly as the metadata holds it", arguments: [1_764_849_600.123, -86_400.5, 4_102_444_800.999, 0.001, 1_000_000_000.1, 0])
    func indexDates(seconds: Double) throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        let ref = ReleaseRef(source: nato, externalID: "news_1")
        let fetched = FetchedText(paragraphs: ["Text."], url: "https://example.org/1", fetchedAt: Date(timeIntervalSince1970: seconds))
        _ = try writer.record(fetched, release: ref, language: "en")
        writer.close()
        let summary = try #require(try store.reader().summaries().first)
        #expect(summary.languages["en"]?.latestFetchedAt == (try store.reader().latestVersion(ref, language: "en"))?.fetchedAt)
        #expect(summary.firstSeen == (try store.reader().release(ref))?.firstSeen)
    }

    @Test("language codes that are not codes are refused", arguments: ["..", "a/b", "", "EN", "e", "english"])
    func badLanguages(name: String) throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        #expect(throws: StoreError.self) { try writer.record(fetched(["A."]), release: release, language: name) }
    }

    @Test("source ids that are not safe folder names are refused", arguments: ["..", ".", "a/b", "", "/etc", ".hidden"])
    func badSources(name: String) throws {
        let store = TemporaryStore()
        let writer = try store.writer()
        defer { writer.close() }
        #expect(throws: StoreError.self) { try writer.record(fetched(["A."]), release: ReleaseRef(source: name, key: release.key), language: "en") }
    }
}

@Suite("Dates in the store's files")
struct StoreDateTests {
    @Test("dates are written as UTC with milliseconds and read back to the millisecond", arguments: [
        (0, "1970-01-01T00:00:00.000Z"), (1_750_000_000.123, "2025-06-15T15:06:40.123Z"), (-86_400.5, "1969-12-30T23:59:59.500Z"),
        (951_782_400, "2000-02-29T00:00:00.000Z"), (4_102_444_799.999, "2099-12-31T23:59:59.999Z"), (1_709_210_096.5, "2024-02-29T12:34:56.500Z"),
    ] as [(Double, String)])
    func roundTrip(seconds: Double, expected: String) throws {
        let metadata = SourceState(feeds: [FeedState(url: "u", lastPoll: Date(timeIntervalSince1970: seconds))])
        let store = TemporaryStore("dates")
        let writer = try store.writer()
        defer { writer.close() }
        try writer.saveSourceState(metadata, source: nato)
        let text = try #require(store.contents("sources/nato/state.json"))
        #expect(text.contains("\"lastPoll\" : \"\(expected)\""))
        let read = try #require(try store.reader().sourceState(nato)?.feeds.first?.lastPoll)
        #expect(abs(read.timeIntervalSince1970 - seconds) < 0.001)
    }
}
