/// The cheapest monotone path of beads through a band of the grid, and for each of its beads the
/// margin: how much more the cheapest path without that bead costs.
///
/// A forward pass finds the best cost to reach every cell; a backward pass finds the best cost to
/// finish from every cell and, at the same time, the best complete path through every other bead.
/// Any path without bead b covers b's first paragraph with some other bead, so the margin of b is
/// exactly the cheapest such bead's best path minus the best path.
struct AlignmentSearch {
    /// One bead of the best path: where it starts, its shape, and its margin (infinite when nothing else was possible).
    struct Step: Sendable {
        var sourceStart: Int
        var targetStart: Int
        var shape: BeadShape
        var margin: Double
    }

    /// The best path, in order.
    private(set) var steps: [Step] = []
    /// True when the path runs along an edge of the band that is not an edge of the grid.
    private(set) var touchesInnerEdge = false

    /// Bead costs are kept between the passes when they fit in this many bytes, else computed twice.
    private static let costCacheBytes = 2 << 20

    /// Searches `band` with `model`; margins are computed when `margins` is true.
    init(model: BeadCostModel, band: AlignmentBand, margins: Bool) {
        let n = model.sourceCount, m = model.targetCount
        let cells = band.cellCount
        let shapes = BeadShape.count
        let cacheCosts = margins && cells * shapes * MemoryLayout<Float>.size <= Self.costCacheBytes
        let grid = SearchGrid(band: band, cells: cells, margins: margins, cacheCosts: cacheCosts)
        let costs = UnsafeMutablePointer<Double>.allocate(capacity: shapes)
        defer { costs.deallocate() }
        let forward = grid.forward, back = grid.back, cache = grid.cache
        // On the whole grid, a bead's end is a fixed distance away in the flat arrays.
        let full = band.isFull(targetCount: m)
        let strides = (0..<shapes).map { grid.sourceSteps[$0] * (m + 1) + grid.targetSteps[$0] }

        forward[0] = 0
        for i in 0...n {
            let first = grid.lower[i], offset = grid.offsets[i] - first
            for j in first...grid.upper[i] {
                let here = offset + j
                let reached = Double(forward[here])
                guard reached < .infinity else { continue }
                model.costs(from: i, j, into: costs)
                for shape in 0..<shapes {
                    let cost = costs[shape]
                    if cacheCosts { cache[here &* shapes &+ shape] = Float(cost) }
                    guard cost < .infinity else { continue }
                    let end = full ? here &+ strides[shape] : grid.index(i + grid.sourceSteps[shape], j + grid.targetSteps[shape])
                    guard end >= 0 else { continue }
                    let total = Float(reached + cost)
                    if total < forward[end] {
                        forward[end] = total
                        back[end] = UInt8(shape)
                    }
                }
            }
        }

        // Trace the best path back from the last cell.
        var path: [Step] = []
        var i = n, j = m
        while i > 0 || j > 0 {
            let here = grid.index(i, j)
            guard here >= 0, back[here] != UInt8.max, let shape = BeadShape(rawValue: Int(back[here])) else { break }
            i -= shape.sourceCount
            j -= shape.targetCount
            path.append(Step(sourceStart: i, targetStart: j, shape: shape, margin: .infinity))
            if band.isOnInnerEdge(i, j, targetCount: m) { touchesInnerEdge = true }
            if margins { grid.onPath[grid.index(i, j)] = UInt8(shape.rawValue) }
        }
        path.reverse()
        guard margins else {
            steps = path
            return
        }

        // Backward pass, pricing every other bead's best complete path on the way.
        let best = Double(forward[cells - 1])
        let backward = grid.backward, onPath = grid.onPath
        backward[cells - 1] = 0
        let runnerUpSource = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, n))
        runnerUpSource.initialize(repeating: .infinity)
        let runnerUpTarget = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(1, m))
        runnerUpTarget.initialize(repeating: .infinity)
        defer {
            runnerUpSource.deallocate()
            runnerUpTarget.deallocate()
        }
        for i in stride(from: n, through: 0, by: -1) {
            let first = grid.lower[i], offset = grid.offsets[i] - first
            for j in stride(from: grid.upper[i], through: first, by: -1) {
                let here = offset + j
                let reached = Double(forward[here])
                guard reached < .infinity else { continue }
                if cacheCosts {
                    for shape in 0..<shapes { costs[shape] = Double(cache[here &* shapes &+ shape]) }
                } else {
                    model.costs(from: i, j, into: costs)
                }
                var finish = Double(backward[here])
                for shape in 0..<shapes {
                    let cost = costs[shape]
                    guard cost < .infinity else { continue }
                    let end = full ? here &+ strides[shape] : grid.index(i + grid.sourceSteps[shape], j + grid.targetSteps[shape])
                    guard end >= 0 else { continue }
                    let rest = Double(backward[end])
                    guard rest < .infinity else { continue }
                    finish = min(finish, cost + rest)
                    guard onPath[here] != UInt8(shape) else { continue }
                    let total = reached + cost + rest
                    var x = i
                    while x < i &+ grid.sourceSteps[shape] {
                        if total < runnerUpSource[x] { runnerUpSource[x] = total }
                        x &+= 1
                    }
                    var y = j
                    while y < j &+ grid.targetSteps[shape] {
                        if total < runnerUpTarget[y] { runnerUpTarget[y] = total }
                        y &+= 1
                    }
                }
                backward[here] = Float(finish)
            }
        }
        steps = path.map { step in
            var step = step
            let alternative = step.shape.sourceCount > 0 ? runnerUpSource[step.sourceStart] : runnerUpTarget[step.targetStart]
            step.margin = max(0, alternative - best)
            return step
        }
    }
}

/// The search's memory: costs to reach and to finish each cell of the band, back pointers, the
/// best path's beads, and cached bead costs, as plain buffers indexed like the band.
private final class SearchGrid {
    let lower: UnsafeMutableBufferPointer<Int>
    let upper: UnsafeMutableBufferPointer<Int>
    let offsets: UnsafeMutableBufferPointer<Int>
    let sourceSteps: UnsafeMutableBufferPointer<Int>
    let targetSteps: UnsafeMutableBufferPointer<Int>
    let forward: UnsafeMutableBufferPointer<Float>
    let back: UnsafeMutableBufferPointer<UInt8>
    let backward: UnsafeMutableBufferPointer<Float>
    let onPath: UnsafeMutableBufferPointer<UInt8>
    let cache: UnsafeMutableBufferPointer<Float>
    private let rows: Int

    init(band: AlignmentBand, cells: Int, margins: Bool, cacheCosts: Bool) {
        func copy(_ values: [Int]) -> UnsafeMutableBufferPointer<Int> {
            let buffer = UnsafeMutableBufferPointer<Int>.allocate(capacity: values.count)
            _ = buffer.initialize(from: values)
            return buffer
        }
        func filled<Element>(_ value: Element, _ count: Int) -> UnsafeMutableBufferPointer<Element> {
            let buffer = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(1, count))
            buffer.initialize(repeating: value)
            return buffer
        }
        rows = band.rows
        lower = copy(band.lower)
        upper = copy(band.upper)
        offsets = copy(band.offsets)
        sourceSteps = copy(BeadShape.sourceCounts)
        targetSteps = copy(BeadShape.targetCounts)
        forward = filled(Float.infinity, cells)
        back = filled(UInt8.max, cells)
        backward = filled(Float.infinity, margins ? cells : 0)
        onPath = filled(UInt8.max, margins ? cells : 0)
        cache = filled(Float.infinity, cacheCosts ? cells * BeadShape.count : 0)
    }

    deinit {
        lower.deallocate()
        upper.deallocate()
        offsets.deallocate()
        sourceSteps.deallocate()
        targetSteps.deallocate()
        forward.deallocate()
        back.deallocate()
        backward.deallocate()
        onPath.deallocate()
        cache.deallocate()
    }

    /// The flat index of cell (i, j), or -1 outside the band.
    @inline(__always)
    func index(_ i: Int, _ j: Int) -> Int {
        guard i < rows, j >= lower[i], j <= upper[i] else { return -1 }
        return offsets[i] &+ j &- lower[i]
    }
}
