/// The cells of the grid a search may visit: for each source position `i` (0...n), the target
/// positions `lower[i]...upper[i]`. Both bounds never decrease, and the band holds (0, 0) and (n, m).
struct AlignmentBand: Sendable {
    /// First target position searched, per source position.
    let lower: [Int]
    /// Last target position searched, per source position.
    let upper: [Int]
    /// Where each source position's cells start in the search's flat arrays.
    let offsets: [Int]

    /// Cells in the band.
    var cellCount: Int { offsets[offsets.count - 1] }

    /// Source positions: n + 1.
    var rows: Int { lower.count }

    /// Every cell of an n × m grid.
    static func full(sourceCount: Int, targetCount: Int) -> AlignmentBand {
        AlignmentBand(lower: [Int](repeating: 0, count: sourceCount + 1), upper: [Int](repeating: targetCount, count: sourceCount + 1),
                      targetCount: targetCount)
    }

    /// A band from per-row bounds (one per source position, 0...n), made monotone, connected and
    /// clamped to a grid with `targetCount` target paragraphs.
    init(lower rawLower: [Int], upper rawUpper: [Int], targetCount: Int) {
        let rows = rawLower.count
        var lower = rawLower.map { max(0, $0) }
        var upper = rawUpper.map { min(targetCount, $0) }
        lower[0] = 0
        upper[rows - 1] = targetCount
        for row in stride(from: rows - 2, through: 0, by: -1) { lower[row] = min(lower[row], lower[row + 1]) }
        for row in 1..<max(1, rows) { upper[row] = max(upper[row], upper[row - 1]) }
        // Each row reaches the next one's first cell, so a path can always step down.
        for row in 0..<rows - 1 where upper[row] < lower[row + 1] { upper[row] = lower[row + 1] }
        for row in 0..<rows where upper[row] < lower[row] { upper[row] = lower[row] }
        var offsets = [0]
        offsets.reserveCapacity(rows + 1)
        for row in 0..<rows { offsets.append(offsets[row] + upper[row] - lower[row] + 1) }
        self.lower = lower
        self.upper = upper
        self.offsets = offsets
    }

    /// The flat index of cell (i, j), or nil when it is outside the band.
    @inline(__always)
    func index(_ i: Int, _ j: Int) -> Int? {
        guard i >= 0, i < lower.count, j >= lower[i], j <= upper[i] else { return nil }
        return offsets[i] + j - lower[i]
    }

    /// Whether the band is the whole grid of a pair with `targetCount` target paragraphs.
    func isFull(targetCount: Int) -> Bool {
        lower.allSatisfy { $0 == 0 } && upper.allSatisfy { $0 == targetCount }
    }

    /// Whether (i, j) lies on an edge of the band that is not an edge of the grid: a best path
    /// there may have been cut short by the band.
    func isOnInnerEdge(_ i: Int, _ j: Int, targetCount: Int) -> Bool {
        (j == lower[i] && j > 0) || (j == upper[i] && j < targetCount)
    }
}
