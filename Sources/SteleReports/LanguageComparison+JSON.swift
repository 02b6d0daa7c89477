import SteleStore
import Foundation
import SteleDiff

extension LanguageComparison {
    /// Everything as one JSON object: the two versions, where the beads came from, what the
    /// translation was made from, every row with its paragraphs (0-based indices, as in the
    /// store's alignment files) and their changes since translated, and the counts.
    public var json: String {
        ReportJSON.encode(ComparisonJSON(self))
    }
}

private struct ComparisonJSON: Encodable {
    struct Paragraph: Encodable {
        var index: Int
        var text: String
        /// `changed` or `added`, when the paragraph differs from the version the translation was made from.
        var sinceTranslated: String?
        /// The base version's paragraph it was rewritten from.
        var baseIndex: Int?
        var words: [[String: String]]?
    }

    struct Row: Encodable {
        var shape: String
        var kind: String
        var confidence: Double
        var lowConfidence: Bool
        var changedSinceTranslated: Bool
        var addedSinceTranslated: Bool
        var source: [Paragraph]
        var target: [Paragraph]
    }

    struct StalenessJSON: Encodable {
        var baseVersion: Int?
        var shownVersion: Int
        var stale: Bool
        var removed: [Paragraph]
    }

    var release: String
    var title: String?
    var source: VersionJSON
    var target: VersionJSON
    var alignment: String
    var lowConfidenceThreshold: Double
    var staleness: StalenessJSON
    var rows: [Row]
    var summary: LanguageComparison.Summary

    init(_ comparison: LanguageComparison) {
        release = comparison.release.description
        title = comparison.title
        source = VersionJSON(comparison.source.version)
        target = VersionJSON(comparison.target.version)
        alignment = comparison.origin.rawValue
        lowConfidenceThreshold = comparison.lowConfidenceThreshold
        let staleness = comparison.staleness
        self.staleness = StalenessJSON(
            baseVersion: staleness.baseVersion, shownVersion: staleness.shownVersion, stale: staleness.isStale,
            removed: staleness.removed.map { Paragraph(index: $0.baseIndex, text: $0.text) })
        rows = comparison.rows.map { row in
            Row(
                shape: row.shape, kind: row.kind.rawValue, confidence: (row.confidence * 1000).rounded() / 1000, lowConfidence: row.isLowConfidence,
                changedSinceTranslated: row.isChangedSinceTranslated, addedSinceTranslated: row.isAddedSinceTranslated,
                source: row.source.map { index in
                    var paragraph = Paragraph(index: index, text: comparison.source.paragraphs[index])
                    switch row.changes[index] {
                    case .added?: paragraph.sinceTranslated = "added"
                    case .changed(let baseIndex, let words)?:
                        paragraph.sinceTranslated = "changed"
                        paragraph.baseIndex = baseIndex
                        paragraph.words = ReportJSON.segments(words)
                    case nil: break
                    }
                    return paragraph
                },
                target: row.target.map { Paragraph(index: $0, text: comparison.target.paragraphs[$0]) })
        }
        summary = comparison.summary
    }
}
