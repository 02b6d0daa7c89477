import SteleAlign
import SteleLanguage
import Testing

/// The shapes whole documents take: partial translations, empty sides, identical texts.
@Suite("Document structure")
struct StructureTests {
    let aligner = ParagraphAligner()

    @Test("An untranslated tail comes out as 1-0 beads, not merged into the last translated paragraph")
    func untranslatedTail() {
        let alignment = aligner.align(source: ReleaseTexts.english, target: Array(ReleaseTexts.french.prefix(4)), from: .en, to: .fr)
        expectWellFormed(alignment, sourceCount: 7, targetCount: 4)
        #expect(alignment.links == diagonal(4) + (4..<7).map { Link([$0], []) })
        #expect(alignment.unalignedSource == [4, 5, 6])
    }

    @Test("A translation cut in the middle of a paragraph keeps that paragraph 1-1")
    func cutTranslation() {
        var target = Array(ReleaseTexts.ukrainian.prefix(5))
        target[4] = String(target[4].prefix(30))
        let alignment = aligner.align(source: ReleaseTexts.english, target: target, from: .en, to: .uk)
        #expect(alignment.links == diagonal(5) + [Link([5], []), Link([6], [])])
    }

    @Test("A lead-only translation: title and lead align, the rest of the source has no counterpart")
    func leadOnly() {
        let target = [ReleaseTexts.ukrainian[0], ReleaseTexts.ukrainian[2]]
        let alignment = aligner.align(source: ReleaseTexts.english, target: target, from: .en, to: .uk)
        expectWellFormed(alignment, sourceCount: 7, targetCount: 2)
        #expect(alignment.links == [Link([0], [0]), Link([1], []), Link([2], [1]), Link([3], []), Link([4], []), Link([5], []), Link([6], [])])
    }

    @Test("Boilerplate left in English on the French page still aligns 1-1")
    func englishBoilerplate() {
        var source = ReleaseTexts.english, target = ReleaseTexts.french
        source.insert("• Last updated: 14 Mar. 2025 16:20", at: 2)
        target.insert("• Mis à jour le: 17 Mar. 2025 09:05", at: 2)
        #expect(aligner.align(source: source, target: target, from: .en, to: .fr).links == diagonal(8))
    }

    @Test("Two empty texts give no beads")
    func bothEmpty() {
        let alignment = aligner.align(source: [], target: [], from: .en, to: .fr)
        #expect(alignment.beads.isEmpty)
        #expect(alignment.from == .en && alignment.to == .fr)
    }

    @Test("An empty target leaves every source paragraph 1-0, with full confidence")
    func emptyTarget() {
        let alignment = aligner.align(source: ReleaseTexts.english, target: [], from: .en, to: .fr)
        #expect(alignment.links == (0..<7).map { Link([$0], []) })
        #expect(alignment.beads.allSatisfy { $0.confidence == 1 })
    }

    @Test("An empty source leaves every target paragraph 0-1")
    func emptySource() {
        let alignment = aligner.align(source: [], target: ReleaseTexts.ukrainian, from: .en, to: .uk)
        #expect(alignment.links == (0..<7).map { Link([], [$0]) })
        #expect(alignment.unalignedTarget == Array(0..<7))
    }

    @Test("Identical texts align on the diagonal with high confidence")
    func identical() {
        let alignment = aligner.align(source: ReleaseTexts.english, target: ReleaseTexts.english, from: .en, to: .en)
        #expect(alignment.links == diagonal(7))
        #expect(alignment.beads.allSatisfy { $0.confidence > 0.9 })
    }

    @Test("Empty strings are paragraphs like any other (the command drops empty lines before)")
    func emptyParagraphs() {
        let alignment = aligner.align(source: ["", "Allies met.", ""], target: ["Les Alliés se sont réunis."], from: .en, to: .fr)
        expectWellFormed(alignment, sourceCount: 3, targetCount: 1)
        #expect(alignment.bead(containingSource: 1)?.target == [0])
    }

    @Test("Confidence is lower where the alignment is a coin toss than where it is plain")
    func confidenceFollowsEvidence() {
        let plain = aligner.align(source: ReleaseTexts.english, target: ReleaseTexts.french, from: .en, to: .fr)
        let doubtful = aligner.align(source: ["Yes.", "Yes."], target: ["Oui."], from: .en, to: .fr)
        #expect(plain.beads.map(\.confidence).min()! > doubtful.beads.map(\.confidence).max()!)
        #expect(doubtful.beads.allSatisfy { $0.confidence < 0.7 })
    }
}
