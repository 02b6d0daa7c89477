/// Myers' O(ND) difference algorithm in linear space, divide and conquer, with the cost
/// heuristics of git's xdiff (which GNU diff shares in spirit): when a split costs more than about
/// the square root of the input size, the furthest-reaching path found so far is taken instead of
/// the true middle snake. The result is then no longer guaranteed minimal, but the time is bounded
/// (a fully shuffled file costs O(N·√N) instead of O(N²)).
///
/// Lines that occur in only one of the two sequences are changed whatever the alignment, so they
/// are taken out before the search, which shrinks the work on typical edits to almost nothing.
enum MyersDiff {
    /// Below this edit cost the exact middle snake is always searched.
    private static let heuristicMinimumCost = 256
    /// A diagonal run at least this long makes a split point "interesting" to the heuristic.
    private static let snakeLength = 20
    /// How far ahead of the edit cost a path must be for the heuristic to take it.
    private static let heuristicFactor = 4

    /// Marks, for each element of `old` and of `new`, whether it is changed (removed or inserted).
    static func changedFlags(old: [Int32], new: [Int32], alphabetSize: Int, minimal: Bool) -> (old: [Bool], new: [Bool]) {
        var changedOld = [Bool](repeating: false, count: old.count)
        var changedNew = [Bool](repeating: false, count: new.count)
        var countInOld = [Int32](repeating: 0, count: alphabetSize)
        var countInNew = [Int32](repeating: 0, count: alphabetSize)
        for id in old { countInOld[Int(id)] += 1 }
        for id in new { countInNew[Int(id)] += 1 }

        // Keep only the elements that have a partner somewhere on the other side.
        var keptOld: [Int32] = [], indexOld: [Int] = []
        var keptNew: [Int32] = [], indexNew: [Int] = []
        keptOld.reserveCapacity(old.count)
        keptNew.reserveCapacity(new.count)
        for (index, id) in old.enumerated() {
            if countInNew[Int(id)] == 0 { changedOld[index] = true } else { keptOld.append(id); indexOld.append(index) }
        }
        for (index, id) in new.enumerated() {
            if countInOld[Int(id)] == 0 { changedNew[index] = true } else { keptNew.append(id); indexNew.append(index) }
        }

        var flagsOld = [Bool](repeating: false, count: keptOld.count)
        var flagsNew = [Bool](repeating: false, count: keptNew.count)
        compare(keptOld, keptNew, &flagsOld, &flagsNew, minimal: minimal)
        for (kept, index) in indexOld.enumerated() where flagsOld[kept] { changedOld[index] = true }
        for (kept, index) in indexNew.enumerated() where flagsNew[kept] { changedNew[index] = true }
        return (changedOld, changedNew)
    }

    private struct Box {
        var off1: Int, lim1: Int, off2: Int, lim2: Int, needMinimal: Bool
    }

    private struct Split {
        var i1 = 0, i2 = 0, minimalLow = true, minimalHigh = true
    }

    private static func compare(_ a: [Int32], _ b: [Int32], _ changedA: inout [Bool], _ changedB: inout [Bool], minimal: Bool) {
        let n1 = a.count, n2 = b.count
        let diagonals = n1 + n2 + 3
        var maxCost = 1
        while maxCost * maxCost < diagonals { maxCost <<= 1 }
        maxCost = minimal ? Int.max : max(maxCost, heuristicMinimumCost)
        var forward = [Int](repeating: 0, count: diagonals)
        var backward = [Int](repeating: 0, count: diagonals)

        a.withUnsafeBufferPointer { ha1 in
            b.withUnsafeBufferPointer { ha2 in
                forward.withUnsafeMutableBufferPointer { forwardBuffer in
                    backward.withUnsafeMutableBufferPointer { backwardBuffer in
                        let kvdf = forwardBuffer.baseAddress! + (n2 + 1)
                        let kvdb = backwardBuffer.baseAddress! + (n2 + 1)
                        // An explicit stack instead of recursion: heuristic splits can nest deeply.
                        var boxes = [Box(off1: 0, lim1: n1, off2: 0, lim2: n2, needMinimal: minimal)]
                        while var box = boxes.popLast() {
                            while box.off1 < box.lim1 && box.off2 < box.lim2 && ha1[box.off1] == ha2[box.off2] {
                                box.off1 += 1; box.off2 += 1
                            }
                            while box.off1 < box.lim1 && box.off2 < box.lim2 && ha1[box.lim1 - 1] == ha2[box.lim2 - 1] {
                                box.lim1 -= 1; box.lim2 -= 1
                            }
                            if box.off1 == box.lim1 {
                                for index in box.off2..<box.lim2 { changedB[index] = true }
                            } else if box.off2 == box.lim2 {
                                for index in box.off1..<box.lim1 { changedA[index] = true }
                            } else {
                                let split = findSplit(ha1, ha2, box, kvdf, kvdb, maxCost: maxCost)
                                boxes.append(Box(off1: split.i1, lim1: box.lim1, off2: split.i2, lim2: box.lim2, needMinimal: split.minimalHigh))
                                boxes.append(Box(off1: box.off1, lim1: split.i1, off2: box.off2, lim2: split.i2, needMinimal: split.minimalLow))
                            }
                        }
                    }
                }
            }
        }
    }

    private static func findSplit(
        _ ha1: UnsafeBufferPointer<Int32>, _ ha2: UnsafeBufferPointer<Int32>, _ box: Box,
        _ kvdf: UnsafeMutablePointer<Int>, _ kvdb: UnsafeMutablePointer<Int>, maxCost: Int
    ) -> Split {
        let (off1, lim1, off2, lim2) = (box.off1, box.lim1, box.off2, box.lim2)
        let dmin = off1 - lim2, dmax = lim1 - off2
        let fmid = off1 - off2, bmid = lim1 - lim2
        let odd = (fmid - bmid) & 1 != 0
        var fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid
        kvdf[fmid] = off1
        kvdb[bmid] = lim1
        var cost = 1
        while true {
            var gotSnake = false
            // Forward search: extend the diagonal domain by one, keeping it inside the box.
            if fmin > dmin { fmin -= 1; kvdf[fmin - 1] = -1 } else { fmin += 1 }
            if fmax < dmax { fmax += 1; kvdf[fmax + 1] = -1 } else { fmax -= 1 }
            var d = fmax
            while d >= fmin {
                var i1 = kvdf[d - 1] >= kvdf[d + 1] ? kvdf[d - 1] + 1 : kvdf[d + 1]
                let previous = i1
                var i2 = i1 - d
                while i1 < lim1 && i2 < lim2 && ha1[i1] == ha2[i2] { i1 += 1; i2 += 1 }
                if i1 - previous > snakeLength { gotSnake = true }
                kvdf[d] = i1
                if odd && bmin <= d && d <= bmax && kvdb[d] <= i1 {
                    return Split(i1: i1, i2: i2)
                }
                d -= 2
            }
            // Backward search.
            if bmin > dmin { bmin -= 1; kvdb[bmin - 1] = Int.max } else { bmin += 1 }
            if bmax < dmax { bmax += 1; kvdb[bmax + 1] = Int.max } else { bmax -= 1 }
            d = bmax
            while d >= bmin {
                var i1 = kvdb[d - 1] < kvdb[d + 1] ? kvdb[d - 1] : kvdb[d + 1] - 1
                let previous = i1
                var i2 = i1 - d
                while i1 > off1 && i2 > off2 && ha1[i1 - 1] == ha2[i2 - 1] { i1 -= 1; i2 -= 1 }
                if previous - i1 > snakeLength { gotSnake = true }
                kvdb[d] = i1
                if !odd && fmin <= d && d <= fmax && i1 <= kvdf[d] {
                    return Split(i1: i1, i2: i2)
                }
                d -= 2
            }
            if box.needMinimal { cost += 1; continue }

            // Past the trigger, a diagonal far from the corner that ends a long snake is a good
            // enough split point.
            if gotSnake && cost > heuristicMinimumCost {
                var best = 0, split = Split(minimalLow: true, minimalHigh: false)
                d = fmax
                while d >= fmin {
                    let distance = d > fmid ? d - fmid : fmid - d
                    let i1 = kvdf[d], i2 = i1 - d
                    let value = (i1 - off1) + (i2 - off2) - distance
                    if value > heuristicFactor * cost && value > best && off1 + snakeLength <= i1 && i1 < lim1 && off2 + snakeLength <= i2 && i2 < lim2 {
                        var k = 1
                        while ha1[i1 - k] == ha2[i2 - k] {
                            if k == snakeLength { best = value; split.i1 = i1; split.i2 = i2; break }
                            k += 1
                        }
                    }
                    d -= 2
                }
                if best > 0 { return split }
                best = 0
                split = Split(minimalLow: false, minimalHigh: true)
                d = bmax
                while d >= bmin {
                    let distance = d > bmid ? d - bmid : bmid - d
                    let i1 = kvdb[d], i2 = i1 - d
                    let value = (lim1 - i1) + (lim2 - i2) - distance
                    if value > heuristicFactor * cost && value > best && off1 < i1 && i1 <= lim1 - snakeLength && off2 < i2 && i2 <= lim2 - snakeLength {
                        var k = 0
                        while ha1[i1 + k] == ha2[i2 + k] {
                            if k == snakeLength - 1 { best = value; split.i1 = i1; split.i2 = i2; break }
                            k += 1
                        }
                    }
                    d -= 2
                }
                if best > 0 { return split }
            }

            // Enough: take the furthest-reaching path in either direction.
            if cost >= maxCost {
                var forwardBest = -1, forwardBest1 = -1
                d = fmax
                while d >= fmin {
                    var i1 = min(kvdf[d], lim1), i2 = i1 - d
                    if lim2 < i2 { i1 = lim2 + d; i2 = lim2 }
                    if forwardBest < i1 + i2 { forwardBest = i1 + i2; forwardBest1 = i1 }
                    d -= 2
                }
                var backwardBest = Int.max, backwardBest1 = Int.max
                d = bmax
                while d >= bmin {
                    var i1 = max(off1, kvdb[d]), i2 = i1 - d
                    if i2 < off2 { i1 = off2 + d; i2 = off2 }
                    if i1 + i2 < backwardBest { backwardBest = i1 + i2; backwardBest1 = i1 }
                    d -= 2
                }
                if (lim1 + lim2) - backwardBest < forwardBest - (off1 + off2) {
                    return Split(i1: forwardBest1, i2: forwardBest - forwardBest1, minimalLow: true, minimalHigh: false)
                }
                return Split(i1: backwardBest1, i2: backwardBest - backwardBest1, minimalLow: false, minimalHigh: true)
            }
            cost += 1
        }
    }
}
