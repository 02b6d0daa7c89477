import Foundation
import SteleReports
import SteleStore
import Testing

@Suite("stele list: the releases, newest first")
struct ReleaseListingTests {
    func listing(_ query: ListingQuery = ListingQuery()) async throws -> ReleaseListing {
        let scenario = try await ScenarioStore.shared
        return try ReleaseListing(summaries: try scenario.store.summaries(), query: query, knownLanguages: ["en", "fr", "uk"])
    }

    @Test("every release with its versions or the state of each language, and its title")
    func table() async throws {
        #expect(try await listing().text(dates: .utc) == """
            DATE              RELEASE      EN  FR       UK       TITLE
            2025-12-04 15:00  news_231004  v1  v1       v1       Foreign Ministers meet in Washington
            2025-12-04 14:00  news_231003  v1  pending  pending  Secretary General visits Washington
            2025-12-04 13:00  news_231002  v1  v1       pending  Allies step up support to partners
            2025-12-04 12:00  news_231001  v2  v1       v1       Allies step up support to partners

            """)
    }

    @Test("on a narrow terminal titles are cut, and colours mark the states")
    func narrow() async throws {
        let text = try await listing().text(width: 70, style: .ansi, dates: .utc)
        let lines = text.split(separator: "\n")
        #expect(lines[2].hasSuffix("Secretary Genera…"))
        #expect(lines[2].contains("\u{1B}[33mpending\u{1B}[m"))
        #expect(!lines[1].contains("\u{1B}[33m"))
    }

    @Test("--missing, --pending, --since, --source and --limit select", arguments: [
        (ListingQuery(missing: ["fr"]), ["news_231003"]),
        (ListingQuery(missing: ["uk"]), ["news_231003", "news_231002"]),
        (ListingQuery(missing: ["fr", "uk"]), ["news_231003", "news_231002"]),
        (ListingQuery(pending: true), ["news_231003", "news_231002"]),
        (ListingQuery(since: Date(timeIntervalSince1970: 1_764_849_600 + 2 * 3600)), ["news_231004", "news_231003"]),
        (ListingQuery(sources: ["nato"], limit: 1), ["news_231004"]),
        (ListingQuery(missing: ["en"]), []),
    ])
    func selection(_ query: ListingQuery, _ keys: [String]) async throws {
        #expect(try await listing(query).entries.map(\.summary.key.rawValue) == keys)
    }

    @Test("--json gives every field of every release, one release a line")
    func json() async throws {
        let json = try await listing(ListingQuery(missing: ["uk"])).json
        #expect(json == """
            [
            {"date":"2025-12-04T14:00:00.000Z","firstSeen":"2025-12-04T12:00:00.000Z","key":"news_231003","languages":{\
            "en":{"latestFetchedAt":"2025-12-04T12:00:00.000Z","status":"present","versions":1},"fr":{"status":"pending","versions":0},\
            "uk":{"status":"pending","versions":0}},"published":"2025-12-04T14:00:00.000Z","release":"nato/news_231003","source":"nato",\
            "title":"Secretary General visits Washington"},
            {"date":"2025-12-04T13:00:00.000Z","firstSeen":"2025-12-04T12:00:00.000Z","key":"news_231002","languages":{\
            "en":{"latestFetchedAt":"2025-12-04T12:00:00.000Z","status":"present","versions":1},\
            "fr":{"latestFetchedAt":"2025-12-04T13:12:00.000Z","status":"present","versions":1},"uk":{"status":"pending","versions":0}},\
            "published":"2025-12-04T13:00:00.000Z","release":"nato/news_231002","source":"nato","title":"Allies step up support to partners"}
            ]
            """)
        // What JSONSerialization reads back is what the index holds.
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.map { $0["key"] as? String } == ["news_231003", "news_231002"])
        #expect(try await listing(ListingQuery(missing: ["en"])).json == "[]")
    }

    @Test("JSON strings keep every character: quotes, backslashes, controls, non-Latin letters")
    func jsonEscaping() throws {
        let title = "\"Quoted\" \\ back\tslash\u{1}\nНАТО 北约 ok"
        let summary = ReleaseSummary(source: "nato", key: ReleaseKey(validating: "k")!, title: title, published: nil, firstSeen: nil, languages: [:])
        let json = try ReleaseListing(summaries: [summary], query: ListingQuery()).json
        let decoded = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(decoded.first?["title"] as? String == title)
        #expect(json.contains("\\u0001"))
    }

    @Test("an unknown source or language is refused with the nearest names")
    func unknownNames() async throws {
        await #expect(throws: ReportError.unknownSource(name: "nat", known: ["nato"], suggestions: ["nato"])) {
            try await listing(ListingQuery(sources: ["nat"]))
        }
        await #expect(throws: ReportError.unknownLanguage(language: "ukr", release: nil, known: ["en", "fr", "uk"], suggestions: ["uk"])) {
            try await listing(ListingQuery(missing: ["ukr"]))
        }
        #expect(ReportError.unknownSource(name: "nat", known: ["nato"], suggestions: ["nato"]).description
            == "no source \"nat\" in the store (did you mean nato?); the store has nato")
    }

    @Test("a store of several sources names releases SOURCE/KEY")
    func severalSources() throws {
        let temporary = try TemporaryStore(["nato/news_1", "otan/news_2"])
        let listing = try ReleaseListing(summaries: try temporary.store.summaries(), query: ListingQuery())
        #expect(listing.severalSources)
        #expect(listing.text(dates: .utc).contains("otan/news_2"))
    }
}
