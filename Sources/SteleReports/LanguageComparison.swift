import SteleAlign
import SteleLanguage
public import SteleStore

/// Two language versions of a release side by side as aligned — each row a bead — with the rows
/// whose original paragraphs changed since the translation was made.
///
/// The source side is the original (English), the target its translation; staleness is computed
/// for the source side against the time the target version was fetched (see ``Staleness``).
public struct LanguageComparison: Sendable {
    /// Below this confidence a row is flagged for a person to check.
    public static let defaultLowConfidence = 0.6

    /// Where the beads came from.
    public enum AlignmentOrigin: String, Sendable, Codable {
        /// The store's `align/<pair>.json`, computed by the sync on these very versions.
        case stored
        /// Aligned now, because the store holds no alignment of these versions.
        case computed
    }

    /// One side: a version and its paragraphs.
    public struct Side: Sendable {
        /// The version shown.
        public let version: ResolvedVersion
        /// Its paragraphs.
        public let paragraphs: [String]
    }

    /// One bead.
    public struct Row: Sendable, Equatable {
        /// What the bead is.
        public enum Kind: String, Sendable, Codable {
            /// One paragraph translated by one paragraph.
            case match
            /// Paragraphs merged or split (2-1, 1-2, 2-2, 1-3, 3-1).
            case merge
            /// Source paragraphs without a counterpart: missing in the translation.
            case sourceOnly = "source-only"
            /// Target paragraphs without a counterpart: missing in the original.
            case targetOnly = "target-only"
        }

        /// Source paragraph indices (0-based).
        public var source: [Int]
        /// Target paragraph indices (0-based).
        public var target: [Int]
        /// The aligner's confidence, 0…1.
        public var confidence: Double
        /// What the bead is.
        public var kind: Kind
        /// Whether the confidence is below the comparison's threshold.
        public var isLowConfidence: Bool
        /// Source paragraphs of this row that changed since the translation was made.
        public var changes: [Int: ParagraphChange]

        /// `1-1`, `2-1`, `1-0`, ...
        public var shape: String { "\(source.count)-\(target.count)" }
        /// Whether a source paragraph of this row was rewritten since the translation was made.
        public var isChangedSinceTranslated: Bool { changes.values.contains { if case .changed = $0 { true } else { false } } }
        /// Whether a source paragraph of this row was added since the translation was made.
        public var isAddedSinceTranslated: Bool { changes.values.contains(.added) }
    }

    /// Counts of what the rows hold.
    public struct Summary: Sendable, Equatable, Codable {
        /// Rows in all.
        public var rows = 0
        /// 1-1 rows.
        public var matched = 0
        /// Merges and splits.
        public var merged = 0
        /// Source paragraphs without counterpart.
        public var missingInTarget = 0
        /// Target paragraphs without counterpart.
        public var missingInSource = 0
        /// Rows below the confidence threshold.
        public var lowConfidence = 0
        /// Source paragraphs rewritten since the translation was made.
        public var changedSinceTranslated = 0
        /// Source paragraphs added since the translation was made.
        public var addedSinceTranslated = 0
        /// Paragraphs of the base version removed since the translation was made.
        public var removedSinceTranslated = 0

        /// Counts, zero unless given.
        public init(
            rows: Int = 0, matched: Int = 0, merged: Int = 0, missingInTarget: Int = 0, missingInSource: Int = 0, lowConfidence: Int = 0,
            changedSinceTranslated: Int = 0, addedSinceTranslated: Int = 0, removedSinceTranslated: Int = 0
        ) {
            self.rows = rows
            self.matched = matched
            self.merged = merged
            self.missingInTarget = missingInTarget
            self.missingInSource = missingInSource
            self.lowConfidence = lowConfidence
            self.changedSinceTranslated = changedSinceTranslated
            self.addedSinceTranslated = addedSinceTranslated
            self.removedSinceTranslated = removedSinceTranslated
        }
    }

    /// The release.
    public let release: ReleaseRef
    /// Its title.
    public let title: String?
    /// The original.
    public let source: Side
    /// The translation.
    public let target: Side
    /// Where the beads came from.
    public let origin: AlignmentOrigin
    /// The beads, in order.
    public let rows: [Row]
    /// What changed in the source since the target was made.
    public let staleness: Staleness
    /// The confidence below which rows are flagged.
    public let lowConfidenceThreshold: Double

    /// Compares `source` (the original) with `target` (its translation), both of `reader`'s release.
    public init(_ reader: ReleaseReader, source: ResolvedVersion, target: ResolvedVersion, lowConfidence: Double = Self.defaultLowConfidence) throws(ReportError) {
        let sourceParagraphs = try reader.paragraphs(source)
        let targetParagraphs = try reader.paragraphs(target)
        let (beads, origin) = try Self.beads(reader, source: source, target: target, sourceParagraphs: sourceParagraphs, targetParagraphs: targetParagraphs)
        let staleness = try Staleness.compute(
            history: try reader.history(source.language), shown: source.version, translationFetchedAt: target.metadata.fetchedAt,
            paragraphs: { (version: Int) throws(ReportError) -> [String] in
                version == source.version ? sourceParagraphs : try reader.paragraphs(source.language, version)
            })
        release = reader.release
        title = reader.title
        self.source = Side(version: source, paragraphs: sourceParagraphs)
        self.target = Side(version: target, paragraphs: targetParagraphs)
        self.origin = origin
        self.staleness = staleness
        lowConfidenceThreshold = lowConfidence
        rows = beads.map { bead in
            let kind: Row.Kind = bead.target.isEmpty ? .sourceOnly : bead.source.isEmpty ? .targetOnly
                : bead.source.count == 1 && bead.target.count == 1 ? .match : .merge
            var changes: [Int: ParagraphChange] = [:]
            for index in bead.source { changes[index] = staleness.changes[index] }
            return Row(source: bead.source, target: bead.target, confidence: bead.confidence, kind: kind,
                       isLowConfidence: bead.confidence < lowConfidence, changes: changes)
        }
    }

    /// Counts of the rows.
    public var summary: Summary {
        var summary = Summary()
        summary.rows = rows.count
        for row in rows {
            switch row.kind {
            case .match: summary.matched += 1
            case .merge: summary.merged += 1
            case .sourceOnly: summary.missingInTarget += row.source.count
            case .targetOnly: summary.missingInSource += row.target.count
            }
            if row.isLowConfidence { summary.lowConfidence += 1 }
        }
        for change in staleness.changes.values {
            if change == .added { summary.addedSinceTranslated += 1 } else { summary.changedSinceTranslated += 1 }
        }
        summary.removedSinceTranslated = staleness.removed.count
        return summary
    }

    /// The stored beads when they were computed on these versions (either way round), else new ones.
    private static func beads(
        _ reader: ReleaseReader, source: ResolvedVersion, target: ResolvedVersion, sourceParagraphs: [String], targetParagraphs: [String]
    ) throws(ReportError) -> ([AlignmentBead], AlignmentOrigin) {
        // A damaged alignment (stele check reports it) is passed over: the versions are aligned now.
        if let stored = try reader.alignment(from: source.language, to: target.language),
           stored.source.version == source.version, stored.target.version == target.version,
           stored.flaw(sourceParagraphs: sourceParagraphs.count, targetParagraphs: targetParagraphs.count) == nil {
            return (stored.beads, .stored)
        }
        if let stored = try reader.alignment(from: target.language, to: source.language),
           stored.source.version == target.version, stored.target.version == source.version,
           stored.flaw(sourceParagraphs: targetParagraphs.count, targetParagraphs: sourceParagraphs.count) == nil {
            return (stored.beads.map { AlignmentBead(source: $0.target, target: $0.source, confidence: $0.confidence) }, .stored)
        }
        return (try align(sourceParagraphs, source.language, targetParagraphs, target.language), .computed)
    }

    /// Aligns two paragraph lists with the calibrated aligner, as the sync does.
    static func align(_ source: [String], _ sourceLanguage: String, _ target: [String], _ targetLanguage: String) throws(ReportError) -> [AlignmentBead] {
        guard let from = Language(code: sourceLanguage) else {
            throw .cannotAlign(language: sourceLanguage, supported: Language.handled.map(\.code))
        }
        guard let to = Language(code: targetLanguage) else {
            throw .cannotAlign(language: targetLanguage, supported: Language.handled.map(\.code))
        }
        let largest = max(source.count, target.count)
        guard largest <= ParagraphAligner.maximumParagraphs else { throw .tooManyParagraphs(count: largest, limit: ParagraphAligner.maximumParagraphs) }
        return ParagraphAligner().align(source: source, target: target, from: from, to: to).beads
    }
}
