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
        #expect(comparison.rows.map(\.isChangedSinceTranslated) == [false, true, false, false, false, false, false, false])
        guard case .changed(let baseIndex, let words)? = comparison.rows[1].changes[1] else {
            Issue.record("paragraph 2 is not marked as changed")
            return
        }
        #expect(baseIndex == 1)
        #expect(words.segments.last == .inserted(" This paragraph was updated (revision 1)."))
        #expect(comparison.summary == LanguageComparison.Summary(rows: 8, matched: 8, changedSinceTranslated: 1))
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
        #expect(comparison.rows.map(\.kind) == [.match, .match] + Array(repeating: .sourceOnly, count: 6))
        #expect(comparison.summary.missingInTarget == 6)
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
            nato/news_231001  Foreign Ministers meet in Madrid
            en@2 fetched 2025-12-04 19:12; fr@1 fetched 2025-12-04 13:12, when en@1 was
            current; alignment from the store

            en@2                                   │ fr@1
            ── 1-1 · 0.91 ─────────────────────────┼────────────────────────────────────────
             1 NATO Foreign Ministers met in       │  1 Les ministres des Affaires
               Madrid on 2 February 2025 to review │    étrangères de l'OTAN se sont réunis
               the Alliance's readiness.           │    à Madrid le 2 février 2025 pour
                                                   │    faire le point sur l'état de
                                                   │    préparation de l'Alliance.
            ── 1-1 · 0.91 · changed since translated ───────────────────────────────────────
             2 Norway announced an additional      │  2 La Norvège a annoncé une
               contribution of 3,404 million euros │    contribution supplémentaire de 3\u{202F}404
               to the support package.{+ This      │    millions d'euros au programme de
               paragraph was updated (revision     │    soutien.
               1).+}                               │
            ── 1-1 · 0.98 ─────────────────────────┼────────────────────────────────────────
            """)
        #expect(text.hasSuffix("""

            8 rows: 8 matched, 0 en paragraphs missing in fr
            changed since translated (en@1 → en@2): 1 rewritten, 0 added, 0 removed

            """))
    }

    @Test("an untranslated tail side by side: each English paragraph on its own, marked missing in uk")
    func tailSideBySide() async throws {
        let text = SideBySideRenderer(width: 100, dates: .utc).render(try await comparison(0, "en", "uk"))
        #expect(text.contains("""
            ── 1-0 · 0.78 · missing in uk ───────────────────┼──────────────────────────────────────────────────
             4 The meeting concluded with a joint statement  │    (missing in uk)
               on cyber defence and the protection of        │
               critical undersea infrastructure.             │
            """))
        #expect(text.hasSuffix("8 rows: 2 matched, 6 en paragraphs missing in uk; 2 of low confidence (below 0.6)\n"
            + "changed since translated (en@1 → en@2): 1 rewritten, 0 added, 0 removed\n"))
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
        #expect(rows.count == 8)
        let stale = try #require((rows[1]["source"] as? [[String: Any]])?.first)
        #expect(stale["sinceTranslated"] as? String == "changed")
        #expect(stale["baseIndex"] as? Int == 1)
        #expect((stale["words"] as? [[String: String]])?.last == ["inserted": " This paragraph was updated (revision 1)."])
        #expect(rows[1]["changedSinceTranslated"] as? Bool == true && rows[0]["changedSinceTranslated"] as? Bool == false)
        #expect((object["summary"] as? [String: Int])?["changedSinceTranslated"] == 1)
    }
}
