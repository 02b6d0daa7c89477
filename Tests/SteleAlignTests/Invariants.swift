import SteleAlign
import Testing

extension ParagraphAlignment {
    /// The beads without confidences.
    var links: [Link] { beads.map { Link($0.source, $0.target) } }
}

/// Records a test failure for every way `alignment` breaks the model's promises for an n × m
/// pair: beads in order, each index exactly once, shapes among the eight, confidences in [0, 1].
func expectWellFormed(_ alignment: ParagraphAlignment, sourceCount n: Int, targetCount m: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(alignment.beads.flatMap(\.source) == Array(0..<n), "source indices in order, once each", sourceLocation: sourceLocation)
    #expect(alignment.beads.flatMap(\.target) == Array(0..<m), "target indices in order, once each", sourceLocation: sourceLocation)
    let shapes: Set = ["1-1", "1-2", "2-1", "2-2", "1-3", "3-1", "1-0", "0-1"]
    for bead in alignment.beads {
        #expect(shapes.contains(bead.shape), "bead \(bead.source)↔\(bead.target) has shape \(bead.shape)", sourceLocation: sourceLocation)
        #expect(bead.confidence >= 0 && bead.confidence <= 1, "confidence \(bead.confidence)", sourceLocation: sourceLocation)
    }
}
