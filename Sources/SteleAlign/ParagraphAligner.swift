public import SteleLanguage

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Aligns two language versions of a text paragraph by paragraph.
///
/// A monotone dynamic programme over beads 1-1, 1-2, 2-1, 2-2, 1-3, 3-1, 1-0 and 0-1, priced by
/// shape, by length (characters, with an expected ratio and variance per language pair) and by
/// anchors that survive translation: numbers, dates, percentages, quotation marks, `? ! : (`, list
/// bullets, acronyms and proper names (Ukrainian names compared through a Latin transliteration),
/// each weighted by its rarity in the two texts. Paragraphs without a counterpart cost a flat
/// penalty, so an untranslated tail comes out as 1-0 beads rather than forced merges.
///
/// Small pairs are searched over the whole grid; above ``AlignmentParameters/SearchLimits/fullGridCellLimit``
/// cells, blocks of paragraphs are aligned first and only a band around that path is searched.
/// Pure and deterministic: the same input gives the same beads.
public struct ParagraphAligner: Sendable {
    /// The most paragraphs on one side that callers should hand over: no release is this long,
    /// and the aligner's memory grows with the paragraphs (a few hundred bytes each), so a page or
    /// a file of a million one-letter lines must be refused before it is aligned.
    public static let maximumParagraphs = 100_000

    /// The parameters in use.
    public let parameters: AlignmentParameters
    /// Length costs, computed once (erfc and log are slow).
    private let lengthTable: LengthCost.CostTable

    /// An aligner with `parameters` (by default the calibrated ones).
    public init(parameters: AlignmentParameters = .calibrated) {
        self.parameters = parameters
        lengthTable = LengthCost.CostTable(outlierProbability: parameters.length.outlierProbability)
    }

    /// Aligns `source` paragraphs in language `from` with their translation `target` in language `to`.
    ///
    /// The beads are in order and hold every index of both arrays exactly once.
    public func align(source: [String], target: [String], from: Language, to: Language) -> ParagraphAlignment {
        let n = source.count, m = target.count
        guard n > 0, m > 0 else {
            let beads = (0..<n).map { AlignmentBead(source: [$0], target: [], confidence: 1) }
                + (0..<m).map { AlignmentBead(source: [], target: [$0], confidence: 1) }
            return ParagraphAlignment(from: from, to: to, beads: beads)
        }
        let features = AlignmentFeatures(source: source, target: target, anchors: parameters.anchors)
        let expectation = parameters.lengthExpectation(from: from, to: to)
        let length = LengthCost(model: parameters.length, ratio: expectation.ratio, variance: expectation.variance, table: lengthTable)
        let model = BeadCostModel(source: features.source, target: features.target, features: features,
                                  parameters: parameters, length: length)
        let steps = search(model: model, features: features, length: length)
        let beads = steps.map { step in
            AlignmentBead(source: Array(step.sourceStart..<step.sourceStart + step.shape.sourceCount),
                          target: Array(step.targetStart..<step.targetStart + step.shape.targetCount),
                          confidence: confidence(margin: step.margin))
        }
        return ParagraphAlignment(from: from, to: to, beads: beads)
    }

    private func search(model: BeadCostModel, features: AlignmentFeatures, length: LengthCost) -> [AlignmentSearch.Step] {
        let n = model.sourceCount, m = model.targetCount
        let limit = parameters.search.fullGridCellLimit
        guard Double(n + 1) * Double(m + 1) > Double(limit) else {
            return AlignmentSearch(model: model, band: .full(sourceCount: n, targetCount: m), margins: true).steps
        }
        let blockSize = CoarseBand.blockSize(sourceCount: n, targetCount: m)
        let coarse = CoarseBand.coarsePath(features: features, parameters: parameters, length: length, blockSize: blockSize)
        var margin = parameters.search.bandMargin
        while true {
            let band = CoarseBand.band(around: coarse, blockSize: blockSize, sourceCount: n, targetCount: m, margin: margin)
            let result = AlignmentSearch(model: model, band: band, margins: true)
            // A path along the band's edge may have been cut short: widen and search again, within
            // a bound on memory (past it, the texts share too little for a wider search to help).
            let wider = margin * 2
            guard result.touchesInnerEdge, margin < max(n, m), Double(n + 1) * Double(2 * wider + 1) <= 8 * Double(limit) else {
                return result.steps
            }
            margin = wider
        }
    }

    /// Confidence from a cost margin: the probability of the chosen bead against its best
    /// alternative, were costs negative log-probabilities scaled by the confidence scale.
    private func confidence(margin: Double) -> Double {
        guard margin < .infinity else { return 1 }
        return 1 / (1 + exp(-margin / parameters.confidenceScale))
    }
}
