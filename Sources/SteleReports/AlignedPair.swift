public import Foundation
public import SteleStore

/// One exported bead: paragraphs of the original and the paragraphs that translate them, from the
/// newest versions of a release.
public struct AlignedPair: Sendable, Equatable {
    /// One side of the pair.
    public struct Side: Sendable, Equatable {
        /// The language code.
        public var language: String
        /// The version the paragraphs come from.
        public var version: Int
        /// When that version was fetched.
        public var fetchedAt: Date
        /// The paragraphs' indices (0-based).
        public var paragraphs: [Int]
        /// Their text, joined by a space when there are several.
        public var text: String

        /// A side.
        public init(language: String, version: Int, fetchedAt: Date, paragraphs: [Int], text: String) {
            self.language = language
            self.version = version
            self.fetchedAt = fetchedAt
            self.paragraphs = paragraphs
            self.text = text
        }
    }

    /// The release.
    public var release: ReleaseRef
    /// Its title.
    public var title: String?
    /// The language pair.
    public var pair: LanguagePair
    /// The position of the bead in the alignment (0-based).
    public var bead: Int
    /// `1-1`, `2-1`, ...
    public var shape: String
    /// The aligner's confidence, 0…1.
    public var confidence: Double
    /// Whether the alignment was stored by the sync or computed for the export.
    public var alignment: LanguageComparison.AlignmentOrigin
    /// When the alignment was computed (the export's time for a computed one).
    public var alignedAt: Date
    /// The original's paragraphs.
    public var source: Side
    /// The translation's paragraphs.
    public var target: Side
    /// Whether the original's text changed after the translation was made: the translation then
    /// translates ``translatedFrom``, not ``source``'s text.
    public var changedSinceTranslated: Bool
    /// The original's text as it was when the translation was made, when it changed since.
    public var translatedFrom: String?

    /// A pair with every field given.
    public init(
        release: ReleaseRef, title: String?, pair: LanguagePair, bead: Int, shape: String, confidence: Double,
        alignment: LanguageComparison.AlignmentOrigin, alignedAt: Date, source: Side, target: Side, changedSinceTranslated: Bool, translatedFrom: String?
    ) {
        self.release = release
        self.title = title
        self.pair = pair
        self.bead = bead
        self.shape = shape
        self.confidence = confidence
        self.alignment = alignment
        self.alignedAt = alignedAt
        self.source = source
        self.target = target
        self.changedSinceTranslated = changedSinceTranslated
        self.translatedFrom = translatedFrom
    }
}
