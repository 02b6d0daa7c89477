/// Unified diff output, as `diff -u` prints it and `patch` reads it.
public enum UnifiedDiff {
    /// The unified diff that turns `old` into `new`, or the empty string when they are equal.
    ///
    /// Lines are compared byte for byte, `context` unchanged lines surround each change, and hunks
    /// closer than twice the context are merged, as GNU diff does. A last line without a newline
    /// is followed by `\ No newline at end of file`.
    public static func make(from old: String, to new: String, oldLabel: String = "a", newLabel: String = "b", context: Int = 3) -> String {
        let pair = TextLinePair(old: old, new: new)
        let changes = SequenceDiff.changes(bytes: pair.bytes, old: pair.old, new: pair.new, minimal: false)
        guard !changes.isEmpty else { return "" }
        var output: [UInt8] = []
        output.reserveCapacity(256 + changes.count * 160)
        output.append(contentsOf: "--- \(oldLabel)\n+++ \(newLabel)\n".utf8)
        for hunk in hunks(changes, oldCount: pair.old.count, context: max(0, context)) {
            write(hunk, of: changes, pair: pair, into: &output)
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Changes grouped into hunks: a hunk covers `changes[changeRange]` plus context around them.
    struct Hunk {
        var changeRange: Range<Int>
        var oldStart: Int, oldEnd: Int
        var newStart: Int, newEnd: Int
    }

    static func hunks(_ changes: [DiffChange], oldCount: Int, context: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        var first = 0
        while first < changes.count {
            var last = first
            while last + 1 < changes.count && changes[last + 1].oldRange.lowerBound - changes[last].oldRange.upperBound <= 2 * context {
                last += 1
            }
            let oldStart = max(0, changes[first].oldRange.lowerBound - context)
            let oldEnd = min(oldCount, changes[last].oldRange.upperBound + context)
            let newStart = changes[first].newRange.lowerBound - (changes[first].oldRange.lowerBound - oldStart)
            let newEnd = changes[last].newRange.upperBound + (oldEnd - changes[last].oldRange.upperBound)
            hunks.append(Hunk(changeRange: first..<last + 1, oldStart: oldStart, oldEnd: oldEnd, newStart: newStart, newEnd: newEnd))
            first = last + 1
        }
        return hunks
    }

    /// GNU's way of writing a hunk range: `l` for one line, `l,0` (the line before) for none.
    static func rangeText(start: Int, count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    private static func write(_ hunk: Hunk, of changes: [DiffChange], pair: TextLinePair, into output: inout [UInt8]) {
        let header = "@@ -\(rangeText(start: hunk.oldStart, count: hunk.oldEnd - hunk.oldStart)) +\(rangeText(start: hunk.newStart, count: hunk.newEnd - hunk.newStart)) @@\n"
        output.append(contentsOf: header.utf8)
        var oldLine = hunk.oldStart
        for change in changes[hunk.changeRange] {
            while oldLine < change.oldRange.lowerBound {
                writeLine(0x20, pair.old[oldLine], pair: pair, into: &output)
                oldLine += 1
            }
            for line in change.oldRange { writeLine(0x2D, pair.old[line], pair: pair, into: &output) }
            for line in change.newRange { writeLine(0x2B, pair.new[line], pair: pair, into: &output) }
            oldLine = change.oldRange.upperBound
        }
        while oldLine < hunk.oldEnd {
            writeLine(0x20, pair.old[oldLine], pair: pair, into: &output)
            oldLine += 1
        }
    }

    private static func writeLine(_ marker: UInt8, _ line: Range<Int>, pair: TextLinePair, into output: inout [UInt8]) {
        output.append(marker)
        output.append(contentsOf: pair.bytes[line])
        if !pair.isTerminated(line) {
            output.append(contentsOf: "\n\\ No newline at end of file\n".utf8)
        }
    }
}
