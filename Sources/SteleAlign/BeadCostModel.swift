/// Prices every bead that starts at a cell of the grid: shape penalty + length cost + anchor cost.
///
/// The search asks for the eight beads of each cell, row by row; the anchor tables keep the
/// current row's source counts, so a cell costs one walk over the target's anchors. The model
/// owns its memory as plain buffers and is used by one search at a time.
final class BeadCostModel {
    /// Source paragraphs.
    let sourceCount: Int
    /// Target paragraphs.
    let targetCount: Int

    private let source: SideBuffers
    private let target: SideBuffers
    private let penalties: (oneOne: Double, merge: Double, doubleMerge: Double, tripleMerge: Double)
    private let skip: Double
    private let edgeSkip: Double
    private let length: LengthCost
    private let reward: Double
    private let mismatch: Double
    private let anchors: AnchorTables
    private let cut: CutAnchorTally

    /// A cost model over two sides of `features` (or blocks of them).
    init(source: AlignmentFeatures.Side, target: AlignmentFeatures.Side, features: AlignmentFeatures,
         parameters: AlignmentParameters, length: LengthCost) {
        let absent = parameters.anchors.absentFactor
        let sourceMiss = zip(features.weights, features.inTarget).map { $1 ? $0 : $0 * absent }
        let targetMiss = zip(features.weights, features.inSource).map { $1 ? $0 : $0 * absent }
        self.source = SideBuffers(source, otherHas: features.inTarget)
        self.target = SideBuffers(target, otherHas: features.inSource)
        sourceCount = source.count
        targetCount = target.count
        let beads = parameters.beads
        penalties = (0, beads.merge, beads.doubleMerge, beads.tripleMerge)
        skip = beads.skip
        edgeSkip = beads.edgeSkip
        self.length = length
        reward = parameters.anchors.matchReward
        mismatch = parameters.anchors.mismatchPenalty
        anchors = AnchorTables(features: features, source: self.source, target: self.target, sourceMiss: sourceMiss, targetMiss: targetMiss)
        cut = CutAnchorTally(features: features, sourceMiss: sourceMiss, targetMiss: targetMiss)
    }

    /// Writes the cost of each ``BeadShape`` starting at source `i`, target `j` into `costs`
    /// (indexed by raw value); beads that run past either text cost infinity.
    func costs(from i: Int, _ j: Int, into costs: UnsafeMutablePointer<Double>) {
        let sourceSkip = j == 0 || j == targetCount ? edgeSkip : skip
        let targetSkip = i == 0 || i == sourceCount ? edgeSkip : skip
        costs[BeadShape.oneZero.rawValue] = i < sourceCount ? sourceSkip * source.units[i] : .infinity
        costs[BeadShape.zeroOne.rawValue] = j < targetCount ? targetSkip * target.units[j] : .infinity
        for shape in 0..<6 { costs[shape] = .infinity }
        guard i < sourceCount, j < targetCount else { return }
        anchors.startRow(i)
        let sourceWeight = anchors.sourceWeight
        let shared = anchors.matched(j)
        let twoSources = i + 1 < sourceCount, threeSources = i + 2 < sourceCount
        let twoTargets = j + 1 < targetCount, threeTargets = j + 2 < targetCount
        costs[BeadShape.oneOne.rawValue] = price(penalties.oneOne, i, 1, j, 1, sourceWeight.0, shared.oneOne)
        if twoTargets { costs[BeadShape.oneTwo.rawValue] = price(penalties.merge, i, 1, j, 2, sourceWeight.0, shared.oneTwo) }
        if threeTargets { costs[BeadShape.oneThree.rawValue] = price(penalties.tripleMerge, i, 1, j, 3, sourceWeight.0, shared.oneThree) }
        if twoSources { costs[BeadShape.twoOne.rawValue] = price(penalties.merge, i, 2, j, 1, sourceWeight.1, shared.twoOne) }
        if twoSources && twoTargets { costs[BeadShape.twoTwo.rawValue] = price(penalties.doubleMerge, i, 2, j, 2, sourceWeight.1, shared.twoTwo) }
        if threeSources { costs[BeadShape.threeOne.rawValue] = price(penalties.tripleMerge, i, 3, j, 1, sourceWeight.2, shared.threeOne) }
    }

    /// A bead's cost from its shape penalty, its extent, its source side's total anchor weight
    /// and the weight shared by both sides.
    @inline(__always)
    private func price(_ penalty: Double, _ i: Int, _ di: Int, _ j: Int, _ dj: Int, _ sourceWeight: Double, _ shared: Double) -> Double {
        let lengths = length.cost(source: source.prefix[i + di] - source.prefix[i], target: target.prefix[j + dj] - target.prefix[j],
                                  sourceIsLast: i + di == sourceCount, targetIsLast: j + dj == targetCount,
                                  sourceParagraphs: di, targetParagraphs: dj)
        if lengths.sourceKept < 1 || lengths.targetKept < 1 {
            let tally = cut.tally(source, i..<i + di, sourceKept: lengths.sourceKept, target, j..<j + dj, targetKept: lengths.targetKept)
            return penalty + lengths.cost - reward * tally.matched + mismatch * tally.unmatched
        }
        let total = sourceWeight + anchors.targetWeight(j, paragraphs: dj)
        return penalty + lengths.cost + mismatch * total - (reward + 2 * mismatch) * shared
    }
}
