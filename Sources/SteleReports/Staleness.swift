public import Foundation
public import SteleDiff
public import SteleStore

/// What changed in the original since its translation was made. The translation is taken to be
/// made from the original's version that was current when the translation was fetched (the newest
/// version fetched at or before it); the original's paragraphs that differ from that version are
/// "changed since translated", with the word diff of the change.
public struct Staleness: Sendable {
    /// The original's version that was current when the translation was fetched; `nil` when the
    /// translation was fetched before any version of the original.
    public let baseVersion: Int?
    /// The original's version being compared.
    public let shownVersion: Int
    /// The paragraph diff from the base version to the shown one, when the shown one is newer.
    public let diff: ParagraphDiff?
    /// Per paragraph of the shown version (0-based): how it differs from the base version.
    public let changes: [Int: ParagraphChange]
    /// Paragraphs of the base version that the shown version no longer has.
    public let removed: [RemovedParagraph]

    /// Whether anything in the original changed after the translation was made.
    public var isStale: Bool { !changes.isEmpty || !removed.isEmpty }

    /// The staleness of version `shown` of the original, whose versions are `history` (oldest
    /// first), against a translation fetched at `translationFetchedAt`; `paragraphs` reads a
    /// version's paragraphs.
    public static func compute(
        history: [VersionMetadata], shown: Int, translationFetchedAt: Date, paragraphs: (Int) throws(ReportError) -> [String]
    ) throws(ReportError) -> Staleness {
        let base = history.last { $0.fetchedAt <= translationFetchedAt }?.version
        guard let base, base < shown else {
            return Staleness(baseVersion: base, shownVersion: shown, diff: nil, changes: [:], removed: [])
        }
        let old = try paragraphs(base)
        let diff = ParagraphDiff(old: old, new: try paragraphs(shown))
        var changes: [Int: ParagraphChange] = [:]
        var removed: [RemovedParagraph] = []
        for row in diff.rows {
            switch row {
            case .unchanged: break
            case .changed(let oldIndex, let newIndex, let words): changes[newIndex] = .changed(baseIndex: oldIndex, words: words)
            case .added(let newIndex): changes[newIndex] = .added
            case .removed(let oldIndex): removed.append(RemovedParagraph(baseIndex: oldIndex, text: old[oldIndex]))
            }
        }
        return Staleness(baseVersion: base, shownVersion: shown, diff: diff, changes: changes, removed: removed)
    }
}

/// How a paragraph of the original differs from the version its translation was made from.
public enum ParagraphChange: Sendable, Equatable {
    /// Rewritten: `words` turns paragraph `baseIndex` of the base version into this one.
    case changed(baseIndex: Int, words: WordDiff)
    /// New: the base version has no such paragraph.
    case added
}

/// A paragraph of the base version that the compared version of the original dropped.
public struct RemovedParagraph: Sendable, Equatable {
    /// Its index in the base version (0-based).
    public var baseIndex: Int
    /// Its text.
    public var text: String
}
