#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The length term of a bead: how unlikely its target length is given its source length.
///
/// After Gale and Church (1993): `δ = (lt − r·ls) / √(v·μ)` with `μ` the mean of the two lengths in
/// target characters, and the cost is `−log P(|Δ| ≥ |δ|)` under a normal law, mixed with a small
/// outlier probability so that one rewritten title cannot outweigh everything else.
final class LengthCost {
    /// Expected target characters per source character.
    let ratio: Double
    /// Variance per character, in target characters.
    let variance: Double
    /// Whether a side's last paragraph may be read as cut short, and what that costs.
    let cutAllowed: Bool
    let cutPenalty: Double
    /// Costs for δ² = 0, 0.05, 0.1, … 144.05, interpolated between: erfc, log and even the
    /// square root are too slow for every bead of every cell.
    private let table: UnsafeBufferPointer<Double>
    private let owner: CostTable
    fileprivate static var stepsPerUnit: Double { 20 }
    fileprivate static var limit: Double { 144 }
    private let rootTwoPi = (2 * Double.pi).squareRoot()

    /// The length cost for a pair of languages under `model`, reading `table`.
    init(model: AlignmentParameters.LengthModel, ratio: Double, variance: Double, table: CostTable) {
        self.ratio = ratio
        self.variance = variance
        cutAllowed = model.lastParagraphMayBeCut
        cutPenalty = model.cutPenalty
        owner = table
        self.table = UnsafeBufferPointer(table.values)
    }

    /// Costs by δ² for one outlier probability: made once per aligner (erfc and log are slow)
    /// and read by every alignment it makes, from any thread (it never changes).
    final class CostTable: @unchecked Sendable {
        let values: UnsafeMutableBufferPointer<Double>

        init(outlierProbability outlier: Double) {
            let costs = (0...Int(LengthCost.limit * LengthCost.stepsPerUnit) + 1).map { step in
                let delta = (Double(step) / LengthCost.stepsPerUnit).squareRoot()
                return -log((1 - outlier) * erfc(delta / 2.0.squareRoot()) + outlier)
            }
            values = .allocate(capacity: costs.count)
            _ = values.initialize(from: costs)
        }

        deinit {
            values.deallocate()
        }
    }

    /// The cost for `sourceLength` and `targetLength` characters, and the share of each side
    /// that has its counterpart in the bead (below 1 when the other side is a cut text).
    ///
    /// A cut paragraph is taken as the beginning of the translation of one paragraph, cut at a
    /// uniformly random point: its length has density `1 / full` instead of the normal law's,
    /// which costs `log(full / √(2π·v·μ))` against a perfect match, plus the cut penalty. The
    /// shortfall is forgiven only when the other side of the bead is a single paragraph, so that
    /// the paragraphs after a cut come out as 1-0 beads rather than merged into it.
    @inline(__always)
    func cost(source sourceLength: Double, target targetLength: Double, sourceIsLast: Bool, targetIsLast: Bool,
              sourceParagraphs: Int, targetParagraphs: Int) -> (cost: Double, sourceKept: Double, targetKept: Double) {
        let expected = ratio * sourceLength
        let mean = max(1, (expected + targetLength) / 2)
        let difference = targetLength - expected
        let regular = lookup(difference * difference / (variance * mean))
        if (targetIsLast || sourceIsLast) && cutAllowed {
            let spread = (variance * mean).squareRoot()
            if targetIsLast && sourceParagraphs == 1 && targetLength > 0 && targetLength < expected {
                let cut = max(0, log(expected / (rootTwoPi * spread))) + cutPenalty
                return cut < regular ? (cut, targetLength / expected, 1) : (regular, 1, 1)
            }
            if sourceIsLast && targetParagraphs == 1 && sourceLength > 0 && expected < targetLength {
                let cut = max(0, log(targetLength / (rootTwoPi * spread))) + cutPenalty
                return cut < regular ? (cut, 1, expected / targetLength) : (regular, 1, 1)
            }
        }
        return (regular, 1, 1)
    }

    @inline(__always)
    private func lookup(_ deltaSquared: Double) -> Double {
        let position = min(deltaSquared, Self.limit) * Self.stepsPerUnit
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}
