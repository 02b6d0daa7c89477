/// The anchor costs of beads, computed for every cell without recounting.
///
/// A bead's anchor cost is `−reward × matched + mismatch × (sourceOnly + targetOnly)`: weights of
/// anchors found on both sides, on the source side only, on the target side only (names and
/// acronyms count once per bead side, other anchors per occurrence). With `W` the total weight of
/// a side and `M = Σ weight × min(source count, target count)` over the anchors both sides have,
/// `sourceOnly = W(source) − M` and `targetOnly = W(target) − M`, so the cost is
/// `mismatch × (W(source) + W(target)) − (reward + 2 × mismatch) × M`.
///
/// `W` of the one, two and three paragraphs starting at a position is computed once per position;
/// `M` walks the target side's anchors once per cell, against counts of the source side kept for
/// the current row.
final class AnchorTables {
    /// Weight per anchor id.
    private let weights: UnsafeMutableBufferPointer<Double>
    private let presence: UnsafeMutableBufferPointer<Bool>
    /// Source counts for the row being priced: three lanes per id (paragraphs i, i…i+1, i…i+2).
    private let lanes: UnsafeMutableBufferPointer<Int32>
    private let source: SideBuffers
    private let target: TargetRuns
    /// `W` of the source paragraphs i, i…i+1, i…i+2 for the current row.
    private(set) var sourceWeight: (Double, Double, Double) = (0, 0, 0)
    private var row = -1

    /// Tables for `source` and `target` over the anchors of `features`.
    init(features: AlignmentFeatures, source: SideBuffers, target: SideBuffers, sourceMiss: [Double], targetMiss: [Double]) {
        let count = max(1, features.weights.count)
        weights = .allocate(capacity: count)
        _ = weights.initialize(from: features.weights + [Double](repeating: 0, count: count - features.weights.count))
        presence = .allocate(capacity: count)
        _ = presence.initialize(from: features.presenceOnly + [Bool](repeating: false, count: count - features.presenceOnly.count))
        lanes = .allocate(capacity: 3 * count)
        lanes.initialize(repeating: 0)
        self.source = source
        self.sourceMiss = Self.copy(sourceMiss, count: count)
        self.target = TargetRuns(target, presence: features.presenceOnly, miss: targetMiss)
    }

    private let sourceMiss: UnsafeMutableBufferPointer<Double>

    deinit {
        weights.deallocate()
        presence.deallocate()
        lanes.deallocate()
        sourceMiss.deallocate()
    }

    /// `W` of target paragraphs j, j…j+1, j…j+2.
    @inline(__always)
    func targetWeight(_ j: Int, paragraphs: Int) -> Double { target.weights[3 &* j &+ paragraphs &- 1] }

    /// Makes `i` the current row: counts the anchors of source paragraphs i, i+1, i+2.
    @inline(__always)
    func startRow(_ i: Int) {
        guard i != row else { return }
        if row >= 0 { forEachAnchor(of: row) { lanes[3 &* $0] = 0; lanes[3 &* $0 &+ 1] = 0; lanes[3 &* $0 &+ 2] = 0 } }
        row = i
        var totals = (0.0, 0.0, 0.0)
        for lane in 0..<3 where i + lane < source.count {
            let paragraph = i + lane
            for position in Int(source.offsets[paragraph])..<Int(source.offsets[paragraph + 1]) {
                let id = Int(source.ids[position])
                for into in lane..<3 {
                    let slot = 3 &* id &+ into
                    if presence[id] && lanes[slot] > 0 { continue }
                    lanes[slot] &+= 1
                    switch into {
                    case 0: totals.0 += sourceMiss[id]
                    case 1: totals.1 += sourceMiss[id]
                    default: totals.2 += sourceMiss[id]
                    }
                }
            }
        }
        sourceWeight = totals
    }

    /// `M` of the current row's source paragraphs with target paragraphs starting at `j`:
    /// (1-1, 2-1, 3-1, 1-2, 2-2, 1-3).
    @inline(__always)
    func matched(_ j: Int) -> (oneOne: Double, twoOne: Double, threeOne: Double, oneTwo: Double, twoTwo: Double, oneThree: Double) {
        var result = (oneOne: 0.0, twoOne: 0.0, threeOne: 0.0, oneTwo: 0.0, twoTwo: 0.0, oneThree: 0.0)
        for position in Int(target.offsets[3 &* j])..<Int(target.offsets[3 &* j &+ 1]) {
            let id = Int(target.ids[position]), count = target.counts[position], weight = weights[id]
            result.oneOne += weight * Double(min(lanes[3 &* id], count))
            result.twoOne += weight * Double(min(lanes[3 &* id &+ 1], count))
            result.threeOne += weight * Double(min(lanes[3 &* id &+ 2], count))
        }
        for position in Int(target.offsets[3 &* j &+ 1])..<Int(target.offsets[3 &* j &+ 2]) {
            let id = Int(target.ids[position]), count = target.counts[position], weight = weights[id]
            result.oneTwo += weight * Double(min(lanes[3 &* id], count))
            result.twoTwo += weight * Double(min(lanes[3 &* id &+ 1], count))
        }
        for position in Int(target.offsets[3 &* j &+ 2])..<Int(target.offsets[3 &* j &+ 3]) {
            let id = Int(target.ids[position])
            result.oneThree += weights[id] * Double(min(lanes[3 &* id], target.counts[position]))
        }
        return result
    }

    @inline(__always)
    private func forEachAnchor(of i: Int, _ body: (Int) -> Void) {
        for paragraph in i..<min(source.count, i + 3) {
            for position in Int(source.offsets[paragraph])..<Int(source.offsets[paragraph + 1]) { body(Int(source.ids[position])) }
        }
    }

    fileprivate static func copy(_ values: [Double], count: Int) -> UnsafeMutableBufferPointer<Double> {
        let buffer = UnsafeMutableBufferPointer<Double>.allocate(capacity: count)
        _ = buffer.initialize(from: values + [Double](repeating: 0, count: count - values.count))
        return buffer
    }
}

/// The target side as runs of one, two and three paragraphs from each position: for run r of
/// position j (r = 0, 1, 2), the anchors the source text also has with their counts (names
/// once), and the run's total mismatch weight `W`.
private final class TargetRuns {
    /// `offsets[3j + r] ..< offsets[3j + r + 1]` are run r of position j.
    let offsets: UnsafeMutableBufferPointer<Int32>
    let ids: UnsafeMutableBufferPointer<Int32>
    let counts: UnsafeMutableBufferPointer<Int32>
    /// `weights[3j + r]`: `W` of run r of position j.
    let weights: UnsafeMutableBufferPointer<Double>

    init(_ side: SideBuffers, presence: [Bool], miss: [Double]) {
        var offsets: [Int32] = [0], ids: [Int32] = [], counts: [Int32] = [], weights: [Double] = []
        var runCounts = [Int32](repeating: 0, count: max(1, miss.count))
        var order: [Int] = []
        for j in 0..<side.count {
            for run in 0..<3 {
                var weight = 0.0
                for paragraph in j..<min(side.count, j + run + 1) {
                    for position in Int(side.offsets[paragraph])..<Int(side.offsets[paragraph + 1]) {
                        let id = Int(side.ids[position])
                        let had = runCounts[id]
                        if presence[id] && had > 0 { continue }
                        if had == 0 { order.append(id) }
                        runCounts[id] = had + 1
                        weight += miss[id]
                    }
                }
                for id in order {
                    if side.isShared[id] {
                        ids.append(Int32(id))
                        counts.append(runCounts[id])
                    }
                    runCounts[id] = 0
                }
                order.removeAll(keepingCapacity: true)
                offsets.append(Int32(ids.count))
                weights.append(weight)
            }
        }
        func copy<Element>(_ values: [Element]) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, values.count))
            _ = buffer.initialize(from: values)
            return buffer
        }
        self.offsets = copy(offsets)
        self.ids = copy(ids)
        self.counts = copy(counts)
        self.weights = copy(weights)
    }

    deinit {
        offsets.deallocate()
        ids.deallocate()
        counts.deallocate()
        weights.deallocate()
    }
}
