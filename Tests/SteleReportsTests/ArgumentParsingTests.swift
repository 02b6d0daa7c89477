import Foundation
import SteleReports
import SteleStore
import Testing

@Suite("Versions, pairs and dates as people type them")
struct ArgumentParsingTests {
    @Test("versions: LANG, LANG@N, LANG@-N, any case", arguments: [
        ("en", VersionSpec(language: "en")),
        ("FR@2", VersionSpec(language: "fr", selector: .number(2))),
        ("uk@-1", VersionSpec(language: "uk", selector: .back(1))),
        ("pt-br@12", VersionSpec(language: "pt-br", selector: .number(12))),
    ])
    func versions(_ text: String, _ expected: VersionSpec) throws {
        #expect(try VersionSpec(parsing: text) == expected)
    }

    @Test("what is not a version is refused with the forms that are", arguments: ["", "e", "english", "en@", "en@0", "en@-0", "en@x", "en@+1", "en@1.5", "en@١"])
    func notVersions(_ text: String) {
        #expect(throws: ReportError.invalidVersionSpec(text)) { try VersionSpec(parsing: text) }
    }

    @Test("a version that does not exist names those that do")
    func unknownVersion() async throws {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first)
        #expect(throws: ReportError.unknownVersion(spec: "en@3", release: "nato/news_231001", versions: [1, 2])) {
            try reader.resolve(VersionSpec(parsing: "en@3"))
        }
        #expect(throws: ReportError.unknownVersion(spec: "fr@-1", release: "nato/news_231001", versions: [1])) {
            try reader.resolve(VersionSpec(parsing: "fr@-1"))
        }
        #expect(try reader.resolve(VersionSpec(parsing: "en@-1")).version == 1)
        #expect(ReportError.unknownVersion(spec: "en@3", release: "nato/news_231001", versions: [1, 2]).description
            == "release nato/news_231001 has no version en@3: versions 1–2 exist (en@-1 is the one before the newest)")
    }

    @Test("an unknown language gets a did-you-mean; a pending one says it is pending")
    func unknownLanguage() async throws {
        let scenario = try await ScenarioStore.shared
        #expect(throws: ReportError.unknownLanguage(language: "fe", release: "nato/news_231001", known: ["en", "fr", "uk"], suggestions: ["fr"])) {
            try scenario.reader(scenario.first).resolve(VersionSpec(parsing: "fe"))
        }
        do {
            _ = try scenario.reader(scenario.first + 2).resolve(VersionSpec(parsing: "fr"))
            Issue.record("a pending translation was resolved")
        } catch let error as ReportError {
            #expect(error.isUsageError)
            #expect(error.description == "release nato/news_231003 has no fr version: the translation is pending since 2025-12-04 12:00 UTC: "
                + "its address still serves another language; stele log nato/news_231003 shows its history")
        }
    }

    @Test("language pairs", arguments: [("en-fr", "en", "fr"), ("EN-UK", "en", "uk")])
    func pairs(_ text: String, _ source: String, _ target: String) throws {
        #expect(try LanguagePair(parsing: text) == LanguagePair(source: source, target: target))
    }

    @Test("what is not a pair is refused", arguments: ["en", "en-en", "en-fr-uk", "en_fr", "-fr", "english-french"])
    func notPairs(_ text: String) {
        #expect(throws: ReportError.invalidPair(text)) { try LanguagePair(parsing: text) }
    }

    @Test("dates: a day, a local time, a time with its offset", arguments: [
        ("2025-12-04", "2025-12-03T23:00:00.000Z"),
        ("2025-12-04T15:30", "2025-12-04T14:30:00.000Z"),
        ("2025-12-04 15:30:10", "2025-12-04T14:30:10.000Z"),
        ("2025-07-01T12:00", "2025-07-01T10:00:00.000Z"),  // summer time
        ("2025-12-04T15:30:00Z", "2025-12-04T15:30:00.000Z"),
        ("2025-12-04T15:30:00+02:00", "2025-12-04T13:30:00.000Z"),
    ])
    func dates(_ text: String, _ expected: String) throws {
        let paris = DateStyle(timeZone: try #require(TimeZone(identifier: "Europe/Paris")))
        #expect(paris.parse(text).map(StoreDate.format) == expected)
    }

    @Test("what is not a date is refused", arguments: ["", "yesterday", "2025-13-01", "2025-02-30", "2025-12-04T25:00", "2025-12-04Z", "04/12/2025"])
    func notDates(_ text: String) {
        #expect(DateStyle.utc.parse(text) == nil)
    }

    @Test("dates are shown to the minute in the zone asked for")
    func shownDates() throws {
        let date = Date(timeIntervalSince1970: 1_764_849_600)  // 2025-12-04 12:00 UTC
        #expect(DateStyle.utc.minutes(date) == "2025-12-04 12:00")
        #expect(DateStyle(timeZone: try #require(TimeZone(identifier: "Europe/Kyiv"))).minutes(date) == "2025-12-04 14:00")
        #expect(DateStyle(timeZone: try #require(TimeZone(identifier: "America/St_Johns"))).minutes(date) == "2025-12-04 08:30")
    }
}
