import SteleLanguage

/// An alignment drawn as two columns, source on the left and target on the right, one block per
/// bead under a rule that gives its shape and confidence. Paragraphs are numbered from 1, as
/// `stele diff` numbers them (the JSON form's indices are 0-based):
///
///     en                                    │ fr
///     ── 1-1 · 0.98 ────────────────────────┼──────────────────────────────────────
///      1 Admiral Rob Bauer takes over as    │  1 L’amiral Rob Bauer prend ses
///        Chair of the Military Committee    │    fonctions de président du Comité
///     ── 1-0 · 0.91 ────────────────────────┼──────────────────────────────────────
///     10 Photo: the Chair at his desk.      │    (no counterpart)
public enum SideBySideText {
    /// Draws `alignment` of `source` and `target` in `width` columns (at least 40).
    public static func render(_ alignment: ParagraphAlignment, source: [String], target: [String], width: Int) -> String {
        let total = max(40, width)
        let left = (total - 3) / 2, right = total - 3 - left
        let gutter = String(max(source.count, target.count, 1)).count + 2
        var lines = [pad(alignment.from.code, left) + " │ " + alignment.to.code]
        for bead in alignment.beads {
            let title = "── \(bead.shape) · \(twoDecimals(bead.confidence)) "
            lines.append(pad(title, left, with: "─") + "─┼─" + String(repeating: "─", count: right))
            let leftLines = column(bead.source, of: source, width: left, gutter: gutter)
            let rightLines = column(bead.target, of: target, width: right, gutter: gutter)
            for row in 0..<max(leftLines.count, rightLines.count) {
                let text = pad(row < leftLines.count ? leftLines[row] : "", left) + " │ " + (row < rightLines.count ? rightLines[row] : "")
                lines.append(String(text.reversed().drop { $0 == " " }.reversed()))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One side of a bead: each paragraph wrapped, its number in the gutter of its first line.
    private static func column(_ indices: [Int], of paragraphs: [String], width: Int, gutter: Int) -> [String] {
        guard !indices.isEmpty else { return [String(repeating: " ", count: gutter) + "(no counterpart)"] }
        var lines: [String] = []
        for index in indices {
            let number = String(index + 1)
            let wrapped = wrap(paragraphs[index], width: max(10, width - gutter))
            for (row, line) in wrapped.enumerated() {
                let margin = row == 0 ? String(repeating: " ", count: gutter - 1 - number.count) + number + " " : String(repeating: " ", count: gutter)
                lines.append(margin + line)
            }
        }
        return lines
    }

    /// `text` broken into lines of at most `width` characters, at spaces when possible.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineCount = 0
        for word in text.split(whereSeparator: { $0.isWhitespace }) {
            var word = Substring(word)
            while word.count > width {
                if lineCount > 0 { lines.append(line); line = ""; lineCount = 0 }
                lines.append(String(word.prefix(width)))
                word = word.dropFirst(width)
            }
            if word.isEmpty { continue }
            if lineCount > 0 && lineCount + 1 + word.count > width {
                lines.append(line)
                line = ""
                lineCount = 0
            }
            if lineCount > 0 { line += " "; lineCount += 1 }
            line += word
            lineCount += word.count
        }
        if lineCount > 0 || lines.isEmpty { lines.append(line) }
        return lines
    }

    private static func twoDecimals(_ value: Double) -> String {
        let hundredths = Int((min(1, max(0, value)) * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    private static func pad(_ text: String, _ width: Int, with filler: Character = " ") -> String {
        let count = text.count
        return count >= width ? String(text.prefix(width)) : text + String(repeating: filler, count: width - count)
    }
}
