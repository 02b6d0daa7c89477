import Foundation
import SteleDiff
import SteleReports
import SteleStore
import Testing

@Suite("stele diff between two languages: aligned side by side, with what changed since translated")
struct LanguageComparisonTests {
    func comparison(_ number: Int, _ source: String, _ target: String) async throws -> LanguageComparison {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first + number)
        return try LanguageComparison(reader, source: try reader.resolve(VersionSpec(parsing: source)), target: try reader.resolve(VersionSpec(parsing: target)))
    }

    @Test("the English corrected after the French was made: that paragraph is changed since translated, with its word diff")
    func staleness() async throws {
        let comparison = try await comparison(0, "en", "fr")
        #expect(comparison.origin == .stored)
        #expect(comparison.staleness.baseVersion == 1 && comparison.staleness.shownVersion == 2)
        #expect(comparison.rows.map(\.isChangedSinceTranslated) == [false, true, false, false, false])
        guard case .changed(let baseIndex, let words)? = comparison.rows[1].changes[1] else {
            Issue.record("paragraph 2 is not marked as changed")
            return
        }
        #expect(baseIndex == 1)
        #expect(words.segments.last == .inserted(" This paragraph was updated (revision 1)."))
        #expect(comparison.summary == LanguageComparison.Summary(rows: 5, matched: 5, changedSinceTranslated: 1))
    }

    @Test("the English version the French was made from, shown against it: nothing is stale")
    func notStale() async throws {
        let comparison = try await comparison(0, "en@1", "fr")
        #expect(comparison.origin == .computed)  // the store aligned en@2 with fr@1, not en@1
        #expect(!comparison.staleness.isStale)
        #expect(comparison.rows.allSatisfy { $0.changes.isEmpty })
        let untouched = try await self.comparison(3, "en", "fr")
        #expect(untouched.staleness.baseVersion == 1 && !untouched.staleness.isStale)
    }

    @Test("an untranslated tail: the English paragraphs after the Ukrainian lead are missing in uk")
    func untranslatedTail() async throws {
        let comparison = try await comparison(0, "en", "uk")
        #expect(comparison.rows.map(\.kind) == [.match, .match] + Array(repeating: .sourceOnly, count: 3))
        #expect(comparison.summary.missingInTarget == 3)
        #expect(comparison.rows.dropFirst(2).allSatisfy { $0.target.isEmpty })
    }

    @Test("the languages named the other way round use the stored alignment turned over")
    func reversed() async throws {
        let forward = try await comparison(3, "en", "fr"), backward = try await comparison(3, "fr", "en")
        #expect(backward.origin == .stored)
        #expect(backward.rows.map(\.source) == forward.rows.map(\.target))
        #expect(backward.rows.map(\.target) == forward.rows.map(\.source))
    }

    @Test("side by side, wrapped to the width, the stale paragraph with its inserted words")
    func sideBySide() async throws {
        let scenario = try await ScenarioStore.shared
        let text = SideBySideRenderer(width: 80, dates: .utc).render(try await comparison(0, "en", "fr"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(scenario.portless(lines.prefix(18).joined(separator: "\n")) == """
            nato/news_231001  Allies step up support to partners
            en@2 fetched 2025-12-04 19:12; fr@1 fetched 2025-12-04 13:12, when en@1 was
            current; alignment from the store

            en@2                                   │ fr@1
            ── 1-1 · 0.98 ─────────────────────────┼────────────────────────────────────────
             1 NATO Foreign Ministers met in       │  1 Les ministres des Affaires
               Vilnius on 2 February 2025 to       │    étrangères de l'OTAN se sont réunis
               review the Alliance's readiness.    │    à Vilnius le 2 février 2025 pour
                                                   │    faire le point sur l'état de
                                                   │    préparation de l'Alliance.
            ── 1-1 · 0.98 · changed since translated ───────────────────────────────────────
             2 More than 8,304 troops took part in │  2 Plus de 8\u{202F}304 militaires ont
               the exercise, which ended on 2      │    participé à l'exercice, qui s'est
               February 2025.{+ This paragraph was │    achevé le 2 février 2025.
               updated (revision 1).+}             │
            ── 1-1 · 1.00 ─────────────────────────┼────────────────────────────────────────
             3 The meeting concluded with a joint  │  3 La réunion s'est conclue par une
            """)
        #expect(text.hasSuffix("""

            5 rows: 5 matched, 0 en paragraphs missing in fr
            changed since translated (en@1 → en@2): 1 rewritten, 0 added, 0 removed

            """))
    }

    @Test("an untranslated tail side by side: each English paragraph on its own, marked missing in uk")
    func tailSideBySide() async throws {
        let text = SideBySideRenderer(width: 100, dates: .utc).render(try await comparison(0, "en", "uk"))
        #expect(text.contains("""
            ── 1-0 · 1.00 · missing in uk ───────────────────┼──────────────────────────────────────────────────
             4 Allies agreed to raise defence spending to    │    (missing in uk)
               2.9% of gross domestic product by 2030.       │
            """))
        #expect(text.hasSuffix("5 rows: 2 matched, 3 en paragraphs missing in uk\n"
            + "changed since translated (en@1 → en@2): 1 rewritten, 0 added, 0 removed\n"))
    }

    @Test("rows below the confidence threshold are flagged, in the rule and the counts")
    func lowConfidence() async throws {
        let scenario = try await ScenarioStore.shared
        let reader = try scenario.reader(scenario.first)
        let comparison = try LanguageComparison(
            reader, source: try reader.resolve(VersionSpec(parsing: "en")), target: try reader.resolve(VersionSpec(parsing: "fr")), lowConfidence: 0.99)
        #expect(comparison.rows.map(\.isLowConfidence) == comparison.rows.map { $0.confidence < 0.99 })
        #expect(comparison.summary.lowConfidence == 2)
        let text = SideBySideRenderer(width: 100, dates: .utc).render(comparison)
        #expect(text.contains("── 1-1 · 0.98 · low confidence ─"))
        #expect(text.contains("5 rows: 5 matched, 0 en paragraphs missing in fr; 2 of low confidence (below 0.99)\n"))
    }

    @Test("on a terminal, colour marks the rules and the inserted words, and no colour runs past a line's end")
    func colours() async throws {
        let text = SideBySideRenderer(width: 90, style: .ansi, dates: .utc).render(try await comparison(0, "en", "fr"))
        #expect(text.contains("\u{1B}[35m · changed since translated\u{1B}[m"))
        #expect(text.contains("\u{1B}[32m"))
        #expect(!text.contains("{+"))
        for line in text.split(separator: "\n") {
            // Every colour opened on a line is closed on it: escapes are openings and resets in pairs.
            let escapes = line.components(separatedBy: "\u{1B}[").count - 1, resets = line.components(separatedBy: "\u{1B}[m").count - 1
            #expect(escapes == 2 * resets, "\(line)")
        }
    }

    @Test("--format json has the rows, their paragraphs and changes, the staleness and the counts")
    func json() async throws {
        let scenario = try await ScenarioStore.shared
        let object = try #require(try JSONSerialization.jsonObject(with: Data(try await comparison(0, "en", "fr").json.utf8)) as? [String: Any])
        #expect(object["alignment"] as? String == "stored")
        #expect((object["source"] as? [String: Any])?["version"] as? Int == 2)
        #expect(scenario.portless((object["target"] as? [String: Any])?["url"] as? String ?? "") == "SITE/cps/en/natohq/news_231001.htm?selectedLocale=fr")
        #expect((object["staleness"] as? [String: Any])?["baseVersion"] as? Int == 1)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 5)
        let stale = try #require((rows[1]["source"] as? [[String: Any]])?.first)
        #expect(stale["sinceTranslated"] as? String == "changed")
        #expect(stale["baseIndex"] as? Int == 1)
        #expect((stale["words"] as? [[String: String]])?.last == ["inserted": " This paragraph was updated (revision 1)."])
        #expect(rows[1]["changedSinceTranslated"] as? Bool == true && rows[0]["changedSinceTranslated"] as? Bool == false)
        #expect((object["summary"] as? [String: Int])?["changedSinceTranslated"] == 1)
    }
}
