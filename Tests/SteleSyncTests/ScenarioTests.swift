import Foundation
import SteleAlign
import SteleFixtures
import SteleStore
import SteleSync
import SteleSyncFixtures
import Testing

/// Issue 7's scenario, step by step, on one store: each step changes the site, moves the clock and
/// runs the passes that are due, then checks the store.
@Suite("A NATO-like site over days, step by step")
struct ScenarioTests {
    let first = NATOLikeSite.firstNumber

    @Test("releases, late translations, corrections, lead-only translations, silence, outages and a broken feed")
    func scenario() async throws {
        let harness = try SyncHarness(releases: 3)
        try await englishOnly(harness)
        try await frenchArrives(harness)
        try await englishCorrected(harness)
        try await ukrainianLeadOnly(harness)
        try await nothingChanges(harness)
        try await outageAndRecovery(harness)
        try await malformedFeed(harness)
    }

    /// (1) Three releases in English only: three releases stored, French and Ukrainian pending
    /// (their addresses serve the English body).
    private func englishOnly(_ harness: SyncHarness) async throws {
        let report = try await harness.pass()
        #expect(report.newReleases == 3)
        #expect(report.newVersions == ["en": 3])
        #expect(report.newlyPending == 6)
        #expect(report.failures.isEmpty)
        for number in harness.site.releaseNumbers {
            let record = try harness.record(number)
            #expect(record.languages["en"]?.status == .present)
            #expect(record.languages["fr"]?.status == .pending)
            #expect(record.languages["uk"]?.status == .pending)
            #expect(try harness.versions(number, "fr").isEmpty)
            #expect(try harness.store.paragraphs(harness.release(number), language: "en", version: 1) == harness.site.paragraphs(number, "en"))
        }
        #expect(try harness.events().filter { $0.kind == "translation-pending" }.count == 6)
    }

    /// (2) The French of one release appears: one new French version, aligned.
    private func frenchArrives(_ harness: SyncHarness) async throws {
        harness.site.setTranslation(first, "fr", .available)
        harness.clock.advance(hours: 1.2)  // the pending translations are checked hourly at first
        let report = try await harness.pass()
        #expect(report.newVersions == ["fr": 1])
        #expect(report.nowAvailable == 1)
        #expect(try harness.record(first).languages["fr"]?.status == .present)
        #expect(try harness.store.paragraphs(harness.release(first), language: "fr", version: 1) == harness.site.paragraphs(first, "fr"))
        let alignment = try #require(try harness.store.alignment(harness.release(first), sourceLanguage: "en", targetLanguage: "fr"))
        #expect(alignment.source.version == 1 && alignment.target.version == 1)
        #expect(alignment.beads.allSatisfy { $0.source.count == 1 && $0.target.count == 1 })
        #expect(try harness.events().contains { $0.kind == "translation-available" && $0.release == NATOLikeSite.key(first) && $0.language == "fr" })
    }

    /// (3) The English of that release is corrected: a second English version with its diff, realigned.
    private func englishCorrected(_ harness: SyncHarness) async throws {
        harness.site.correctEnglish(first)
        harness.clock.advance(hours: 7)  // known versions are re-read every 6 hours at first
        let report = try await harness.pass()
        #expect(report.newVersions["en"] == 1)
        #expect(try harness.versions(first, "en") == [1, 2])
        let diff = try #require(try harness.store.diff(harness.release(first), language: "en", version: 2))
        #expect(diff.contains("+") && diff.contains("This paragraph was updated (revision 1)."))
        let alignment = try #require(try harness.store.alignment(harness.release(first), sourceLanguage: "en", targetLanguage: "fr"))
        #expect(alignment.source.version == 2 && alignment.target.version == 1)
        #expect(try harness.events().contains { $0.kind == "version-revised" && $0.language == "en" && $0.version == 2 })
    }

    /// (4) The Ukrainian appears with only the lead paragraph: stored, aligned with the untranslated tail.
    private func ukrainianLeadOnly(_ harness: SyncHarness) async throws {
        harness.site.setTranslation(first, "uk", .partial(paragraphs: 1))
        harness.clock.advance(hours: 1.2)
        let report = try await harness.pass()
        #expect(report.newVersions["uk"] == 1)
        #expect(try harness.store.paragraphs(harness.release(first), language: "uk", version: 1).count == 1)
        let alignment = try #require(try harness.store.alignment(harness.release(first), sourceLanguage: "en", targetLanguage: "uk"))
        let english = harness.site.paragraphs(first, "en").count
        #expect(alignment.beads.first.map { $0.source == [0] && $0.target == [0] } == true)
        #expect(alignment.beads.dropFirst().allSatisfy { $0.target.isEmpty && $0.source.count == 1 })
        #expect(alignment.beads.count == english)
    }

    /// (5) Nothing changes: every request is conditional and answered 304; no version is written.
    private func nothingChanges(_ harness: SyncHarness) async throws {
        let versionsBefore = try harness.store.summaries().map { $0.languages.mapValues(\.versions) }
        harness.server.resetLog()
        let report = try await harness.fetchAll()
        let requests = harness.server.requests
        #expect(!requests.isEmpty)
        #expect(requests.allSatisfy { $0.request.header("If-None-Match") != nil && $0.status == 304 })
        #expect(report.newVersions.isEmpty)
        #expect(try harness.store.summaries().map { $0.languages.mapValues(\.versions) } == versionsBefore)
    }

    /// (6) The server fails with 503 and Retry-After, then 500s, then recovers: nothing lost, the
    /// backoff visible in the state.
    private func outageAndRecovery(_ harness: SyncHarness) async throws {
        let versionsBefore = try harness.store.summaries().map { $0.languages.mapValues(\.versions) }
        harness.faults.add(NATOLikeSite.feedPath, FixtureResponse(status: 503, headers: [("Retry-After", "600")]), times: 1)
        harness.faults.add("/", FixtureResponse(status: 500), times: 4)
        harness.clock.advance(seconds: 1000)  // the feed is due (15 minutes)
        var report = try await harness.pass()
        #expect(report.failures.contains { $0.message.contains("HTTP 503") })
        var feed = try #require(try harness.store.sourceState("nato")?.feeds.first)
        #expect(feed.consecutiveFailures == 1)
        #expect(feed.nextDue == harness.clock.now + 600)

        harness.clock.advance(seconds: 601)
        report = try await harness.pass()
        feed = try #require(try harness.store.sourceState("nato")?.feeds.first)
        #expect(feed.consecutiveFailures == 2)
        #expect(feed.lastError == "status-500")
        #expect(feed.nextDue == harness.clock.now + 60)  // 120 s ceiling, jitter 0.5

        harness.faults.clear()
        harness.clock.advance(seconds: 61)
        report = try await harness.pass()
        feed = try #require(try harness.store.sourceState("nato")?.feeds.first)
        #expect(feed.consecutiveFailures == 0)
        #expect(feed.lastError == nil)
        #expect(report.failures.isEmpty)
        #expect(try harness.store.summaries().map { $0.languages.mapValues(\.versions) } == versionsBefore)
    }

    /// (7) A malformed feed: the items before the fault are used and no release is dropped.
    private func malformedFeed(_ harness: SyncHarness) async throws {
        let newest = harness.site.addRelease()
        let feed = try #require(harness.site.respond(to: FixtureRequest(target: NATOLikeSite.feedPath)).bodyText)
        let cut = feed.range(of: "</item>")!.upperBound  // the newest item is first: keep it, break the rest
        harness.faults.add(NATOLikeSite.feedPath, .text(String(feed[..<cut]) + "<item><title>broken", contentType: "application/rss+xml"))
        harness.clock.advance(seconds: 1000)
        let report = try await harness.pass()
        #expect(report.newReleases == 1)
        #expect(try harness.store.release(harness.release(newest)) != nil)
        #expect(try harness.store.releases(source: "nato").count == 4)
        for number in harness.site.releaseNumbers.dropLast() {
            #expect(try harness.versions(number, "en").isEmpty == false)
        }
    }
}

extension FixtureResponse {
    var bodyText: String? {
        if case .bytes(let bytes) = body { return String(decoding: bytes, as: UTF8.self) }
        return nil
    }
}
