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
    private static let costCacheBytes = 8 << 20

    /// Searches `band` with `model`; margins are computed when `margins` is true.
    init(model: BeadCostModel, band: AlignmentBand, margins: Bool) {
        let n = model.sourceCount, m = model.targetCount
        let cells = band.cellCount
        let shapes = BeadShape.count
        let sourceSteps = BeadShape.sourceCounts, targetSteps = BeadShape.targetCounts
        var forward = [Float](repeating: .infinity, count: cells)
        var back = [UInt8](repeating: UInt8.max, count: cells)
        let cacheCosts = margins && cells * shapes * MemoryLayout<Float>.size <= Self.costCacheBytes
        var cache = [Float](repeating: .infinity, count: cacheCosts ? cells * shapes : 0)
        let costs = UnsafeMutablePointer<Double>.allocate(capacity: shapes)
        defer { costs.deallocate() }

        forward[0] = 0
        for i in 0...n {
            for j in band.lower[i]...band.upper[i] {
                let here = band.offsets[i] + j - band.lower[i]
                let reached = Double(forward[here])
                guard reached < .infinity else { continue }
                model.costs(from: i, j, into: costs)
                for shape in 0..<shapes {
                    let cost = costs[shape]
                    if cacheCosts { cache[here * shapes + shape] = Float(cost) }
                    guard cost < .infinity, let end = band.index(i + sourceSteps[shape], j + targetSteps[shape]) else { continue }
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
        var onPath = [UInt8](repeating: UInt8.max, count: margins ? cells : 0)
        var i = n, j = m
        while i > 0 || j > 0 {
            guard let here = band.index(i, j), back[here] != UInt8.max, let shape = BeadShape(rawValue: Int(back[here])) else { break }
            i -= shape.sourceCount
            j -= shape.targetCount
            path.append(Step(sourceStart: i, targetStart: j, shape: shape, margin: .infinity))
            if band.isOnInnerEdge(i, j, targetCount: m) { touchesInnerEdge = true }
            if margins, let start = band.index(i, j) { onPath[start] = UInt8(shape.rawValue) }
        }
        path.reverse()
        guard margins else {
            steps = path
            return
        }

        // Backward pass, pricing every other bead's best complete path on the way.
        let best = Double(forward[cells - 1])
        var backward = [Float](repeating: .infinity, count: cells)
        backward[cells - 1] = 0
        var runnerUpSource = [Double](repeating: .infinity, count: n)
        var runnerUpTarget = [Double](repeating: .infinity, count: m)
        for i in stride(from: n, through: 0, by: -1) {
            for j in stride(from: band.upper[i], through: band.lower[i], by: -1) {
                let here = band.offsets[i] + j - band.lower[i]
                let reached = Double(forward[here])
                guard reached < .infinity else { continue }
                if cacheCosts {
                    for shape in 0..<shapes { costs[shape] = Double(cache[here * shapes + shape]) }
                } else {
                    model.costs(from: i, j, into: costs)
                }
                var finish = Double(backward[here])
                for shape in 0..<shapes {
                    let cost = costs[shape]
                    guard cost < .infinity, let end = band.index(i + sourceSteps[shape], j + targetSteps[shape]) else { continue }
                    let rest = Double(backward[end])
                    guard rest < .infinity else { continue }
                    finish = min(finish, cost + rest)
                    guard onPath[here] != UInt8(shape) else { continue }
                    let total = reached + cost + rest
                    for x in i..<i + sourceSteps[shape] where total < runnerUpSource[x] { runnerUpSource[x] = total }
                    for y in j..<j + targetSteps[shape] where total < runnerUpTarget[y] { runnerUpTarget[y] = total }
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
