import Foundation
import Synchronization

/// A generated NATO-like web site whose state a test (or a person trying Stele offline) changes
/// step by step: releases appear in English first, translations arrive later or only in part, the
/// English is corrected after translation, and a missing translation is served as the English
/// text under the translation's address, as NATO does.
///
/// Layout: the feed at ``feedPath``; release `N` at `/cps/en/natohq/news_N.htm`, its French and
/// Ukrainian versions at the same path with `?selectedLocale=fr` / `?selectedLocale=uk`.
public final class NATOLikeSite: Sendable {
    /// What the address of a translation serves.
    public enum Translation: Sendable, Equatable {
        /// The English text, as NATO serves an untranslated page.
        case missing
        /// The whole translation.
        case available
        /// Only the first `paragraphs` paragraphs are translated; the page ends there.
        case partial(paragraphs: Int)
        /// 404 Not Found.
        case notFound
    }

    private struct Release {
        var number: Int
        var published: Date
        var text: ReleaseText
        var translations: [String: Translation]
        var englishRevision = 0
    }

    private struct State {
        var releases: [Int: Release] = [:]
        var order: [Int] = []
    }

    /// The path of the RSS feed.
    public static let feedPath = "/cps/rss/en/natohq/rssFeed.xsl/rssFeed.xml"
    /// The number of the first release; keys look like NATO's (`news_231001`).
    public static let firstNumber = 231_001

    private let site = FixtureSite()
    private let state = Mutex(State())
    private let feedSize: Int
    private let baseDate = Date(timeIntervalSince1970: 1_764_849_600)  // 2025-12-04 12:00:00 UTC

    /// A site with `releases` releases in English only; the feed lists the newest `feedSize`.
    public init(releases: Int = 0, feedSize: Int = 50) {
        self.feedSize = feedSize
        for _ in 0..<releases { _ = addRelease(render: false) }
        renderFeed()
    }

    /// The release numbers, oldest first.
    public var releaseNumbers: [Int] { state.withLock { $0.order } }

    /// The release key of release `number`, as Stele derives it from the address.
    public static func key(_ number: Int) -> String { "news_\(number)" }

    /// The address path of release `number` in `language`.
    public static func pagePath(_ number: Int, language: String = "en") -> String {
        language == "en" ? "/cps/en/natohq/news_\(number).htm" : "/cps/en/natohq/news_\(number).htm?selectedLocale=\(language)"
    }

    /// Adds a release in English (translations missing) and lists it in the feed; returns its number.
    @discardableResult
    public func addRelease() -> Int { addRelease(render: true) }

    private func addRelease(render: Bool) -> Int {
        let number = state.withLock { state -> Int in
            let number = Self.firstNumber + state.order.count
            state.releases[number] = Release(
                number: number, published: baseDate + Double(state.order.count) * 3600,
                text: ReleaseText.generate(number: number), translations: ["fr": .missing, "uk": .missing]
            )
            state.order.append(number)
            return number
        }
        renderPages(number)
        if render { renderFeed() }
        return number
    }

    /// Makes the translation of release `number` into `language` behave as `translation`.
    public func setTranslation(_ number: Int, _ language: String, _ translation: Translation) {
        state.withLock { $0.releases[number]?.translations[language] = translation }
        renderPages(number)
    }

    /// Corrects the English of release `number` after its translation: the second paragraph gets a
    /// new sentence (the first, if there is one paragraph only). Each call is a new revision.
    public func correctEnglish(_ number: Int) {
        state.withLock { state in
            guard var release = state.releases[number] else { return }
            release.englishRevision += 1
            var english = release.text.paragraphs["en"]!
            let index = min(1, english.count - 1)
            english[index] += " This paragraph was updated (revision \(release.englishRevision))."
            release.text.paragraphs["en"] = english
            state.releases[number] = release
        }
        renderPages(number)
    }

    /// The paragraphs a language version of release `number` shows now.
    public func paragraphs(_ number: Int, _ language: String) -> [String] {
        state.withLock { state in
            guard let release = state.releases[number] else { return [] }
            return Self.shown(release, language).paragraphs
        }
    }

    /// Answers a request from the site's documents (200, 304 or 404).
    public func respond(to request: FixtureRequest) -> FixtureResponse {
        // The site falls back from `path?query` to `path`; a retired translation must not.
        if isNotFound(request.target) { return .text("not found: \(request.target)\n", status: 404) }
        return site.respond(to: request)
    }

    private func isNotFound(_ target: String) -> Bool {
        guard let query = target.range(of: "?selectedLocale=") else { return false }
        let language = String(target[query.upperBound...])
        let number = Int(target.components(separatedBy: "news_").last?.prefix { $0.isNumber } ?? "")
        return state.withLock { state in number.flatMap { state.releases[$0]?.translations[language] } == .notFound }
    }

    /// The text a language version serves: the translation, part of it, or the English.
    private static func shown(_ release: Release, _ language: String) -> (title: String, paragraphs: [String], textLanguage: String) {
        let english = (release.text.title["en"]!, release.text.paragraphs["en"]!, "en")
        guard language != "en" else { return english }
        switch release.translations[language] ?? .missing {
        case .missing, .notFound: return english
        case .available: return (release.text.title[language]!, release.text.paragraphs[language]!, language)
        case .partial(let count): return (release.text.title[language]!, Array(release.text.paragraphs[language]!.prefix(count)), language)
        }
    }

    private func renderPages(_ number: Int) {
        guard let release = state.withLock({ $0.releases[number] }) else { return }
        let path = Self.pagePath(number)
        for language in ReleaseText.languages {
            let target = Self.pagePath(number, language: language)
            let shown = Self.shown(release, language)
            let html = ReleasePage.html(path: path, number: number, published: release.published, chromeLanguage: language,
                                        textLanguage: shown.textLanguage, title: shown.title, paragraphs: shown.paragraphs)
            if site.document(at: target)?.body != Array(html.utf8) {
                site.put(target, text: html, contentType: "text/html; charset=utf-8")
            }
        }
    }

    private func renderFeed() {
        let releases = state.withLock { state in state.order.suffix(feedSize).reversed().map { state.releases[$0]! } }
        let items = releases.map { release in
            """
                <item>
                  <title>\(ReleasePage.escape(release.text.title["en"]!))</title>
                  <link>\(Self.pagePath(release.number))</link>
                  <guid isPermaLink="false">news_\(release.number)</guid>
                  <description>\(ReleasePage.escape(release.text.paragraphs["en"]![0]))</description>
                  <pubDate>\(NATODate.feedDate(release.published))</pubDate>
                </item>
            """
        }
        site.put(Self.feedPath, text: """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0">
              <channel>
                <title>NATO News</title>
                <link>/cps/en/natohq/news.htm</link>
                <description>News from the fixture NATO-like site</description>
                <language>en</language>
            \(items.joined(separator: "\n"))
              </channel>
            </rss>
            """, contentType: "application/rss+xml; charset=utf-8")
    }
}

extension NATOLikeSite {
    /// A Stele configuration that follows this site served at `baseURL`, storing into `storePath`.
    /// Politeness limits are those of a local site; the rest mirrors the default NATO source.
    public func configuration(baseURL: String, storePath: String) -> String {
        """
        # Follows the fixture NATO-like site at \(baseURL) (stele-fixture-site).
        [store]
        path = "\(storePath)"

        [http]
        per_host = 8
        per_host_delay = "0s"
        connect_timeout = "2s"
        total_timeout = "30s"

        [[source]]
        id = "nato"
        name = "NATO (fixture site)"
        languages = ["en", "fr", "uk"]
        feed = "\(baseURL)\(Self.feedPath)"
        key = '(news_[0-9]+)'
        content = "section.content"
        poll_interval = "1m"

        [source.versions]
        kind = "query-parameter"
        name = "selectedLocale"

        """
    }
}
