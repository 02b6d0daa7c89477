/// Two texts cut into lines over one shared byte buffer, each line with its `\n` when it had one,
/// so that a last line without a newline differs from the same line with one (as in GNU diff).
struct TextLinePair {
    /// The bytes of the old text followed by the bytes of the new text.
    let bytes: [UInt8]
    /// The lines of the old text, as ranges of `bytes`.
    let old: [Range<Int>]
    /// The lines of the new text, as ranges of `bytes`.
    let new: [Range<Int>]

    init(old oldText: String, new newText: String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(oldText.utf8.count + newText.utf8.count)
        bytes.append(contentsOf: oldText.utf8)
        let split = bytes.count
        bytes.append(contentsOf: newText.utf8)
        self.bytes = bytes
        old = Self.lines(of: bytes, in: 0..<split)
        new = Self.lines(of: bytes, in: split..<bytes.count)
    }

    /// Whether `line` ends with a newline.
    func isTerminated(_ line: Range<Int>) -> Bool {
        !line.isEmpty && bytes[line.upperBound - 1] == 0x0A
    }

    static func lines(of bytes: [UInt8], in range: Range<Int>) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = range.lowerBound
            var index = range.lowerBound
            while index < range.upperBound {
                if buffer[index] == 0x0A {
                    lines.append(start..<index + 1)
                    start = index + 1
                }
                index += 1
            }
            if start < range.upperBound { lines.append(start..<range.upperBound) }
        }
        return lines
    }
}
