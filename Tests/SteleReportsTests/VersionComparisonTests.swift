import Foundation
import SteleDiff
import SteleReports
import SteleStore
import Testing

@Suite("stele diff between two versions of one language")
struct VersionComparisonTests {
    func comparison(_ old: String = "en@1", _ new: String = "en@2") async throws -> VersionComparison {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first)
        return try VersionComparison(reader, old: try reader.resolve(VersionSpec(parsing: old)), new: try reader.resolve(VersionSpec(parsing: new)))
    }

    @Test("word level: the changed paragraph with its words marked, three paragraphs of context, the counts")
    func word() async throws {
        #expect(try await comparison().word(style: .plain, dates: .utc) == """
            --- nato/news_231001 en@1 (2025-12-04 12:00)
            +++ nato/news_231001 en@2 (2025-12-04 19:12)
            @@ -1,5 +1,5 @@
            NATO Foreign Ministers met in Vilnius on 2 February 2025 to review the Alliance's readiness.
            More than 8,304 troops took part in the exercise, which ended on 2 February 2025.{+ This paragraph was updated (revision 1).+}
            The meeting concluded with a joint statement on cyber defence and the protection of critical undersea infrastructure.
            Allies agreed to raise defence spending to 2.9% of gross domestic product by 2030.
            Deputy Secretary General Peter Novak welcomed the progress made on interoperability standards.
            en@1 → en@2: +0 -0 ~1 paragraphs, +6 -0 words

            """)
    }

    @Test("on a terminal the inserted words are green, and nothing is bracketed")
    func colours() async throws {
        let text = try await comparison().word(style: .ansi, context: 0, dates: .utc)
        #expect(text.contains("2025.\u{1B}[32m This paragraph was updated (revision 1).\u{1B}[m"))
        #expect(!text.contains("{+"))
    }

    @Test("unified: the diff -u of the two files, which patch turns from one into the other")
    func unified() async throws {
        let scenario = try await ScenarioStore.shared
        let diff = try await comparison().unified()
        #expect(diff.hasPrefix("--- news_231001/en/0001.txt\n+++ news_231001/en/0002.txt\n@@ -1,5 +1,5 @@\n"))
        let old = try scenario.store.text(scenario.release(scenario.first), language: "en", version: 1)
        let new = try scenario.store.text(scenario.release(scenario.first), language: "en", version: 2)
        #expect(try UnifiedPatch.apply(diff, to: old) == new)
        // Backwards too, and the same as the diff the store keeps for adjacent versions (but for the labels).
        #expect(try UnifiedPatch.apply(try await comparison("en@2", "en@1").unified(), to: new) == old)
        let stored = try #require(try scenario.store.diff(scenario.release(scenario.first), language: "en", version: 2))
        #expect(stored.split(separator: "\n").dropFirst(2) == diff.split(separator: "\n").dropFirst(2))
    }

    @Test("json: both versions, the counts, every paragraph with its kind")
    func json() async throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try await comparison().json.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.map { $0["kind"] as? String } == ["unchanged", "changed"] + Array(repeating: "unchanged", count: 3))
        #expect(rows[1]["words"] as? [[String: String]] == [
            ["equal": "More than 8,304 troops took part in the exercise, which ended on 2 February 2025."],
            ["inserted": " This paragraph was updated (revision 1)."],
        ])
        #expect((object["statistics"] as? [String: Int])?["paragraphsChanged"] == 1)
        #expect((object["old"] as? [String: Any])?["version"] as? Int == 1)
    }

    @Test("the same version twice says so")
    func same() async throws {
        #expect(try await comparison("en@2", "en").word(style: .plain) == "en@2 and en@2 of nato/news_231001 have the same text\n")
        #expect(try await comparison("en@2", "en").unified() == "")
    }
}
