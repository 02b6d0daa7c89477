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
struct LengthCost: Sendable {
    /// Expected target characters per source character.
    let ratio: Double
    /// Variance per character, in target characters.
    let variance: Double
    /// The cost of reading a side's last paragraph as cut short, or nil when texts are never cut.
    let cutPenalty: Double?
    private let table: [Double]
    private static let step = 0.01
    private static let limit = 12.0

    /// The length cost for a pair of languages under `model`.
    init(model: AlignmentParameters.LengthModel, ratio: Double, variance: Double) {
        self.ratio = ratio
        self.variance = variance
        cutPenalty = model.lastParagraphMayBeCut ? model.cutPenalty : nil
        let outlier = model.outlierProbability
        table = (0...Int(Self.limit / Self.step) + 1).map { step in
            let delta = Double(step) * Self.step
            return -log((1 - outlier) * erfc(delta / 2.0.squareRoot()) + outlier)
        }
    }

    /// The cost for `sourceLength` and `targetLength` characters, and the share of each side's
    /// anchors that should be there (below 1 when the other side is a cut text).
    ///
    /// A cut paragraph is taken as the beginning of the translation of one paragraph, cut at a
    /// uniformly random point: its length has density `1 / full` instead of the normal law's,
    /// which costs `log(full / √(2π·v·μ))` against a perfect match, plus the cut penalty. The
    /// shortfall is forgiven only when the other side of the bead is a single paragraph, so that
    /// the paragraphs after a cut come out as 1-0 beads rather than merged into it.
    @inline(__always)
    func cost(source sourceLength: Double, target targetLength: Double, sourceIsLast: Bool, targetIsLast: Bool,
              sourceParagraphs: Int, targetParagraphs: Int) -> (cost: Double, sourceCoverage: Double, targetCoverage: Double) {
        let expected = ratio * sourceLength
        let mean = max(1, (expected + targetLength) / 2)
        let spread = (variance * mean).squareRoot()
        let regular = lookup(abs(targetLength - expected) / spread)
        if let cutPenalty {
            if targetIsLast && sourceParagraphs == 1 && targetLength > 0 && targetLength < expected {
                let cut = max(0, log(expected / (Self.rootTwoPi * spread))) + cutPenalty
                return cut < regular ? (cut, targetLength / expected, 1) : (regular, 1, 1)
            }
            if sourceIsLast && targetParagraphs == 1 && sourceLength > 0 && expected < targetLength {
                let cut = max(0, log(targetLength / (Self.rootTwoPi * spread))) + cutPenalty
                return cut < regular ? (cut, 1, expected / targetLength) : (regular, 1, 1)
            }
        }
        return (regular, 1, 1)
    }

    private static let rootTwoPi = (2 * Double.pi).squareRoot()

    @inline(__always)
    private func lookup(_ delta: Double) -> Double {
        let position = min(delta, Self.limit) / Self.step
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + (table[index + 1] - table[index]) * fraction
    }
}
