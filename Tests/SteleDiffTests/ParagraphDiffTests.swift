import SteleDiff
import Testing

@Suite("Paragraph diff, pairing and statistics")
struct ParagraphDiffTests {
    let old = [
        "NATO Allies met in Brussels on Thursday.",
        "The Secretary General opened the meeting.",
        "Ministers discussed support for Ukraine.",
        "A press conference followed.",
    ]

    @Test("a rewritten paragraph is paired with its new version and diffed by words")
    func rewrittenParagraph() throws {
        var new = old
        new[2] = "Ministers discussed long-term support for Ukraine."
        let diff = ParagraphDiff(old: old, new: new)
        let changed = try #require(diff.rows.first { if case .changed = $0 { true } else { false } })
        guard case .changed(2, 2, let words) = changed else { Issue.record("expected paragraph 3 changed"); return }
        #expect(words.segments.contains(.inserted("long-term ")) || words.segments.contains(.inserted("long-term")) || words.wordsAdded == 2)
        #expect(diff.statistics == DiffStatistics(paragraphsChanged: 1, wordsAdded: 2))
    }

    @Test("an unrelated replacement is a removal and an addition, not a change")
    func unrelatedReplacement() {
        var new = old
        new[3] = "Зустріч завершилася без заяви."
        let diff = ParagraphDiff(old: old, new: new)
        #expect(diff.rows[3...] == [.removed(old: 3), .added(new: 3)])
        #expect(diff.statistics == DiffStatistics(paragraphsAdded: 1, paragraphsRemoved: 1, wordsAdded: 4, wordsRemoved: 4))
    }

    @Test("added and removed paragraphs are counted with their words")
    func addedAndRemoved() {
        let new = [old[0], old[1], old[3], "Further meetings are planned."]
        let diff = ParagraphDiff(old: old, new: new)
        #expect(diff.statistics.paragraphsRemoved == 1 && diff.statistics.paragraphsAdded == 1)
        #expect(diff.statistics.wordsRemoved == 5 && diff.statistics.wordsAdded == 4)
        #expect(diff.statistics.summary == "+1 -1 ~0 paragraphs, +4 -5 words")
    }

    @Test("pairing keeps the reading order when two paragraphs are rewritten")
    func orderedPairs() {
        let new = [old[0], "The Secretary General opened the long meeting.", "Ministers discussed support for Ukraine and Moldova.", old[3]]
        let diff = ParagraphDiff(old: old, new: new)
        let pairs = diff.rows.compactMap { row -> [Int]? in
            if case .changed(let a, let b, _) = row { return [a, b] } else { return nil }
        }
        #expect(pairs == [[1, 1], [2, 2]])
    }

    @Test("identical versions have no rows other than unchanged and no statistics")
    func identical() {
        let diff = ParagraphDiff(old: old, new: old)
        #expect(diff.isEmpty && diff.statistics.isEmpty)
        #expect(diff.rows.allSatisfy { $0.isUnchanged })
    }

    @Test("the word-diff rendering marks removed and inserted text like git --word-diff")
    func plainRendering() {
        var new = old
        new[0] = "NATO Allies met in Vilnius on Thursday."
        let text = WordDiffRenderer().render(ParagraphDiff(old: old, new: new), oldLabel: "en@1", newLabel: "en@2")
        #expect(text == """
            --- en@1
            +++ en@2
            @@ -1,4 +1,4 @@
            NATO Allies met in [-Brussels-]{+Vilnius+} on Thursday.
            The Secretary General opened the meeting.
            Ministers discussed support for Ukraine.
            A press conference followed.

            """)
    }

    @Test("the terminal rendering colours removed text red and inserted text green")
    func ansiRendering() {
        let new = old + ["Added."]
        let text = WordDiffRenderer(style: .ansi, context: 0).render(ParagraphDiff(old: old, new: new))
        #expect(text == "\u{1B}[36m@@ -4,0 +5 @@\u{1B}[m\n\u{1B}[32mAdded.\u{1B}[m\n")
    }
}
