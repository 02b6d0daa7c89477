/// A piece of a word-level diff of two paragraphs.
public enum WordSegment: Hashable, Sendable {
    /// Text present in both paragraphs.
    case equal(String)
    /// Text of the old paragraph only.
    case removed(String)
    /// Text of the new paragraph only.
    case inserted(String)
}

/// The word-level difference of two paragraphs, with the number of words each side lost or gained.
public struct WordDiff: Hashable, Sendable {
    /// The pieces in reading order: equal text, then for each change the removed text before the
    /// inserted text.
    public var segments: [WordSegment]
    /// Words (runs of letters and digits) in removed text.
    public var wordsRemoved: Int
    /// Words in inserted text.
    public var wordsAdded: Int

    /// The word diff of `old` and `new`. Spaces that separate two changes are folded into them, so
    /// that a rewritten phrase reads `[-a b-]{+c d+}` rather than `[-a-]{+c+} [-b-]{+d+}`.
    public init(old: String, new: String) {
        var bytes = Array(old.utf8)
        let split = bytes.count
        bytes.append(contentsOf: new.utf8)
        let oldTokens = WordTokenizer.tokens(bytes, in: 0..<split)
        let newTokens = WordTokenizer.tokens(bytes, in: split..<bytes.count)
        let changes = SequenceDiff.changes(bytes: bytes, old: oldTokens.map(\.range), new: newTokens.map(\.range), minimal: false)

        func text(_ tokens: ArraySlice<WordTokenizer.Token>) -> String {
            guard let first = tokens.first, let last = tokens.last else { return "" }
            return String(decoding: bytes[first.range.lowerBound..<last.range.upperBound], as: UTF8.self)
        }
        func words(_ tokens: ArraySlice<WordTokenizer.Token>) -> Int { tokens.count { $0.kind == .word } }

        var units: [Unit] = []
        var oldIndex = 0
        for change in changes {
            if oldIndex < change.oldRange.lowerBound {
                let tokens = oldTokens[oldIndex..<change.oldRange.lowerBound]
                units.append(.equal(text(tokens), spacesOnly: tokens.allSatisfy { $0.kind == .space }))
            }
            let removedTokens = oldTokens[change.oldRange], insertedTokens = newTokens[change.newRange]
            units.append(.change(removed: text(removedTokens), inserted: text(insertedTokens), wordsRemoved: words(removedTokens), wordsAdded: words(insertedTokens)))
            oldIndex = change.oldRange.upperBound
        }
        if oldIndex < oldTokens.count { units.append(.equal(text(oldTokens[oldIndex...]), spacesOnly: false)) }

        var segments: [WordSegment] = []
        var removedCount = 0, addedCount = 0
        for unit in Self.foldSeparatingSpaces(units) {
            switch unit {
            case .equal(let text, _):
                segments.append(.equal(text))
            case .change(let removed, let inserted, let wordsRemoved, let wordsAdded):
                if !removed.isEmpty { segments.append(.removed(removed)) }
                if !inserted.isEmpty { segments.append(.inserted(inserted)) }
                removedCount += wordsRemoved
                addedCount += wordsAdded
            }
        }
        self.segments = segments
        wordsRemoved = removedCount
        wordsAdded = addedCount
    }

    private enum Unit {
        case equal(String, spacesOnly: Bool)
        case change(removed: String, inserted: String, wordsRemoved: Int, wordsAdded: Int)
    }

    /// Joins two changes separated only by spaces into one change that covers the spaces on both
    /// sides: the result reads as one rewritten phrase and still rebuilds both texts exactly.
    private static func foldSeparatingSpaces(_ units: [Unit]) -> [Unit] {
        var result: [Unit] = []
        for unit in units {
            if case .change(let removed, let inserted, let wordsRemoved, let wordsAdded) = unit,
               result.count >= 2,
               case .equal(let spaces, spacesOnly: true) = result[result.count - 1],
               case .change(let previousRemoved, let previousInserted, let previousWordsRemoved, let previousWordsAdded) = result[result.count - 2] {
                result.removeLast(2)
                result.append(.change(
                    removed: previousRemoved + spaces + removed, inserted: previousInserted + spaces + inserted,
                    wordsRemoved: previousWordsRemoved + wordsRemoved, wordsAdded: previousWordsAdded + wordsAdded))
            } else {
                result.append(unit)
            }
        }
        return result
    }
}
