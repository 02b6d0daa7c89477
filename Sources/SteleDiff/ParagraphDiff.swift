/// The paragraph-level difference of two versions of a text, with word diffs inside the
/// paragraphs that were rewritten: what `stele diff` shows and `stele log` counts.
public struct ParagraphDiff: Sendable {
    /// One paragraph of the comparison, in reading order.
    public enum Row: Hashable, Sendable {
        /// The same paragraph in both versions (indices into `old` and `new`).
        case unchanged(old: Int, new: Int)
        /// A paragraph of the old version only.
        case removed(old: Int)
        /// A paragraph of the new version only.
        case added(new: Int)
        /// A paragraph rewritten in place, with its word diff.
        case changed(old: Int, new: Int, words: WordDiff)
    }

    /// The similarity (Dice coefficient of the word multisets) from which a removed and an added
    /// paragraph are shown as one changed paragraph.
    public static let defaultSimilarityThreshold = 0.4

    /// The paragraphs of the old version.
    public let old: [String]
    /// The paragraphs of the new version.
    public let new: [String]
    /// Every paragraph of both versions, in order.
    public let rows: [Row]
    /// The paragraph-level changes, as ``SequenceDiff`` found them.
    public let changes: [DiffChange]
    /// Counts of what changed.
    public let statistics: DiffStatistics

    /// Compares `old` and `new`, one paragraph an element.
    public init(old: [String], new: [String], similarityThreshold: Double = Self.defaultSimilarityThreshold) {
        self.old = old
        self.new = new
        changes = SequenceDiff.changes(old: old, new: new)
        var rows: [Row] = []
        rows.reserveCapacity(max(old.count, new.count))
        var statistics = DiffStatistics()
        var oldIndex = 0, newIndex = 0
        for change in changes {
            while oldIndex < change.oldRange.lowerBound {
                rows.append(.unchanged(old: oldIndex, new: newIndex))
                oldIndex += 1
                newIndex += 1
            }
            let pairs = ParagraphPairing.pairs(removed: old[change.oldRange], added: new[change.newRange], threshold: similarityThreshold)
            for (removedOffset, addedOffset) in pairs + [(change.oldRange.count, change.newRange.count)] {
                while oldIndex < change.oldRange.lowerBound + removedOffset {
                    rows.append(.removed(old: oldIndex))
                    statistics.paragraphsRemoved += 1
                    statistics.wordsRemoved += Self.wordCount(old[oldIndex])
                    oldIndex += 1
                }
                while newIndex < change.newRange.lowerBound + addedOffset {
                    rows.append(.added(new: newIndex))
                    statistics.paragraphsAdded += 1
                    statistics.wordsAdded += Self.wordCount(new[newIndex])
                    newIndex += 1
                }
                guard oldIndex < change.oldRange.upperBound, newIndex < change.newRange.upperBound else { continue }
                let words = WordDiff(old: old[oldIndex], new: new[newIndex])
                rows.append(.changed(old: oldIndex, new: newIndex, words: words))
                statistics.paragraphsChanged += 1
                statistics.wordsRemoved += words.wordsRemoved
                statistics.wordsAdded += words.wordsAdded
                oldIndex += 1
                newIndex += 1
            }
        }
        while oldIndex < old.count {
            rows.append(.unchanged(old: oldIndex, new: newIndex))
            oldIndex += 1
            newIndex += 1
        }
        self.rows = rows
        self.statistics = statistics
    }

    /// Whether the two versions are the same.
    public var isEmpty: Bool { changes.isEmpty }

    private static func wordCount(_ paragraph: String) -> Int {
        let bytes = Array(paragraph.utf8)
        return WordTokenizer.tokens(bytes, in: 0..<bytes.count).count { $0.kind == .word }
    }
}
