@testable import SteleAlign
import Testing
import SteleLanguage

/// What `stele align` prints: the JSON shape, the side-by-side text, and how files become paragraphs.
@Suite("Output")
struct OutputTests {
    let alignment = ParagraphAlignment(from: .en, to: .fr, beads: [
        AlignmentBead(source: [0], target: [0], confidence: 0.98),
        AlignmentBead(source: [1, 2], target: [1], confidence: 0.7512),
        AlignmentBead(source: [3], target: [], confidence: 0.9),
    ])

    @Test("JSON has the documented keys in order, one bead a line, confidences to three decimals")
    func json() {
        #expect(alignment.json == """
            {"from": "en", "to": "fr", "beads": [
              {"source": [0], "target": [0], "confidence": 0.98},
              {"source": [1, 2], "target": [1], "confidence": 0.751},
              {"source": [3], "target": [], "confidence": 0.9}
            ]}
            """)
        #expect(ParagraphAlignment(from: .uk, to: .en, beads: []).json == #"{"from": "uk", "to": "en", "beads": []}"#)
    }

    @Test("Side by side: both columns within the width, every paragraph shown under its bead")
    func sideBySide() {
        let source = ["Allies met in Brussels.", "They agreed a plan that will double the number of air defence systems on the eastern flank.",
                      "It takes effect in 2026.", "Photo: the ministers."]
        let target = ["Les Alliés se sont réunis à Bruxelles.", "Ils ont adopté un plan qui entre en vigueur en 2026."]
        let text = SideBySideText.render(alignment, source: source, target: target, width: 60)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 60 })
        #expect(lines[0].hasPrefix("en") && lines[0].contains("│ fr"))
        #expect(lines.filter { $0.hasPrefix("── ") }.map { $0.prefix(12) } == ["── 1-1 · 0.9", "── 2-1 · 0.7", "── 1-0 · 0.9"])
        #expect(text.contains("(no counterpart)"))
        #expect(text.contains("air defence systems on"))
        // Numbered from 1, as stele diff numbers paragraphs: the last source paragraph is 4.
        #expect(lines.contains { $0.hasPrefix(" 1 Allies met") })
        #expect(lines.contains { $0.hasPrefix(" 4 Photo: the ministers.") })
    }

    @Test("Wrapping breaks at spaces, and cuts words longer than a line")
    func wrap() {
        #expect(SideBySideText.wrap("one two three", width: 7) == ["one two", "three"])
        #expect(SideBySideText.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(SideBySideText.wrap("", width: 4) == [""])
    }

    @Test("Files become paragraphs: one a line, trimmed, empty lines dropped, CRLF understood")
    func paragraphs() {
        #expect(ParagraphText.paragraphs(in: "  First.  \n\n\t\nSecond.\r\nThird.\r\n\n") == ["First.", "Second.", "Third."])
        #expect(ParagraphText.paragraphs(in: "") == [])
        #expect(ParagraphText.paragraphs(in: "\n \n") == [])
    }
}
