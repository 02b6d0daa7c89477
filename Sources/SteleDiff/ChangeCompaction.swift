/// Slides groups of changed lines up and down over equal lines, as GNU diff and git do, so that
/// the same edit always reads the same way and groups that can touch merge into one: inserting a
/// paragraph identical to its neighbour shows as one added line at the end of the run, not as a
/// change somewhere inside it. The number of changed lines never changes.
enum ChangeCompaction {
    /// Compacts `changed` (one flag per element of `ids`) against the other side's flags.
    ///
    /// Both flag arrays carry a `false` sentinel at index 0 and at the end, so element `i` is
    /// at `i + 1`: the loops below run off no edge.
    static func compact(_ ids: [Int32], _ changed: inout [Bool], other: [Bool]) {
        let count = ids.count
        var index = 0, otherIndex = 0
        func isChanged(_ i: Int) -> Bool { changed[i + 1] }
        func otherChanged(_ i: Int) -> Bool { other[i + 1] }
        while true {
            // The next changed group, keeping the index into the other side in step.
            while index < count && !isChanged(index) {
                while otherChanged(otherIndex) { otherIndex += 1 }
                otherIndex += 1
                index += 1
            }
            if index == count { break }
            var start = index
            index += 1
            while isChanged(index) { index += 1 }
            while otherChanged(otherIndex) { otherIndex += 1 }

            var reference = count
            var size = 0
            repeat {
                size = index - start
                // Up, while the line above equals the group's last line; merge with groups met.
                while start > 0 && ids[start - 1] == ids[index - 1] {
                    start -= 1
                    index -= 1
                    changed[start + 1] = true
                    changed[index + 1] = false
                    while isChanged(start - 1) { start -= 1 }
                    otherIndex -= 1
                    while otherChanged(otherIndex) { otherIndex -= 1 }
                }
                // Where the group would face a change on the other side, if it gets there.
                reference = otherChanged(otherIndex - 1) ? index : count
                // Down, while the line below equals the group's first line.
                while index < count && ids[start] == ids[index] {
                    changed[start + 1] = false
                    changed[index + 1] = true
                    start += 1
                    index += 1
                    while isChanged(index) { index += 1 }
                    otherIndex += 1
                    while otherChanged(otherIndex) {
                        otherIndex += 1
                        reference = index
                    }
                }
            } while size != index - start
            // Back up to face the other side's change, when the group passed one.
            while reference < index {
                start -= 1
                index -= 1
                changed[start + 1] = true
                changed[index + 1] = false
                otherIndex -= 1
                while otherChanged(otherIndex) { otherIndex -= 1 }
            }
        }
    }
}
