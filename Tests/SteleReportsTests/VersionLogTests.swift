import Foundation
import SteleReports
import SteleStore
import Testing

@Suite("stele log and stele show: the history and the text of a release")
struct VersionLogTests {
    @Test("the versions of every language interleaved in time, with their changes")
    func history() async throws {
        let scenario = try await ScenarioStore.shared
        let log = try VersionLog(try scenario.reader(scenario.first))
        #expect(scenario.portless(log.text(dates: .utc, now: ScenarioStore.end)) == """
            nato/news_231001  Allies step up support to partners
            published 2025-12-04 12:00, first seen 2025-12-04 12:00
              en  2 versions; next check 2025-12-05 01:12
                  SITE/cps/en/natohq/news_231001.htm
              fr  1 version; next check 2025-12-05 01:12
                  SITE/cps/en/natohq/news_231001.htm?selectedLocale=fr
              uk  1 version; next check 2025-12-05 01:12
                  SITE/cps/en/natohq/news_231001.htm?selectedLocale=uk

            2025-12-04 12:00  en@1  5 paragraphs  first version
            2025-12-04 13:12  fr@1  5 paragraphs  first version
            2025-12-04 13:12  uk@1  2 paragraphs  first version
            2025-12-04 19:12  en@2  5 paragraphs  +0 -0 ~1 paragraphs, +6 -0 words

            """)
    }

    @Test("a release with one language only shows its pending translations; a next check already past is not shown")
    func oneLanguage() async throws {
        let scenario = try await ScenarioStore.shared
        let log = try VersionLog(try scenario.reader(scenario.first + 2))
        #expect(scenario.portless(log.text(dates: .utc, now: ScenarioStore.end)) == """
            nato/news_231003  Secretary General visits Washington
            published 2025-12-04 14:00, first seen 2025-12-04 12:00
              en  1 version
                  SITE/cps/en/natohq/news_231003.htm
              fr  pending since 2025-12-04 12:00
                  SITE/cps/en/natohq/news_231003.htm?selectedLocale=fr
              uk  pending since 2025-12-04 12:00
                  SITE/cps/en/natohq/news_231003.htm?selectedLocale=uk

            2025-12-04 12:00  en@1  9 paragraphs  first version

            """)
        #expect(log.text(dates: .utc, now: ScenarioStore.start).contains("  fr  pending since 2025-12-04 12:00; next check 2025-12-04 13:00\n"))
    }

    @Test("--lang keeps one language; --json has every field")
    func oneLanguageJSON() async throws {
        let scenario = try await ScenarioStore.shared
        let log = try VersionLog(try scenario.reader(scenario.first), language: "en")
        #expect(log.entries.map(\.label) == ["en@1", "en@2"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(log.json.utf8)) as? [String: Any])
        let versions = try #require(object["versions"] as? [[String: Any]])
        #expect(versions.count == 2)
        #expect(versions[1]["fetchedAt"] as? String == "2025-12-04T19:12:00.000Z")
        #expect((versions[1]["changes"] as? [String: Int])?["wordsAdded"] == 6)
        #expect(versions[0]["changes"] == nil)
        #expect(((object["languages"] as? [String: Any])?["en"] as? [String: Any])?["versions"] as? Int == 2)
        #expect(throws: ReportError.unknownLanguage(language: "de", release: "nato/news_231001", known: ["en", "fr", "uk"], suggestions: [])) {
            try VersionLog(try scenario.reader(scenario.first), language: "de")
        }
    }

    @Test("show gives the stored text, one paragraph a line, and the raw page as fetched")
    func show() async throws {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first)
        let french = try reader.resolve(VersionSpec(parsing: "fr"))
        let text = try reader.text(french)
        #expect(text.hasPrefix("Les ministres des Affaires étrangères de l'OTAN se sont réunis à Vilnius le 2 février 2025"))
        #expect(text.split(separator: "\n").count == 5 && text.hasSuffix("\n"))
        let raw = try #require(try reader.raw(french))
        #expect(String(decoding: raw, as: UTF8.self).contains("<section class=\"content\">"))
        let shown = try ShownVersion(reader, try reader.resolve(VersionSpec(parsing: "uk")))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.json.utf8)) as? [String: Any])
        #expect((object["text"] as? [String])?.count == 2)
        #expect((object["version"] as? [String: Any])?["version"] as? Int == 1)
    }
}
