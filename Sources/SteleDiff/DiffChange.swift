/// One place where two sequences differ: `old[oldRange]` was replaced by `new[newRange]`.
///
/// A diff is a list of changes in increasing order; everything between two changes is equal on
/// both sides. A change with an empty `newRange` is a pure removal, with an empty `oldRange` a
/// pure insertion.
public struct DiffChange: Hashable, Sendable {
    /// The elements of the old sequence that were removed.
    public var oldRange: Range<Int>
    /// The elements of the new sequence that were inserted in their place.
    public var newRange: Range<Int>

    /// A change replacing `oldRange` of the old sequence by `newRange` of the new one.
    public init(oldRange: Range<Int>, newRange: Range<Int>) {
        self.oldRange = oldRange
        self.newRange = newRange
    }
}

/// The difference between two sequences of lines (paragraphs) or words.
public enum SequenceDiff {
    /// The changes that turn `old` into `new`. Elements are compared by their UTF-8 bytes.
    ///
    /// The search is bounded: past a cost of about √(old.count + new.count) edits a split point is
    /// chosen heuristically, as git does, so a fully shuffled input still takes well under a second
    /// for a megabyte. With `minimal: true` the true shortest edit script is searched whatever it
    /// costs (quadratic in the worst case).
    public static func changes(old: [String], new: [String], minimal: Bool = false) -> [DiffChange] {
        var bytes: [UInt8] = []
        var oldRanges: [Range<Int>] = [], newRanges: [Range<Int>] = []
        oldRanges.reserveCapacity(old.count)
        newRanges.reserveCapacity(new.count)
        for element in old { oldRanges.append(append(element, to: &bytes)) }
        for element in new { newRanges.append(append(element, to: &bytes)) }
        return changes(bytes: bytes, old: oldRanges, new: newRanges, minimal: minimal)
    }

    /// The changes between two sequences given as ranges of one byte buffer.
    static func changes(bytes: [UInt8], old: [Range<Int>], new: [Range<Int>], minimal: Bool) -> [DiffChange] {
        var interner = ByteInterner(bytes: bytes, expectedCount: old.count + new.count)
        let oldIDs = old.map { interner.intern($0) }
        let newIDs = new.map { interner.intern($0) }
        return changes(oldIDs: oldIDs, newIDs: newIDs, alphabetSize: interner.count, minimal: minimal)
    }

    /// The changes between two sequences of interned ids in `0..<alphabetSize`.
    static func changes(oldIDs: [Int32], newIDs: [Int32], alphabetSize: Int, minimal: Bool) -> [DiffChange] {
        let flags = MyersDiff.changedFlags(old: oldIDs, new: newIDs, alphabetSize: alphabetSize, minimal: minimal)
        // Padded with a `false` on each side for the compaction, so element i is at i + 1.
        var oldChanged = [false] + flags.old + [false]
        var newChanged = [false] + flags.new + [false]
        ChangeCompaction.compact(oldIDs, &oldChanged, other: newChanged)
        ChangeCompaction.compact(newIDs, &newChanged, other: oldChanged)
        var result: [DiffChange] = []
        var i1 = 0, i2 = 0
        let n1 = oldIDs.count, n2 = newIDs.count
        while i1 < n1 || i2 < n2 {
            if oldChanged[i1 + 1] || newChanged[i2 + 1] {
                let start1 = i1, start2 = i2
                while oldChanged[i1 + 1] { i1 += 1 }
                while newChanged[i2 + 1] { i2 += 1 }
                result.append(DiffChange(oldRange: start1..<i1, newRange: start2..<i2))
            } else {
                i1 += 1
                i2 += 1
            }
        }
        return result
    }

    private static func append(_ string: String, to bytes: inout [UInt8]) -> Range<Int> {
        let start = bytes.count
        bytes.append(contentsOf: string.utf8)
        return start..<bytes.count
    }
}
