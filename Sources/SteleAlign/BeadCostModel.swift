/// Prices every bead that starts at a cell of the grid: shape penalty + length cost + anchor cost.
///
/// The beads from one cell share paragraphs (1-1 ⊂ 1-2 ⊂ 1-3, 1-1 ⊂ 2-1 ⊂ 2-2 …), so their anchor
/// costs are built incrementally: adding or removing a paragraph touches only its own anchors. The
/// model owns scratch memory and is used by one search at a time.
final class BeadCostModel {
    /// Source paragraphs.
    let sourceCount: Int
    /// Target paragraphs.
    let targetCount: Int

    private let source: AlignmentFeatures.Side
    private let target: AlignmentFeatures.Side
    private let sourcePrefix: [Double]
    private let targetPrefix: [Double]
    private let sourceUnits: [Double]
    private let targetUnits: [Double]
    private let penalties: [Double]
    private let skip: Double
    private let edgeSkip: Double
    private let length: LengthCost
    private let reward: Double
    private let mismatch: Double

    private let weights: UnsafeMutableBufferPointer<Double>
    /// The cost weight of an anchor left unshared on the source side (0 when the target text never has it), and on the target side.
    private let sourceMissWeights: UnsafeMutableBufferPointer<Double>
    private let targetMissWeights: UnsafeMutableBufferPointer<Double>
    private let presence: UnsafeMutableBufferPointer<Bool>
    private let stamps: UnsafeMutableBufferPointer<UInt32>
    private let sourceCounts: UnsafeMutableBufferPointer<Int32>
    private let targetCounts: UnsafeMutableBufferPointer<Int32>
    private var epoch: UInt32 = 0
    /// Weight found on both sides, on the source only, on the target only, for the current bead.
    private var matched = 0.0
    private var sourceOnly = 0.0
    private var targetOnly = 0.0

    /// A cost model over `features` (or blocks of them), with `units` paragraphs per entry for skip costs.
    init(source: AlignmentFeatures.Side, target: AlignmentFeatures.Side, features: AlignmentFeatures,
         parameters: AlignmentParameters, length: LengthCost) {
        self.source = source
        self.target = target
        sourceCount = source.count
        targetCount = target.count
        sourcePrefix = Self.prefixSums(source.lengths)
        targetPrefix = Self.prefixSums(target.lengths)
        sourceUnits = source.units
        targetUnits = target.units
        penalties = BeadShape.allCases.map { $0.penalty(parameters.beads) }
        skip = parameters.beads.skip
        edgeSkip = parameters.beads.edgeSkip
        self.length = length
        reward = parameters.anchors.matchReward
        mismatch = parameters.anchors.mismatchPenalty
        let count = max(1, features.weights.count)
        let padding = [Double](repeating: 0, count: count - features.weights.count)
        weights = .allocate(capacity: count)
        _ = weights.initialize(from: features.weights + padding)
        sourceMissWeights = .allocate(capacity: count)
        let absent = parameters.anchors.absentFactor
        _ = sourceMissWeights.initialize(from: zip(features.weights, features.inTarget).map { $1 ? $0 : $0 * absent } + padding)
        targetMissWeights = .allocate(capacity: count)
        _ = targetMissWeights.initialize(from: zip(features.weights, features.inSource).map { $1 ? $0 : $0 * absent } + padding)
        presence = .allocate(capacity: count)
        _ = presence.initialize(from: features.presenceOnly + [Bool](repeating: false, count: count - features.presenceOnly.count))
        stamps = .allocate(capacity: count)
        stamps.initialize(repeating: 0)
        sourceCounts = .allocate(capacity: count)
        sourceCounts.initialize(repeating: 0)
        targetCounts = .allocate(capacity: count)
        targetCounts.initialize(repeating: 0)
    }

    deinit {
        weights.deallocate()
        sourceMissWeights.deallocate()
        targetMissWeights.deallocate()
        presence.deallocate()
        stamps.deallocate()
        sourceCounts.deallocate()
        targetCounts.deallocate()
    }

    /// Writes the cost of each ``BeadShape`` starting at source `i`, target `j` into `costs`
    /// (indexed by raw value); beads that run past either text cost infinity.
    func costs(from i: Int, _ j: Int, into costs: UnsafeMutablePointer<Double>) {
        let sourceSkip = j == 0 || j == targetCount ? edgeSkip : skip
        let targetSkip = i == 0 || i == sourceCount ? edgeSkip : skip
        costs[BeadShape.oneZero.rawValue] = i < sourceCount ? sourceSkip * sourceUnits[i] : .infinity
        costs[BeadShape.zeroOne.rawValue] = j < targetCount ? targetSkip * targetUnits[j] : .infinity
        for shape in 0..<6 { costs[shape] = .infinity }
        guard i < sourceCount, j < targetCount else { return }
        startBead()
        addSource(i)
        addTarget(j)
        costs[BeadShape.oneOne.rawValue] = price(.oneOne, i, 1, j, 1)
        if j + 1 < targetCount {
            addTarget(j + 1)
            costs[BeadShape.oneTwo.rawValue] = price(.oneTwo, i, 1, j, 2)
            if j + 2 < targetCount {
                addTarget(j + 2)
                costs[BeadShape.oneThree.rawValue] = price(.oneThree, i, 1, j, 3)
                removeTarget(j + 2)
            }
            removeTarget(j + 1)
        }
        guard i + 1 < sourceCount else { return }
        addSource(i + 1)
        costs[BeadShape.twoOne.rawValue] = price(.twoOne, i, 2, j, 1)
        if j + 1 < targetCount {
            addTarget(j + 1)
            costs[BeadShape.twoTwo.rawValue] = price(.twoTwo, i, 2, j, 2)
            removeTarget(j + 1)
        }
        if i + 2 < sourceCount {
            addSource(i + 2)
            costs[BeadShape.threeOne.rawValue] = price(.threeOne, i, 3, j, 1)
        }
    }

    @inline(__always)
    private func price(_ shape: BeadShape, _ i: Int, _ di: Int, _ j: Int, _ dj: Int) -> Double {
        let lengths = length.cost(source: sourcePrefix[i + di] - sourcePrefix[i], target: targetPrefix[j + dj] - targetPrefix[j],
                                  sourceIsLast: i + di == sourceCount, targetIsLast: j + dj == targetCount,
                                  sourceParagraphs: di, targetParagraphs: dj)
        let anchors = -reward * matched + mismatch * (lengths.sourceCoverage * sourceOnly + lengths.targetCoverage * targetOnly)
        return penalties[shape.rawValue] + lengths.cost + anchors
    }

    // MARK: Incremental anchor bags

    @inline(__always)
    private func startBead() {
        if epoch == UInt32.max {
            for index in stamps.indices { stamps[index] = 0 }
            epoch = 0
        }
        epoch += 1
        matched = 0
        sourceOnly = 0
        targetOnly = 0
    }

    @inline(__always)
    private func touch(_ id: Int) {
        if stamps[id] != epoch {
            stamps[id] = epoch
            sourceCounts[id] = 0
            targetCounts[id] = 0
        }
    }

    @inline(__always)
    private func addSource(_ paragraph: Int) {
        for position in Int(source.anchorOffsets[paragraph])..<Int(source.anchorOffsets[paragraph + 1]) {
            let id = Int(source.anchorIDs[position])
            touch(id)
            let mine = sourceCounts[id], theirs = targetCounts[id]
            sourceCounts[id] = mine + 1
            if presence[id] && mine >= 1 { continue }
            if mine < theirs { matched += weights[id]; targetOnly -= targetMissWeights[id] } else { sourceOnly += sourceMissWeights[id] }
        }
    }

    @inline(__always)
    private func addTarget(_ paragraph: Int) {
        for position in Int(target.anchorOffsets[paragraph])..<Int(target.anchorOffsets[paragraph + 1]) {
            let id = Int(target.anchorIDs[position])
            touch(id)
            let mine = targetCounts[id], theirs = sourceCounts[id]
            targetCounts[id] = mine + 1
            if presence[id] && mine >= 1 { continue }
            if mine < theirs { matched += weights[id]; sourceOnly -= sourceMissWeights[id] } else { targetOnly += targetMissWeights[id] }
        }
    }

    @inline(__always)
    private func removeTarget(_ paragraph: Int) {
        for position in Int(target.anchorOffsets[paragraph])..<Int(target.anchorOffsets[paragraph + 1]) {
            let id = Int(target.anchorIDs[position])
            let mine = targetCounts[id] - 1, theirs = sourceCounts[id]
            targetCounts[id] = mine
            if presence[id] && mine >= 1 { continue }
            if mine < theirs { matched -= weights[id]; sourceOnly += sourceMissWeights[id] } else { targetOnly -= targetMissWeights[id] }
        }
    }

    private static func prefixSums(_ values: [Double]) -> [Double] {
        var sums = [0.0]
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + value) }
        return sums
    }
}
