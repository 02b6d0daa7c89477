import SteleLanguage

extension ParagraphAlignment {
    /// The alignment as `stele align --json` prints it: keys in the documented order, one bead a
    /// line, confidences rounded to three decimals.
    ///
    ///     {"from": "en", "to": "fr", "beads": [
    ///       {"source": [0], "target": [0], "confidence": 0.98},
    ///       {"source": [5], "target": [], "confidence": 0.9}
    ///     ]}
    public var json: String {
        let beadLines = beads.map { bead in
            let source = bead.source.map(String.init).joined(separator: ", ")
            let target = bead.target.map(String.init).joined(separator: ", ")
            let confidence = (bead.confidence * 1000).rounded() / 1000
            return "  {\"source\": [\(source)], \"target\": [\(target)], \"confidence\": \(confidence)}"
        }
        let head = "{\"from\": \"\(from.code)\", \"to\": \"\(to.code)\", \"beads\": ["
        return beadLines.isEmpty ? head + "]}" : head + "\n" + beadLines.joined(separator: ",\n") + "\n]}"
    }
}

/// Splits text into paragraphs the way every Stele tool does: one paragraph a line, surrounding
/// white space trimmed, empty lines dropped (they take no index).
public enum ParagraphText {
    /// The paragraphs of `text` (LF, CRLF or CR line ends).
    public static func paragraphs(in text: String) -> [String] {
        var paragraphs: [String] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = lineStart
        func close(at end: String.UnicodeScalarView.Index) {
            var first = lineStart, last = end
            while first < last && scalars[first].properties.isWhitespace { first = scalars.index(after: first) }
            while last > first && scalars[scalars.index(before: last)].properties.isWhitespace { last = scalars.index(before: last) }
            if first < last { paragraphs.append(String(scalars[first..<last])) }
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                close(at: index)
                lineStart = scalars.index(after: index)
            }
            index = scalars.index(after: index)
        }
        close(at: scalars.endIndex)
        return paragraphs
    }
}
