/// The anchor cost of a bead whose one side is a cut text, counted afresh: the other side's
/// anchors past the cut (with some slack, as word order differs) can have no counterpart, so they
/// neither match nor miss. Cut beads end at the last row or column, so few beads need it.
final class CutAnchorTally {
    private let weights: [Double]
    private let presence: [Bool]
    private let sourceMiss: [Double]
    private let targetMiss: [Double]
    private var sourceCounts: [Int32]
    private var targetCounts: [Int32]
    private var touched: [Int] = []
    /// How far past the cut an anchor still counts, as a share of its paragraph.
    private let slack = 0.1

    init(features: AlignmentFeatures, sourceMiss: [Double], targetMiss: [Double]) {
        weights = features.weights
        presence = features.presenceOnly
        self.sourceMiss = sourceMiss
        self.targetMiss = targetMiss
        sourceCounts = [Int32](repeating: 0, count: features.weights.count)
        targetCounts = sourceCounts
    }

    /// `reward × matched` and `sourceOnly + targetOnly` weights of the bead, keeping on each side
    /// only the anchors within the kept share of their paragraph.
    func tally(_ source: SideBuffers, _ sourceParagraphs: Range<Int>, sourceKept: Double,
               _ target: SideBuffers, _ targetParagraphs: Range<Int>, targetKept: Double) -> (matched: Double, unmatched: Double) {
        count(source, sourceParagraphs, limit: sourceKept + slack, into: &sourceCounts)
        count(target, targetParagraphs, limit: targetKept + slack, into: &targetCounts)
        var matched = 0.0, unmatched = 0.0
        for id in touched {
            var mine = Int(sourceCounts[id]), theirs = Int(targetCounts[id])
            guard mine + theirs > 0 else { continue }
            sourceCounts[id] = 0
            targetCounts[id] = 0
            if presence[id] { (mine, theirs) = (min(mine, 1), min(theirs, 1)) }
            let both = min(mine, theirs)
            matched += weights[id] * Double(both)
            unmatched += sourceMiss[id] * Double(mine - both) + targetMiss[id] * Double(theirs - both)
        }
        touched.removeAll(keepingCapacity: true)
        return (matched, unmatched)
    }

    private func count(_ side: SideBuffers, _ paragraphs: Range<Int>, limit: Double, into counts: inout [Int32]) {
        for paragraph in paragraphs {
            for position in Int(side.offsets[paragraph])..<Int(side.offsets[paragraph + 1]) where Double(side.positions[position]) <= limit {
                let id = Int(side.ids[position])
                counts[id] += 1
                touched.append(id)
            }
        }
    }
}
