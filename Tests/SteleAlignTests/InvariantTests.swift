import SteleAlign
import SteleFixtures
import Testing
import SteleLanguage

/// The promises every alignment keeps, checked over thousands of seeded random inputs.
@Suite("Invariants")
struct InvariantTests {
    @Test("Unrelated random texts: beads in order, every index exactly once, shapes and confidences valid", arguments: 0..<4)
    func unrelatedTexts(batch: UInt64) {
        var generator = SeededGenerator(seed: 0xA11C_0000 + batch)
        let aligner = ParagraphAligner()
        for _ in 0..<500 {
            let source = RandomTexts.text(maxParagraphs: 12, using: &generator)
            let target = RandomTexts.text(maxParagraphs: 12, using: &generator)
            let language = Language.allCases.randomElement(using: &generator)!
            let alignment = aligner.align(source: source, target: target, from: .en, to: language)
            expectWellFormed(alignment, sourceCount: source.count, targetCount: target.count)
        }
    }

    @Test("Translation-like random texts: the invariants hold and most beads are the expected 1-1 ones", arguments: 0..<4)
    func relatedTexts(batch: UInt64) {
        var generator = SeededGenerator(seed: 0xBEAD_0000 + batch)
        let aligner = ParagraphAligner()
        for _ in 0..<250 {
            let source = RandomTexts.text(maxParagraphs: 30, using: &generator)
            let target = RandomTexts.translation(of: source, using: &generator)
            let alignment = aligner.align(source: source, target: target, from: .en, to: .fr)
            expectWellFormed(alignment, sourceCount: source.count, targetCount: target.count)
        }
    }

    @Test("The banded search on long texts keeps the invariants", arguments: 0..<3)
    func bandedInvariants(batch: UInt64) {
        var generator = SeededGenerator(seed: 0xBA2D_0000 + batch)
        var parameters = AlignmentParameters.calibrated
        parameters.search.fullGridCellLimit = 400
        parameters.search.bandMargin = 2
        let aligner = ParagraphAligner(parameters: parameters)
        for _ in 0..<60 {
            let source = RandomTexts.text(maxParagraphs: 120, using: &generator)
            let target = Bool.random(using: &generator)
                ? RandomTexts.translation(of: source, using: &generator)
                : RandomTexts.text(maxParagraphs: 120, using: &generator)
            let alignment = aligner.align(source: source, target: target, from: .en, to: .uk)
            expectWellFormed(alignment, sourceCount: source.count, targetCount: target.count)
        }
    }

    @Test("On a long translation the banded search finds what the full grid finds")
    func bandedMatchesFull() {
        var generator = SeededGenerator(seed: 42)
        var banded = AlignmentParameters.calibrated
        banded.search.fullGridCellLimit = 1_000
        for _ in 0..<10 {
            let source = (0..<150).map { _ in RandomTexts.paragraph(maxWords: 60, using: &generator) }
            let target = RandomTexts.translation(of: source, using: &generator)
            let full = ParagraphAligner().align(source: source, target: target, from: .en, to: .fr)
            let band = ParagraphAligner(parameters: banded).align(source: source, target: target, from: .en, to: .fr)
            #expect(band.links == full.links)
        }
    }

    @Test("The same input always gives the same alignment")
    func deterministic() {
        var generator = SeededGenerator(seed: 7)
        let source = RandomTexts.text(maxParagraphs: 40, using: &generator)
        let target = RandomTexts.translation(of: source, using: &generator)
        let first = ParagraphAligner().align(source: source, target: target, from: .en, to: .uk)
        let second = ParagraphAligner().align(source: source, target: target, from: .en, to: .uk)
        #expect(first == second)
    }
}

/// Accuracy where the truth is known by construction: long generated releases with omissions,
/// merges and splits, searched over a band.
@Suite("Generated releases")
struct GeneratedReleaseTests {
    @Test("A 1,500-paragraph generated translation: the banded search finds at least 97% of the true beads", arguments: [UInt64(1), 2])
    func longRelease(seed: UInt64) {
        let pair = SyntheticRelease.pair(paragraphs: 1_500, seed: seed)
        let alignment = ParagraphAligner().align(source: pair.source, target: pair.target, from: .en, to: .fr)
        expectWellFormed(alignment, sourceCount: pair.source.count, targetCount: pair.target.count)
        let found = Set(alignment.links)
        let right = pair.gold.filter { found.contains(Link($0.source, $0.target)) }.count
        #expect(Double(right) >= 0.97 * Double(pair.gold.count), "\(right) of \(pair.gold.count)")
    }
}
