import Foundation
import SteleAlign
import SteleConfig
import SteleFixtures
import SteleStore
import SteleSync
import SteleSyncFixtures
import Testing

/// Issue 9's fault matrix against the engine: each fault is injected into the fixture site, one
/// pass runs, and the outcome is checked — the failure reported once with its address, a pause
/// before the next attempt, nothing wrong stored, and the rest of the work done.
@Suite("Faults: every one ends in the right state, and the rest of the work is done")
struct FaultMatrixTests {
    static let first = NATOLikeSite.firstNumber
    static let englishPage = NATOLikeSite.pagePath(first)

    /// One page fails; the two other releases are still stored and the failing page waits for its retry.
    @Test("a page that fails in transfer is retried later and holds up nothing", arguments: [
        ("connection reset mid-body", FixtureResponse(body: .reset(Array("<html>".utf8), declaredLength: 5000)), "connection-lost"),
        ("connection closed before answering", FixtureResponse(body: .hangUp), "connection-lost"),
        ("an endless body", FixtureResponse(body: .endless(pattern: Array("<p>again</p>".utf8))), "body-too-large"),
        ("a 50 MB page", FixtureResponse(headers: [("Content-Type", "text/html")], body: .repeated(UInt8(ascii: "a"), count: 50 << 20)), "body-too-large"),
        ("a redirect loop", FixtureResponse.redirect(to: englishPage, status: 302), "too-many-redirects"),
        ("a redirect to file://", FixtureResponse.redirect(to: "file:///etc/passwd", status: 302), "forbidden-scheme"),
        ("HTTP 500", FixtureResponse(status: 500), "status-500"),
        ("a slow drip", FixtureResponse(body: .drip(Array(repeating: UInt8(ascii: "."), count: 100), interval: .milliseconds(700))), "timeout-low-speed"),
    ] as [(String, FixtureResponse, String)])
    func pageFault(name: String, response: FixtureResponse, code: String) async throws {
        let harness = try SyncHarness(releases: 3) { configuration, _ in
            configuration.http.maxBodyBytes = 1 << 20
            configuration.http.lowSpeedLimit = 10
            configuration.http.lowSpeedTime = .seconds(1)
        }
        harness.faults.add(Self.englishPage, response, exact: true)
        let report = try await harness.pass()
        let failures = report.failures.filter { $0.url.hasSuffix(Self.englishPage) }
        #expect(failures.count == 1, "\(name): \(report.failures)")
        #expect(try harness.versions(Self.first, "en").isEmpty)
        for number in harness.site.releaseNumbers.dropFirst() {
            #expect(try harness.versions(number, "en") == [1], "\(name): release \(number)")
        }
        let entry = try #require(try harness.record(Self.first).languages["en"])
        #expect(entry.consecutiveFailures == 1)
        #expect(entry.lastError == code)
        #expect(entry.nextCheck.map { $0 > harness.clock.now } == true)

        // The site mends; once the pause is over the page is stored.
        harness.faults.clear()
        harness.clock.advance(hours: 1)
        _ = try await harness.pass()
        #expect(try harness.versions(Self.first, "en") == [1])
        #expect(try harness.record(Self.first).languages["en"]?.consecutiveFailures == nil)
    }

    @Test("a page of more paragraphs than any release has is stored but not aligned, and the rest is")
    func tooManyParagraphsToAlign() async throws {
        let harness = try SyncHarness(releases: 2)
        let paragraphs = String(repeating: "<p>Les ministres se sont réunis à Bruxelles.</p>", count: ParagraphAligner.maximumParagraphs + 1)
        harness.faults.add(Self.englishPage + "?selectedLocale=fr", FixtureResponse(headers: [("Content-Type", "text/html; charset=utf-8")],
            body: .bytes(Array("<html lang=\"fr\"><body><section class=\"content\">\(paragraphs)</section></body></html>".utf8))), exact: true)
        harness.site.setTranslation(Self.first, "fr", .available)
        harness.site.setTranslation(Self.first + 1, "fr", .available)
        _ = try await harness.fetchAll()
        let french = try harness.record(Self.first).languages["fr"]
        #expect(try harness.versions(Self.first, "fr") == [1], "\(french as Any)")
        #expect(try harness.store.alignment(harness.release(Self.first), sourceLanguage: "en", targetLanguage: "fr") == nil)
        #expect(try harness.store.alignment(harness.release(Self.first + 1), sourceLanguage: "en", targetLanguage: "fr") != nil)
    }

    @Test("a release whose release.json is damaged is that release's failure; the pass does the rest")
    func damagedRelease() async throws {
        let harness = try SyncHarness(releases: 2)
        _ = try await harness.fetchAll()
        let damaged = harness.store.layout.releaseFile("nato", harness.release(Self.first).key)
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: damaged))
        harness.site.setTranslation(Self.first + 1, "fr", .available)
        let report = try await harness.fetchAll()
        #expect(report.failures.count == 1)
        #expect(report.failures.first?.message.contains("release.json is damaged") == true)
        #expect(try harness.versions(Self.first + 1, "fr") == [1])
    }

    @Test("a manual pass leaves feeds and pages that pause after failures alone, and names each with its retry time")
    func manualPassNamesPauses() async throws {
        let harness = try SyncHarness(releases: 2)
        harness.faults.add(Self.englishPage, FixtureResponse(status: 500), exact: true)
        let first = try await harness.fetchAll()
        #expect(first.pagesFailed == 1 && first.feedsFailed == 0 && first.paused.isEmpty)
        harness.faults.add(NATOLikeSite.feedPath, FixtureResponse(status: 500))
        let second = try await harness.fetchAll()
        #expect(second.feedsFailed == 1)
        #expect(second.paused.map(\.url).contains { $0.hasSuffix(Self.englishPage) })

        let third = try await harness.fetchAll()
        #expect(third.failures.isEmpty && third.feedsPolled == 0)
        let feed = try #require(third.paused.first { $0.url.hasSuffix(NATOLikeSite.feedPath) })
        #expect(feed.failures == 1 && feed.lastError == "status-500")
        let page = try #require(third.paused.first { $0.url.hasSuffix(Self.englishPage) })
        #expect(page.failures == 1 && page.until.map { $0 > harness.clock.now } == true)
        #expect(third.summary.contains("paused after earlier failures, not requested: 2"))
        #expect(third.summary.contains { $0.contains("paused after 1 failure until ") && $0.contains("(last: status-500)") })
    }

    @Test("a feed whose host cannot be reached: the failure names it and the feed pauses", arguments: [
        ("http://stele-test.invalid/feed.xml", "dns-failure"),
        ("http://127.0.0.1:1/feed.xml", "connection-refused"),
        ("https://127.0.0.1:PORT/feed.xml", "tls"),
    ])
    func unreachableFeed(url: String, code: String) async throws {
        let harness = try SyncHarness(releases: 1) { configuration, server in
            configuration.sources[0].feeds = [FeedSubscription(url: url.replacingOccurrences(of: "PORT", with: "\(server.port)"))]
        }
        let report = try await harness.pass()
        #expect(report.failures.count == 1)
        let feed = try #require(try harness.store.sourceState("nato")?.feeds.first)
        #expect(feed.lastError == code)
        #expect(feed.consecutiveFailures == 1)
        #expect(feed.nextDue.map { $0 > harness.clock.now } == true)
        #expect(try harness.store.releases(source: "nato").isEmpty)
    }

    @Test("429 and 503 with Retry-After in seconds or as a date pause exactly that long", arguments: [
        (429, "120", 120.0), (503, "Thu, 04 Dec 2025 12:05:00 GMT", 300.0),
    ] as [(Int, String, Double)])
    func retryAfter(status: Int, header: String, seconds: Double) async throws {
        let harness = try SyncHarness(releases: 1)
        harness.faults.add(Self.englishPage, FixtureResponse(status: status, headers: [("Retry-After", header)]), exact: true)
        _ = try await harness.pass()
        let entry = try #require(try harness.record(Self.first).languages["en"])
        #expect(entry.lastError == "status-\(status)")
        let wait = try #require(entry.nextCheck).timeIntervalSince(harness.clock.now)
        // An HTTP-date is relative to the real clock, the test's clock is fixed: allow for the difference.
        #expect(status == 503 || abs(wait - seconds) < 1)
        #expect(wait >= 0)
    }

    @Test("404 on a translation is pending, not an error; 410 retires the language for good")
    func notFoundAndGone() async throws {
        let harness = try SyncHarness(releases: 1)
        harness.faults.add(NATOLikeSite.pagePath(Self.first, language: "fr"), FixtureResponse(status: 404), exact: true)
        harness.faults.add(NATOLikeSite.pagePath(Self.first, language: "uk"), FixtureResponse(status: 410), exact: true)
        let report = try await harness.pass()
        #expect(report.failures.isEmpty)
        let record = try harness.record(Self.first)
        #expect(record.languages["fr"]?.status == .pending)
        #expect(record.languages["uk"]?.status == .gone)
        #expect(record.languages["uk"]?.nextCheck == nil)
        harness.server.resetLog()
        _ = try await harness.fetchAll()
        #expect(!harness.server.requests.contains { $0.request.target == NATOLikeSite.pagePath(Self.first, language: "uk") })
        #expect(try harness.events().contains { $0.kind == "language-gone" && $0.language == "uk" })
    }

    @Test("301 and 308 replace the address once seen twice; 302 never does", arguments: [(301, true), (308, true), (302, false)])
    func redirects(status: Int, updates: Bool) async throws {
        let harness = try SyncHarness(releases: 1)
        let moved = "/moved/news_\(Self.first).htm"
        harness.faults.add(Self.englishPage, .redirect(to: moved, status: status), exact: true)
        harness.faults.add(moved, harness.site.respond(to: FixtureRequest(target: Self.englishPage)), exact: true)
        _ = try await harness.fetchAll()
        #expect(try harness.record(Self.first).languages["en"]?.url == harness.server.url(Self.englishPage))
        _ = try await harness.fetchAll()
        let expected = updates ? harness.server.url(moved) : harness.server.url(Self.englishPage)
        #expect(try harness.record(Self.first).languages["en"]?.url == expected)
        #expect(try harness.versions(Self.first, "en") == [1])
    }

    @Test("pages that are not what they claim: empty, 100,000 nested divs, Russian instead of Ukrainian", arguments: [
        ("an empty page", "", "pending"),
        ("100,000 nested divs", String(repeating: "<div>", count: 100_000) + "<p>Deep text.</p>", "pending"),
        ("a Russian page", "<html><body><section class=\"content\"><p>Министры иностранных дел стран альянса встретились в Брюсселе, чтобы обсудить поддержку Украины и объём военной помощи.</p><p>Это решение было принято единогласно всеми участниками встречи в четверг.</p></section></body></html>", "pending"),
    ] as [(String, String, String)])
    func misleadingTranslation(name: String, html: String, status: String) async throws {
        let harness = try SyncHarness(releases: 1)
        harness.faults.add(NATOLikeSite.pagePath(Self.first, language: "uk"), .text(html, contentType: "text/html; charset=utf-8"), exact: true)
        let report = try await harness.pass()
        #expect(report.failures.isEmpty, "\(name): \(report.failures)")
        #expect(try harness.record(Self.first).languages["uk"]?.status.rawValue == status, "\(name)")
        #expect(try harness.versions(Self.first, "uk").isEmpty, "\(name)")
    }

    @Test("feeds that cannot be read: the failure is reported, nothing is dropped", arguments: [
        ("an empty body", ""),
        ("HTML instead of a feed", "<!DOCTYPE html><html><body><p>Maintenance</p></body></html>"),
        ("a billion-laughs bomb", "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]><rss><channel><title>&lol3;</title></channel></rss>"),
        ("an XXE reading /etc/passwd", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&xxe;</title><item><link>/cps/en/natohq/news_1.htm</link><title>&xxe;</title></item></channel></rss>"),
    ])
    func hostileFeed(name: String, body: String) async throws {
        let harness = try SyncHarness(releases: 2)
        _ = try await harness.pass()
        harness.faults.add(NATOLikeSite.feedPath, .text(body, contentType: "application/rss+xml"))
        harness.clock.advance(seconds: 1000)
        let report = try await harness.pass()
        #expect(report.failures.count == 1, "\(name)")
        #expect(try harness.store.releases(source: "nato").count == 2)
        let feed = try #require(try harness.store.sourceState("nato")?.feeds.first)
        #expect(feed.consecutiveFailures == 1)
        let stored = try harness.store.releases(source: "nato").map(\.key.rawValue)
        #expect(!stored.contains { $0.contains("passwd") })
        let text = try String(contentsOfFile: harness.folder + "/events.jsonl", encoding: .utf8)
        #expect(!text.contains("root:x:0:0"))
    }

    @Test("a windows-1251 feed is read")
    func windows1251Feed() async throws {
        let harness = try SyncHarness(releases: 0)
        let link = NATOLikeSite.pagePath(Self.first)
        harness.site.addRelease()
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss version=\"2.0\"><channel><title>Новини</title><item><title>Міністри</title><link>\(link)</link></item></channel></rss>"
        let bytes = try #require(xml.data(using: .windowsCP1251))
        harness.faults.add(NATOLikeSite.feedPath, FixtureResponse(headers: [("Content-Type", "application/rss+xml")], body: .bytes(Array(bytes))))
        let report = try await harness.pass()
        #expect(report.newReleases == 1)
        #expect(try harness.record(Self.first).languages["en"]?.title == "Міністри")
    }

    @Test("feed ids and addresses that try to leave the store stay inside it", arguments: [
        "../../etc/passwd", "/etc/passwd", "news_1\u{0}.htm", "..", String(repeating: "x", count: 10_000),
    ])
    func hostileIDs(id: String) async throws {
        let harness = try SyncHarness(releases: 0) { configuration, _ in configuration.sources[0].keyPattern = nil }
        let xml = "<rss version=\"2.0\"><channel><title>t</title><item><guid>\(id.replacingOccurrences(of: "\u{0}", with: "&#0;"))</guid><title>Escape</title><link>\(NATOLikeSite.pagePath(Self.first))</link></item></channel></rss>"
        harness.site.addRelease()
        harness.faults.add(NATOLikeSite.feedPath, .text(xml, contentType: "application/rss+xml"))
        _ = try await harness.pass()
        let root = URL(fileURLWithPath: harness.folder).standardizedFileURL.path
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let path = enumerator?.nextObject() as? String {
            let full = URL(fileURLWithPath: root + "/" + path).standardizedFileURL.path
            #expect(full.hasPrefix(root + "/"))
            #expect(!path.contains(".."))
        }
        for release in try harness.store.releases(source: "nato") {
            #expect(ReleaseKey(validating: release.key.rawValue) != nil)
        }
    }
}
