/// Pairs the removed and the added paragraphs of one change block that are versions of the same
/// paragraph, as MediaWiki's wikidiff2 does before diffing words: a rewritten sentence is shown as a
/// word diff, an unrelated replacement as a removal and an addition.
///
/// Similarity is the Dice coefficient of the two paragraphs' word multisets; pairs keep the reading
/// order (no crossing), and among those the pairing with the greatest total similarity is chosen.
enum ParagraphPairing {
    /// Blocks larger than this (removed × added) are paired in proportional slices, to bound the cost.
    static let maximumCells = 40_000

    /// Pairs `(removed index, added index)` in increasing order, indices relative to the slices.
    static func pairs(removed: ArraySlice<String>, added: ArraySlice<String>, threshold: Double) -> [(Int, Int)] {
        guard !removed.isEmpty, !added.isEmpty else { return [] }
        if removed.count * added.count > maximumCells {
            let slices = (removed.count * added.count + maximumCells - 1) / maximumCells
            let sliceCount = Int(Double(slices).squareRoot().rounded(.up)) * 2
            var result: [(Int, Int)] = []
            for slice in 0..<sliceCount {
                let removedRange = (removed.count * slice / sliceCount)..<(removed.count * (slice + 1) / sliceCount)
                let addedRange = (added.count * slice / sliceCount)..<(added.count * (slice + 1) / sliceCount)
                let sub = pairs(
                    removed: removed.dropFirst(removedRange.lowerBound).prefix(removedRange.count),
                    added: added.dropFirst(addedRange.lowerBound).prefix(addedRange.count), threshold: threshold)
                result += sub.map { ($0.0 + removedRange.lowerBound, $0.1 + addedRange.lowerBound) }
            }
            return result
        }
        let (removedBags, addedBags) = wordBags(removed, added)
        let rows = removedBags.count, columns = addedBags.count
        // score[i][j]: best total similarity pairing removed[..<i] with added[..<j].
        var score = [Double](repeating: 0, count: (rows + 1) * (columns + 1))
        var similarity = [Double](repeating: 0, count: rows * columns)
        for i in 0..<rows {
            for j in 0..<columns {
                let value = dice(removedBags[i], addedBags[j])
                similarity[i * columns + j] = value
                var best = max(score[i * (columns + 1) + j + 1], score[(i + 1) * (columns + 1) + j])
                if value >= threshold { best = max(best, score[i * (columns + 1) + j] + value) }
                score[(i + 1) * (columns + 1) + j + 1] = best
            }
        }
        var result: [(Int, Int)] = []
        var i = rows, j = columns
        while i > 0 && j > 0 {
            let here = score[i * (columns + 1) + j]
            if here == score[(i - 1) * (columns + 1) + j] {
                i -= 1
            } else if here == score[i * (columns + 1) + j - 1] {
                j -= 1
            } else {
                result.append((i - 1, j - 1))
                i -= 1
                j -= 1
            }
        }
        return result.reversed()
    }

    /// Each paragraph's words as sorted ids, the same id for the same bytes on both sides.
    private static func wordBags(_ removed: ArraySlice<String>, _ added: ArraySlice<String>) -> ([[Int32]], [[Int32]]) {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for paragraph in Array(removed) + Array(added) {
            let start = bytes.count
            bytes.append(contentsOf: paragraph.utf8)
            ranges.append(start..<bytes.count)
        }
        var interner = ByteInterner(bytes: bytes, expectedCount: bytes.count / 6 + 16)
        let bags = ranges.map { range in
            WordTokenizer.tokens(bytes, in: range).lazy.filter { $0.kind == .word }.map { interner.intern($0.range) }.sorted()
        }
        return (Array(bags[..<removed.count]), Array(bags[removed.count...]))
    }

    /// 2·|A ∩ B| / (|A| + |B|) over sorted multisets; two empty bags (punctuation only) are alike.
    static func dice(_ a: [Int32], _ b: [Int32]) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(common) / Double(a.count + b.count)
    }
}
