/// The band for a long pair of texts: align blocks of paragraphs first, then keep the cells near
/// that coarse path, so time and memory grow with n + m rather than n × m.
enum CoarseBand {
    /// Coarse grids hold about this many cells.
    static let coarseCells = 20_000

    /// Paragraphs per block for an n × m pair.
    static func blockSize(sourceCount n: Int, targetCount m: Int) -> Int {
        let cells = Double(n + 1) * Double(m + 1)
        return max(2, Int((cells / Double(coarseCells)).squareRoot().rounded(.up)))
    }

    /// The path of block beads for `features`, in blocks of `blockSize` paragraphs.
    static func coarsePath(features: AlignmentFeatures, parameters: AlignmentParameters, length: LengthCost,
                           blockSize: Int) -> [AlignmentSearch.Step] {
        let source = features.source.blocks(of: blockSize)
        let target = features.target.blocks(of: blockSize)
        let model = BeadCostModel(source: source, target: target, features: features, parameters: parameters, length: length)
        let band = AlignmentBand.full(sourceCount: source.count, targetCount: target.count)
        return AlignmentSearch(model: model, band: band, margins: false).steps
    }

    /// The cells within `margin` paragraphs of the coarse path, which runs straight through each block bead.
    static func band(around path: [AlignmentSearch.Step], blockSize: Int, sourceCount n: Int, targetCount m: Int,
                     margin: Int) -> AlignmentBand {
        var lower = [Int](repeating: Int.max, count: n + 1)
        var upper = [Int](repeating: Int.min, count: n + 1)
        for step in path {
            let top = min(n, step.sourceStart * blockSize), bottom = min(n, (step.sourceStart + step.shape.sourceCount) * blockSize)
            let left = min(m, step.targetStart * blockSize), right = min(m, (step.targetStart + step.shape.targetCount) * blockSize)
            for row in top...bottom {
                let center = bottom == top ? left : left + (right - left) * (row - top) / (bottom - top)
                let first = bottom == top ? left : center, last = bottom == top ? right : center
                lower[row] = min(lower[row], first - margin)
                upper[row] = max(upper[row], last + margin)
            }
        }
        return AlignmentBand(lower: lower, upper: upper, targetCount: m)
    }
}
