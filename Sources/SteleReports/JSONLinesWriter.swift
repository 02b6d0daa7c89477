import SteleStore
import Foundation

/// JSON lines: one compact object per pair with everything — release, title, pair, bead shape and
/// position, confidence, where the alignment came from and when, each side's language, version,
/// fetch date, paragraph indices and text, and whether the original changed since translated (with
/// the text the translation was made from).
public struct JSONLinesWriter: PairFormat {
    /// A writer.
    public init() {}

    /// Nothing.
    public func header() -> String { "" }

    /// One line.
    public func record(_ pair: AlignedPair) -> String {
        ReportJSON.encode(PairJSON(pair), pretty: false) + "\n"
    }

    /// Nothing.
    public func footer() -> String { "" }
}

private struct PairJSON: Encodable {
    struct Side: Encodable {
        var language: String
        var version: Int
        var fetchedAt: Date
        var paragraphs: [Int]
        var text: String
    }

    var release: String
    var source: String
    var key: String
    var title: String?
    var pair: String
    var bead: Int
    var shape: String
    var confidence: Double
    var alignment: String
    var alignedAt: Date
    var original: Side
    var translation: Side
    var changedSinceTranslated: Bool
    var translatedFrom: String?

    init(_ pair: AlignedPair) {
        release = pair.release.description
        source = pair.release.source
        key = pair.release.key.rawValue
        title = pair.title
        self.pair = pair.pair.description
        bead = pair.bead
        shape = pair.shape
        confidence = (pair.confidence * 1000).rounded() / 1000
        alignment = pair.alignment.rawValue
        alignedAt = pair.alignedAt
        original = Side(language: pair.source.language, version: pair.source.version, fetchedAt: pair.source.fetchedAt, paragraphs: pair.source.paragraphs, text: pair.source.text)
        translation = Side(language: pair.target.language, version: pair.target.version, fetchedAt: pair.target.fetchedAt, paragraphs: pair.target.paragraphs, text: pair.target.text)
        changedSinceTranslated = pair.changedSinceTranslated
        translatedFrom = pair.translatedFrom
    }
}
